// Use case: a period in review is returned to its preparer, or a signed-off period is reopened — both with a reason.
// Reopening never edits what was signed: the signed report version stays as it is, and the next calculation that
// changes a figure is a new calculation version (a restatement), which a later sign-off freezes as the next
// report version. Audited.
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, isUuid } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { assertPeriodId } from "../inventory/ledger/period-id";

export const ReopenPeriodInput = z.object({
  periodId: z.string().refine(isUuid, "Reporting period not found."),
  reason: z.string({ error: "must not be empty" }).trim().min(1, "must not be empty: say why the period is reopened").max(2000),
});

export async function reopenPeriod({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<{ id: string; status: "OPEN" }> {
  authorize(ctx, "report:signoff");
  assertPeriodId(input);
  const { periodId, reason } = parseInput(ReopenPeriodInput, input);
  return prisma.$transaction(async (tx) => {
    const period = await tx.reportingPeriod.findFirst({ where: byId(ctx, periodId) });
    if (!period) throw notFound("Reporting period");
    if (period.status !== "IN_REVIEW" && period.status !== "SIGNED_OFF")
      throw new AppError("CONFLICT", `${period.name} is neither in review nor signed off: there is nothing to reopen.`, [{ field: "status", reason: period.status }]);
    await tx.reportingPeriod.update({ where: { id: periodId }, data: { status: "OPEN", submittedById: null, submittedAt: null, reviewedById: null, reviewedAt: null, reviewNote: null, unresolvedAcknowledged: false } });
    await recordAudit(tx, ctx, {
      action: period.status === "SIGNED_OFF" ? "period.reopened" : "period.returned",
      entityType: "ReportingPeriod",
      entityId: periodId,
      before: { status: period.status },
      after: { status: "OPEN", reason },
    });
    return { id: periodId, status: "OPEN" as const };
  });
}
