/**
 * Renders the ESRS E1 report of a report version (signed, or a draft) to PDF bytes. Plain Node, no database.
 *
 * react-pdf cannot know page numbers before layout. Each section heading records the page it lands on (a Text
 * `render` callback) and the contents prints them from a `render` callback too: react-pdf 4.9 calls every render
 * prop while it splits the pages and again, in page order, once all are split, so the contents' second call already
 * sees every heading's page. If a react-pdf version ever orders these calls otherwise, the numbers printed differ
 * from those collected and the document is rendered a second time with the collected numbers given up front. The
 * contents has one line per section either way, so no page moves. Deterministic: the same document gives the same
 * text (dates come from the content, never the clock).
 */
import { createElement, type ReactElement } from "react";
import { renderToBuffer, type DocumentProps } from "@react-pdf/renderer";
import type { ReportDocument } from "@/lib/reporting/content";
import { E1Report } from "@/lib/pdf/e1/E1Report";
import { SECTIONS } from "@/lib/pdf/e1/sections";

async function pass(doc: ReportDocument, pages: Record<string, number>) {
  const collect: Record<string, number> = {};
  const printed: Record<string, number | null> = {};
  const element = createElement(E1Report, { doc, pages, collect, printed }) as unknown as ReactElement<DocumentProps>;
  const pdf = await renderToBuffer(element);
  const consistent = SECTIONS.every((sec) => collect[sec.id] !== undefined && printed[sec.id] === collect[sec.id]);
  return { pdf, collect, consistent };
}

export async function renderE1ReportPdf(doc: ReportDocument): Promise<Buffer> {
  const first = await pass(doc, {});
  if (first.consistent) return first.pdf;
  const second = await pass(doc, first.collect);
  if (!second.consistent) throw new Error("E1 report: the contents' page numbers do not match the pages of the section headings");
  return second.pdf;
}
