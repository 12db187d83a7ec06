// Use case: the reviewer records "reviewed" on a period in review, with an optional note — the middle step of
// preparer → reviewer → approver (issue 14). Separation of duties: the preparer cannot review their own submission;
// the approver (approve-period.ts) must be a third person and cannot approve before the review. Audited.
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, isUuid } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { assertPeriodId } from "../inventory/ledger/period-id";

export const ReviewPeriodInput = z.object({
  periodId: z.string().refine(isUuid, "Reporting period not found."),
  note: z.string().trim().max(2000).default(""),
});

export async function reviewPeriod({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<{ id: string; status: "IN_REVIEW"; reviewedAt: string }> {
  authorize(ctx, "report:review");
  assertPeriodId(input);
  const { periodId, note } = parseInput(ReviewPeriodInput, input);
  return prisma.$transaction(async (tx) => {
    const period = await tx.reportingPeriod.findFirst({ where: byId(ctx, periodId) });
    if (!period) throw notFound("Reporting period");
    if (period.status !== "IN_REVIEW") throw new AppError("CONFLICT", `${period.name} is not in review: the preparer submits it first.`, [{ field: "status", reason: period.status }]);
    if (period.reviewedById) throw new AppError("CONFLICT", `${period.name} has already been reviewed.`, [{ field: "status", reason: "already reviewed" }]);
    if (period.submittedById === ctx.userId)
      throw new AppError("FORBIDDEN", "Separation of duties: you prepared this period, so another member reviews it.", [{ field: "reviewer", reason: "the preparer cannot review" }]);
    const reviewedAt = new Date();
    await tx.reportingPeriod.update({ where: { id: periodId }, data: { reviewedById: ctx.userId, reviewedAt, reviewNote: note || null } });
    await recordAudit(tx, ctx, { action: "period.reviewed", entityType: "ReportingPeriod", entityId: periodId, before: { status: "IN_REVIEW", reviewed: false }, after: { status: "IN_REVIEW", reviewed: true, note: note || null } });
    return { id: periodId, status: "IN_REVIEW" as const, reviewedAt: reviewedAt.toISOString() };
  });
}
