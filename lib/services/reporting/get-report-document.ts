// Use case: the report of a period as a document: its latest signed report version (parsed from the stored canonical
// JSON, checked against its sha256), or — for a period not signed off — a draft built from the current calculation.
// Also says whether inputs changed since the signed version (the current calculation is not the one it froze).
import { assertPeriodCovered } from "../assurance/engagement-scope";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, inOrg } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { canonicalJson, sha256Hex } from "../../reporting/canonical-json";
import type { ReportContent, ReportDocument } from "../../reporting/content";
import { assertPeriodId } from "../inventory/ledger/period-id";
import { peopleByIds } from "../periods/period-views";
import { buildReportContent } from "./content/build-content";

export interface ReportDocumentRead {
  document: ReportDocument;
  /** Signed, but the period's current calculation is another version (reopened and recalculated, or restated). */
  changedSinceSigned: boolean;
}

export async function getReportDocument({ ctx, input }: { ctx: ServiceContext; input: { periodId: string } }): Promise<ReportDocumentRead> {
  authorize(ctx, "report:read");
  assertPeriodId(input);
  await assertPeriodCovered(ctx, input.periodId);
  const period = await prisma.reportingPeriod.findFirst({
    where: byId(ctx, input.periodId),
    include: { calcVersions: { where: { isCurrent: true }, select: { id: true } }, reportVersions: { where: inOrg(ctx), orderBy: { number: "desc" }, take: 1 } },
  });
  if (!period) throw notFound("Reporting period");
  const signed = period.status === "SIGNED_OFF" ? (period.reportVersions[0] ?? null) : null;
  if (signed) {
    const content = JSON.parse(signed.content) as ReportContent;
    // The stored bytes are what was hashed; re-canonicalising must give them back, or the row was tampered with.
    if (sha256Hex(signed.content) !== signed.sha256 || canonicalJson(content) !== signed.content)
      throw new AppError("CONFLICT", `Report version ${signed.number} of ${period.name} does not match its sha256: it was altered outside Scopebook.`);
    return {
      document: { status: "SIGNED_OFF", content, seal: { number: signed.number, sha256: signed.sha256, auditHeadSeq: signed.auditHeadSeq, auditHeadHash: signed.auditHeadHash } },
      changedSinceSigned: period.calcVersions[0]?.id !== signed.calculationVersionId,
    };
  }
  const people = await peopleByIds([period.submittedById]);
  const content = await buildReportContent(ctx, period.id, {
    preparedBy: period.submittedById ? (people.get(period.submittedById) ?? null) : null,
    submittedAt: period.submittedAt?.toISOString() ?? null,
    approvedBy: null,
    approvedAt: null,
  });
  return { document: { status: "DRAFT", content, seal: null }, changedSinceSigned: false };
}
