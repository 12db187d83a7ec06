/**
 * Renders the one-page emissions summary PDF to bytes.
 * Plain Node: no Next imports, no database; callers pass the data in.
 *
 * The output is a compressed PDF (react-pdf 4.9's renderToBuffer always
 * compresses page streams, and text in an embedded font is written as glyph
 * ids anyway), so tests that look for figures must extract text (pdftotext
 * or a PDF parser), not search the raw bytes.
 */
import { createElement, type ReactElement } from "react";
import { renderToBuffer, type DocumentProps } from "@react-pdf/renderer";
import { SummaryReport, type SummaryReportProps } from "@/lib/pdf/SummaryReport";

export type { SummaryReportProps, SummarySeriesPoint, SummaryGranularity, SummaryInventory } from "@/lib/pdf/SummaryReport";

export async function renderSummaryPdf(props: SummaryReportProps): Promise<Buffer> {
  // SummaryReport renders a <Document>; renderToBuffer's type only wants to know that.
  const element = createElement(SummaryReport, props) as unknown as ReactElement<DocumentProps>;
  return renderToBuffer(element);
}
