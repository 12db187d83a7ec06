// ESRS E1-4 targets as pages and the API see them: what they cover, the trajectory per year (data a project budget
// can be derived from) and progress per calculated period. Exact decimals as text.
import type { TargetProgress, TrajectoryPoint } from "../ghg/targets";

export interface TargetView {
  id: string;
  name: string;
  kind: "ABSOLUTE" | "INTENSITY";
  coversScope1: boolean;
  scope2Method: "LOCATION_BASED" | "MARKET_BASED" | null;
  scope3Categories: number[];
  /** e.g. "Scope 1 + Scope 2 (market-based) + Scope 3 cat. 1, 6". */
  coverage: string;
  /** "kgCO2e", or "kgCO2e per EUR" for an intensity target. */
  unit: string;
  baseYear: number;
  baseSource: "PERIOD" | "ENTERED";
  basePeriod: { id: string; name: string } | null;
  baseValue: string;
  baseEvidence: string | null;
  targetYear: number;
  reductionPercent: string;
  milestones: { year: number; reductionPercent: string }[];
  trajectory: TrajectoryPoint[];
  /** Per calculated period, oldest first: its covered value against the trajectory. */
  progress: (TargetProgress & { periodId: string; periodName: string })[];
}
