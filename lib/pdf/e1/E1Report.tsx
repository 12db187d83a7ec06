/**
 * The CSRD ESRS E1 section as an A4 PDF, rendered from a report version (lib/reporting/content.ts): signed, or a
 * draft watermarked on every page. A pure function of the document: no database, no clock (dates come from the
 * content). Each section starts on a new page; the contents prints the page each section heading landed on.
 */
import { Document } from "@react-pdf/renderer";
import type { ReportDocument } from "@/lib/reporting/content";
import { Analysis } from "./analysis";
import { Breakdowns } from "./breakdowns";
import { Contents, Cover } from "./cover";
import { Emissions } from "./emissions";
import { Energy } from "./energy";
import { Instruments } from "./instruments";
import { KeyFigures } from "./key-figures";
import type { E1Context } from "./layout";
import { Methodology } from "./methodology";
import { DataQuality, Statement } from "./quality";
import { Factors, Restatements } from "./sources";
import { Targets } from "./targets";

export interface E1ReportProps {
  doc: ReportDocument;
  pages: Readonly<Record<string, number>>;
  collect: Record<string, number>;
  printed: Record<string, number | null>;
}

export function E1Report({ doc, pages, collect, printed }: E1ReportProps) {
  const c = doc.content;
  const ctx: E1Context = { doc, c, draft: doc.status !== "SIGNED_OFF" || doc.seal === null, pages, collect, printed };
  const dated = c.signoff.approvedAt ?? c.calculation.calculatedAt;
  const when = new Date(dated);
  return (
    <Document
      title={`ESRS E1 Climate change — ${c.organization.name} — ${c.period.name}${ctx.draft ? " (DRAFT)" : ""}`}
      subject={ctx.draft ? "Draft, not signed off" : `Report version ${doc.seal?.number} · sha256 ${doc.seal?.sha256}`}
      author={c.organization.name}
      creator="Scopebook"
      producer="Scopebook"
      language="en"
      creationDate={Number.isNaN(when.getTime()) ? undefined : when}
      modificationDate={Number.isNaN(when.getTime()) ? undefined : when}
    >
      <Cover ctx={ctx} />
      <Contents ctx={ctx} />
      <KeyFigures ctx={ctx} />
      <Targets ctx={ctx} />
      <Energy ctx={ctx} />
      <Emissions ctx={ctx} />
      <Analysis ctx={ctx} />
      <Breakdowns ctx={ctx} />
      <Instruments ctx={ctx} />
      <Methodology ctx={ctx} />
      <Factors ctx={ctx} />
      <Restatements ctx={ctx} />
      <DataQuality ctx={ctx} />
      <Statement ctx={ctx} />
    </Document>
  );
}
