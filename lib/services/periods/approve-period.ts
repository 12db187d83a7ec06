// Use case: a third person approves a period reviewed and signs it off (separation of duties: preparer → reviewer →
// approver, three different people; who submitted or reviewed cannot approve; approval needs report:signoff and a
// review on record). Sign-off freezes a report version — every datapoint as canonical JSON, its sha256
// and the audit chain's head at that moment — in the same transaction as its audit event. Later data changes never
// alter it: the period shows "inputs changed since signed".
import { z } from "zod";
import { lockAuditChain, recordAudit } from "../../audit/record";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, inOrg, isUuid } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { GENESIS_HASH } from "../../audit/chain";
import { parseInput } from "../../parse-input";
import { canonicalJson, sha256Hex } from "../../reporting/canonical-json";
import { getPeriodStaleness } from "../inventory/get-period-staleness";
import { assertPeriodId } from "../inventory/ledger/period-id";
import { buildReportContent } from "../reporting/content/build-content";
import { peopleByIds } from "./period-views";
import { writeCheckpoint } from "../assurance/checkpoints";
import { ensureSigningKey } from "../assurance/signing-key";

export const ApprovePeriodInput = z.object({ periodId: z.string().refine(isUuid, "Reporting period not found.") });

export interface SignOffResult {
  id: string;
  status: "SIGNED_OFF";
  reportVersion: { id: string; number: number; sha256: string; auditHeadHash: string };
}

export async function approvePeriod({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<SignOffResult> {
  authorize(ctx, "report:signoff");
  assertPeriodId(input);
  const { periodId } = parseInput(ApprovePeriodInput, input);
  const period = await prisma.reportingPeriod.findFirst({ where: byId(ctx, periodId), include: { calcVersions: { where: { isCurrent: true }, select: { id: true } } } });
  if (!period) throw notFound("Reporting period");
  if (period.status !== "IN_REVIEW") throw new AppError("CONFLICT", `${period.name} is not in review (${period.status.toLowerCase().replace("_", " ")}): the preparer submits it first.`, [{ field: "status", reason: period.status }]);
  if (!period.submittedById || !period.submittedAt) throw new AppError("CONFLICT", `${period.name} has no submission on record.`, [{ field: "status", reason: "not submitted" }]);
  if (period.submittedById === ctx.userId)
    throw new AppError("FORBIDDEN", "Four eyes: you submitted this period, so another member with sign-off rights must approve it.", [{ field: "approver", reason: "the preparer cannot approve" }]);
  if (!period.reviewedById || !period.reviewedAt)
    throw new AppError("CONFLICT", `${period.name} has not been reviewed: a reviewer records the review before approval.`, [{ field: "review", reason: "not reviewed" }]);
  if (period.reviewedById === ctx.userId)
    throw new AppError("FORBIDDEN", "Separation of duties: you reviewed this period, so a third member with sign-off rights approves it.", [{ field: "approver", reason: "the reviewer cannot approve" }]);
  if ((await getPeriodStaleness({ ctx, input: { periodId } })).stale)
    throw new AppError("CONFLICT", `Inputs of ${period.name} changed since it was submitted: return it for recalculation.`, [{ field: "period", reason: "inputs changed since calculated" }]);
  const people = await peopleByIds([period.submittedById, period.reviewedById, ctx.userId]);
  const approvedAt = new Date();
  const content = await buildReportContent(ctx, periodId, {
    preparedBy: people.get(period.submittedById) ?? null,
    submittedAt: period.submittedAt.toISOString(),
    reviewedBy: people.get(period.reviewedById) ?? null,
    reviewedAt: period.reviewedAt.toISOString(),
    approvedBy: ctx.userId ? (people.get(ctx.userId) ?? null) : null,
    approvedAt: approvedAt.toISOString(),
  });
  const text = canonicalJson(content);
  const sha256 = sha256Hex(text);
  return prisma.$transaction(async (tx) => {
    // The period as approved must be the period as read: in review, with the same current calculation.
    const now = await tx.reportingPeriod.findFirst({ where: byId(ctx, periodId), include: { calcVersions: { where: { isCurrent: true }, select: { id: true } } } });
    if (now?.status !== "IN_REVIEW" || now.calcVersions[0]?.id !== content.calculation.versionId)
      throw new AppError("CONFLICT", `${period.name} changed while it was being signed: reload and try again.`, [{ field: "period", reason: "changed" }]);
    await lockAuditChain(tx, ctx.organization.id);
    await ensureSigningKey(tx, ctx); // the first sign-off creates the organization's key (audited before the head is read)
    const head = await tx.auditEvent.findFirst({ where: inOrg(ctx), orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
    const last = await tx.reportVersion.findFirst({ where: { ...inOrg(ctx), periodId }, orderBy: { number: "desc" }, select: { number: true } });
    const version = await tx.reportVersion.create({
      data: {
        ...inOrg(ctx),
        periodId,
        calculationVersionId: content.calculation.versionId,
        number: (last?.number ?? 0) + 1,
        content: text,
        sha256,
        auditHeadSeq: head?.seq ?? 0,
        auditHeadHash: head?.hash ?? GENESIS_HASH,
        preparedById: period.submittedById!,
        submittedAt: period.submittedAt!,
        approvedById: ctx.userId!,
        approvedAt,
        reviewedById: period.reviewedById,
        reviewedAt: period.reviewedAt,
        reviewNote: period.reviewNote,
      },
    });
    await tx.reportingPeriod.update({ where: { id: periodId }, data: { status: "SIGNED_OFF", signedOffById: ctx.userId, signedOffAt: approvedAt } });
    await recordAudit(tx, ctx, {
      action: "period.signed-off",
      entityType: "ReportingPeriod",
      entityId: periodId,
      before: { status: "IN_REVIEW" },
      after: { status: "SIGNED_OFF", reviewedById: period.reviewedById, reportVersionId: version.id, reportVersion: version.number, sha256, auditHeadSeq: version.auditHeadSeq, auditHeadHash: version.auditHeadHash, calculationVersionId: content.calculation.versionId },
    });
    // The signed checkpoint of the log up to and including this sign-off (decision 0028).
    await writeCheckpoint(tx, ctx, { kind: "SIGNOFF", timestamp: approvedAt, periodId, reportVersionId: version.id });
    return { id: periodId, status: "SIGNED_OFF" as const, reportVersion: { id: version.id, number: version.number, sha256, auditHeadHash: version.auditHeadHash } };
  });
}
