// Use case: where a period's latest recalculation is (decision 0026) — the phase running, steps done, elapsed time,
// or how it ended. null when the period was never recalculated since progress is kept. A row whose recalculation
// has not written for longer than a recalculation may run (its transaction's timeout) is not running any more: its
// process ended without finishing it (a restart), and nothing of it was committed.
import { assertPeriodCovered } from "../assurance/engagement-scope";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { parseInput } from "../../parse-input";
import { RECALCULATION_PHASES, type RecalculationPhase, type RecalculationProgressView } from "../../views/recalculation";
import { GetInventoryInput } from "./get-inventory";
import { assertPeriodId } from "./ledger/period-id";
import { RECALCULATION_TIMEOUT_MS } from "./recalculate-period";

const ENDED = { done: "Recalculated", failed: "The recalculation failed" } as const;

export async function getRecalculationProgress({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<RecalculationProgressView | null> {
  authorize(ctx, "org:read");
  assertPeriodId(input);
  const { periodId } = parseInput(GetInventoryInput, input);
  await assertPeriodCovered(ctx, periodId);
  const row = await prisma.recalculationProgress.findFirst({ where: { ...inOrg(ctx), periodId } });
  if (!row) return null;
  const abandoned = row.finishedAt === null && Date.now() - row.updatedAt.getTime() > RECALCULATION_TIMEOUT_MS;
  const phase = abandoned ? "failed" : (row.phase as RecalculationProgressView["phase"]);
  const end = row.finishedAt ?? row.updatedAt;
  return {
    phase,
    label: phase in ENDED ? ENDED[phase as keyof typeof ENDED] : RECALCULATION_PHASES[phase as RecalculationPhase] ?? phase,
    step: row.step,
    steps: row.steps,
    percent: Math.floor((100 * row.step) / row.steps),
    running: row.finishedAt === null && !abandoned,
    startedAt: row.startedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    elapsedSeconds: Math.max(0, Math.round((end.getTime() - row.startedAt.getTime()) / 1000)),
    error: abandoned ? "The recalculation stopped before it finished (the server restarted); nothing of it was written." : row.error,
  };
}
