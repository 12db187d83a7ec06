// Use case: an officer enters the period's net revenue (for intensity), its Scope 1 under a regulated emission
// trading scheme (E1-6 §48 (b), in tonnes as the scheme verifies them; stored in kg) or closes the period. A closed period keeps
// its stated figures: a later recalculation that changes them produces a new version (restatement).
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, isUuid } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { kgFromTonnes } from "../../ghg/ets";
import { parseInput } from "../../parse-input";
import { assertPeriodId } from "../inventory/ledger/period-id";
import { revenueText } from "./create-reporting-period";

export const UpdateReportingPeriodInput = z.object({
  periodId: z.string().refine(isUuid, "Reporting period not found."),
  netRevenue: z.union([revenueText, z.literal("").transform(() => null)]).optional(),
  netRevenueCurrency: z.string().trim().regex(/^[A-Z]{3}$/, "must be a currency code like EUR").optional(),
  /** Verified Scope 1 emissions under a regulated ETS, in tonnes CO2e as ETS reports state them ("" clears it). */
  scope1EtsTCo2e: z.union([revenueText, z.literal("").transform(() => null)]).optional(),
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
        ...(data.scope1EtsTCo2e !== undefined ? { scope1EtsKgCo2e: data.scope1EtsTCo2e === null ? null : kgFromTonnes(data.scope1EtsTCo2e) } : {}),
        ...(data.close ? { status: "CLOSED" as const } : {}),
      },
    });
    await recordAudit(tx, ctx, {
      action: data.close ? "period.closed" : "period.updated",
      entityType: "ReportingPeriod",
      entityId: before.id,
      before: { status: before.status, netRevenue: before.netRevenue?.toFixed() ?? null, scope1EtsKgCo2e: before.scope1EtsKgCo2e?.toFixed() ?? null },
      after: { status: after.status, netRevenue: after.netRevenue?.toFixed() ?? null, scope1EtsKgCo2e: after.scope1EtsKgCo2e?.toFixed() ?? null },
    });
    return { id: after.id, status: after.status };
  });
}
