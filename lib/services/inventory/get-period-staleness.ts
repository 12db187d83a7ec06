// Use case: are a period's stated figures stale? "Inputs changed since these figures were calculated" with the time
// of the latest change, when an input the period reads changed after its current version was last calculated
// (staleness/input-changes.ts). A period not calculated yet is not stale (it has no figures).
import { assertPeriodCovered } from "../assurance/engagement-scope";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, inOrg } from "../../db/scope";
import { notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { assertPeriodId } from "./ledger/period-id";
import { GetInventoryInput } from "./get-inventory";
import { latestInputChange } from "./staleness/input-changes";

export interface PeriodStaleness {
  stale: boolean;
  /** ISO time of the latest change to an input, when stale. */
  inputsChangedAt: string | null;
  /** The audit action of that change (e.g. "import.committed"). */
  lastChange: string | null;
}

export async function getPeriodStaleness({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<PeriodStaleness> {
  authorize(ctx, "org:read");
  assertPeriodId(input);
  const { periodId } = parseInput(GetInventoryInput, input);
  await assertPeriodCovered(ctx, periodId);
  const period = await prisma.reportingPeriod.findFirst({ where: byId(ctx, periodId), select: { startDate: true, endDate: true } });
  if (!period) throw notFound("Reporting period");
  const version = await prisma.calculationVersion.findFirst({ where: { ...inOrg(ctx), periodId, isCurrent: true }, select: { id: true, createdAt: true } });
  const change = version ? await latestInputChange(prisma, ctx.organization.id, version, period) : null;
  return { stale: change !== null, inputsChangedAt: change?.changedAt.toISOString() ?? null, lastChange: change?.action ?? null };
}
