// Where a period's recalculation is, as the period page shows it while the work runs (decision 0026). The phases
// are the recalculation's own steps, in order; the service writes the one now running.
export const RECALCULATION_PHASES = {
  waiting: "Waiting for another recalculation of this period",
  inputs: "Loading activity data, instruments, factors and provider exports",
  runs: "Grouping tracker runs by project, month and factor",
  calculating: "Calculating the remaining lines",
  writing: "Writing the ledger lines",
  indexing: "Indexing the new version",
  figures: "Rollups, factor datasets and figures",
} as const;

export type RecalculationPhase = keyof typeof RECALCULATION_PHASES;
export const RECALCULATION_STEPS = Object.keys(RECALCULATION_PHASES).length;

export interface RecalculationProgressView {
  /** A phase of RECALCULATION_PHASES, or "done" / "failed". */
  phase: RecalculationPhase | "done" | "failed";
  label: string;
  step: number;
  steps: number;
  /** Whole percent of the steps finished. */
  percent: number;
  running: boolean;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
  /** Seconds from start to finish (or to the last update while running). */
  elapsedSeconds: number;
  error: string | null;
}
