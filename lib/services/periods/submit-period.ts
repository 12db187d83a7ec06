// Use case: the preparer submits a calculated period for review (OPEN or CLOSED → IN_REVIEW). Its inputs must not
// have changed since the calculation; unresolved lines need an explicit acknowledgement (the report then lists
// them). Audited; nothing changes on a refusal.
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, isUuid } from "../../db/scope";
import { AppError, invalid, notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { getPeriodStaleness } from "../inventory/get-period-staleness";
import { assertPeriodId } from "../inventory/ledger/period-id";
import { versionE16 } from "../inventory/ledger/version-figures";

export const SubmitPeriodInput = z.object({
  periodId: z.string().refine(isUuid, "Reporting period not found."),
  acknowledgeUnresolved: z.coerce.boolean().default(false),
});

export async function submitPeriod({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<{ id: string; status: string }> {
  authorize(ctx, "period:manage");
  assertPeriodId(input);
  const data = parseInput(SubmitPeriodInput, input);
  const staleness = await getPeriodStaleness({ ctx, input: { periodId: data.periodId } });
  return prisma.$transaction(async (tx) => {
    const period = await tx.reportingPeriod.findFirst({ where: byId(ctx, data.periodId), include: { calcVersions: { where: { isCurrent: true }, select: { id: true } } } });
    if (!period) throw notFound("Reporting period");
    if (period.status === "IN_REVIEW" || period.status === "SIGNED_OFF")
      throw new AppError("CONFLICT", `${period.name} is already ${period.status === "IN_REVIEW" ? "in review" : "signed off"}.`, [{ field: "status", reason: period.status }]);
    const current = period.calcVersions[0];
    if (!current) throw new AppError("CONFLICT", `${period.name} has not been calculated: recalculate it before submitting.`, [{ field: "period", reason: "no calculation version" }]);
    if (staleness.stale) throw new AppError("CONFLICT", `Inputs of ${period.name} changed since its figures were calculated: recalculate before submitting.`, [{ field: "period", reason: "inputs changed since calculated" }]);
    const e16 = await versionE16(tx, ctx.organization.id, current.id, null);
    if (e16.unresolvedLines > 0 && !data.acknowledgeUnresolved)
      throw invalid(`${e16.unresolvedLines} line(s) of ${period.name} are unresolved (no factor): resolve them, or acknowledge that the report lists them.`, [
        { field: "acknowledgeUnresolved", reason: `${e16.unresolvedLines} unresolved line(s) must be acknowledged` },
      ]);
    const after = await tx.reportingPeriod.update({
      where: { id: period.id },
      data: { status: "IN_REVIEW", submittedById: ctx.userId, submittedAt: new Date(), reviewedById: null, reviewedAt: null, reviewNote: null, unresolvedAcknowledged: e16.unresolvedLines > 0 },
    });
    await recordAudit(tx, ctx, {
      action: "period.submitted",
      entityType: "ReportingPeriod",
      entityId: period.id,
      before: { status: period.status },
      after: { status: after.status, calculationVersionId: current.id, unresolvedLines: e16.unresolvedLines, unresolvedAcknowledged: after.unresolvedAcknowledged },
    });
    return { id: after.id, status: after.status };
  });
}
