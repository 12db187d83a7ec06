// Use case: an officer enters the period's net revenue (for intensity) or closes the period. A closed period keeps
// its stated figures: a later recalculation that changes them produces a new version (restatement).
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, isUuid } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { assertPeriodId } from "../inventory/ledger/period-id";
import { revenueText } from "./create-reporting-period";

export const UpdateReportingPeriodInput = z.object({
  periodId: z.string().refine(isUuid, "Reporting period not found."),
  netRevenue: z.union([revenueText, z.literal("").transform(() => null)]).optional(),
  netRevenueCurrency: z.string().trim().regex(/^[A-Z]{3}$/, "must be a currency code like EUR").optional(),
  close: z.boolean().optional(),
});

export async function updateReportingPeriod({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  authorize(ctx, "period:manage");
  assertPeriodId(input);
  const data = parseInput(UpdateReportingPeriodInput, input);
  return prisma.$transaction(async (tx) => {
    const before = await tx.reportingPeriod.findFirst({ where: byId(ctx, data.periodId) });
    if (!before) throw notFound("Reporting period");
    if (data.close && before.status !== "OPEN") throw new AppError("CONFLICT", "The period is already closed.", [{ field: "close", reason: "period is not open" }]);
    const after = await tx.reportingPeriod.update({
      where: { id: before.id },
      data: {
        ...(data.netRevenue !== undefined ? { netRevenue: data.netRevenue, netRevenueCurrency: data.netRevenue === null ? null : (data.netRevenueCurrency ?? before.netRevenueCurrency ?? "EUR") } : {}),
        ...(data.close ? { status: "CLOSED" as const } : {}),
      },
    });
    await recordAudit(tx, ctx, {
      action: data.close ? "period.closed" : "period.updated",
      entityType: "ReportingPeriod",
      entityId: before.id,
      before: { status: before.status, netRevenue: before.netRevenue?.toFixed() ?? null },
      after: { status: after.status, netRevenue: after.netRevenue?.toFixed() ?? null },
    });
    return { id: after.id, status: after.status };
  });
}
