// Use case: the CSRD E1 report of a period as PDF: the signed report version (rendered from its frozen content,
// with its seal), or a draft watermarked "DRAFT" built from the current calculation. Never from live data once signed.
import { logAccess } from "../assurance/access-log";
import type { ServiceContext } from "../../auth/context";
import { renderE1ReportPdf } from "../../pdf/render-e1-report";
import { getReportDocument } from "./get-report-document";

export async function renderE1Report({ ctx, input }: { ctx: ServiceContext; input: { periodId: string } }): Promise<{ fileName: string; bytes: Buffer; sha256: string | null }> {
  const { document } = await getReportDocument({ ctx, input });
  const bytes = await renderE1ReportPdf(document);
  const name = `${document.content.organization.slug}-${document.content.period.name}-ESRS-E1-${document.seal ? `v${document.seal.number}` : "draft"}.pdf`.replace(/[^\w.-]+/g, "_");
  await logAccess(ctx, { action: "report.pdf", entityType: "ReportVersion", entityId: document.seal ? `${input.periodId}:v${document.seal.number}` : null, periodId: input.periodId });
  return { fileName: name, bytes, sha256: document.seal?.sha256 ?? null };
}
