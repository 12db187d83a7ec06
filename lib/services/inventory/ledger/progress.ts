// A recalculation's progress (decision 0026): each phase is written to recalculation_progress through the shared
// client, outside the recalculation's transaction, so the period page can poll it while the work runs. It is
// operational state, not a record (the outcome is audited by the recalculation): a failed progress write is logged
// and never fails the recalculation.
import { prisma } from "../../../db/client";
import { RECALCULATION_PHASES, RECALCULATION_STEPS, type RecalculationPhase } from "../../../views/recalculation";

export interface ProgressReporter {
  at(phase: RecalculationPhase): Promise<void>;
  finish(error?: string): Promise<void>;
}

const ORDER = Object.keys(RECALCULATION_PHASES) as RecalculationPhase[];

export function recalculationProgress(organizationId: string, periodId: string, startedById: string | null): ProgressReporter {
  const startedAt = new Date();
  const write = async (phase: string, step: number, finished: boolean, error: string | null) => {
    const now = new Date();
    const data = { phase, step, steps: RECALCULATION_STEPS, updatedAt: now, finishedAt: finished ? now : null, error };
    try {
      await prisma.recalculationProgress.upsert({
        where: { periodId, organizationId },
        create: { periodId, organizationId, startedById, startedAt, ...data },
        update: { startedById, startedAt, ...data },
      });
    } catch (err) {
      console.warn(`[recalculation] progress of period ${periodId} not written: ${(err as Error).message}`);
    }
  };
  let reached = 0;
  return {
    at: (phase) => {
      reached = ORDER.indexOf(phase);
      return write(phase, reached, false, null);
    },
    finish: (error) => (error === undefined ? write("done", RECALCULATION_STEPS, true, null) : write("failed", reached, true, error)),
  };
}
