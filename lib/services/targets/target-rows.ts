// A stored target → its definition (lib/ghg/targets.ts) and its view, evaluated against calculated periods.
import type { EmissionTarget } from "../../generated/prisma/client";
import { coveredValue, progress, trajectory, type TargetDefinition } from "../../ghg/targets";
import type { E16 } from "../../ghg/aggregate";
import type { TargetView } from "../../views/targets";

export type TargetRow = EmissionTarget;

export interface PeriodFigures {
  periodId: string;
  periodName: string;
  /** The calendar year the period ends in: the year a trajectory point is compared with. */
  year: number;
  e16: E16;
  netRevenue: string | null;
}

export function targetDefinition(t: TargetRow): TargetDefinition {
  return {
    kind: t.kind,
    coversScope1: t.coversScope1,
    scope2Method: t.scope2Method === "NOT_APPLICABLE" ? null : t.scope2Method,
    scope3Categories: [...t.scope3Categories].sort((a, b) => a - b),
    baseYear: t.baseYear,
    baseValue: t.baseValue.toFixed(),
    targetYear: t.targetYear,
    reductionPercent: t.reductionPercent.toFixed(),
    milestones: (t.milestones as { year: number; reductionPercent: string }[]).map((m) => ({ year: m.year, reductionPercent: String(m.reductionPercent) })),
  };
}

export function coverageLabel(d: Pick<TargetDefinition, "coversScope1" | "scope2Method" | "scope3Categories">): string {
  const parts: string[] = [];
  if (d.coversScope1) parts.push("Scope 1");
  if (d.scope2Method) parts.push(`Scope 2 (${d.scope2Method === "MARKET_BASED" ? "market-based" : "location-based"})`);
  if (d.scope3Categories.length > 0) parts.push(`Scope 3 cat. ${d.scope3Categories.join(", ")}`);
  return parts.join(" + ");
}

export function targetView(t: TargetRow, basePeriodName: string | null, currency: string, periods: PeriodFigures[]): TargetView {
  const d = targetDefinition(t);
  return {
    id: t.id,
    name: t.name,
    kind: d.kind,
    coversScope1: d.coversScope1,
    scope2Method: d.scope2Method,
    scope3Categories: d.scope3Categories,
    coverage: coverageLabel(d),
    unit: d.kind === "ABSOLUTE" ? "kgCO2e" : `kgCO2e per ${currency}`,
    baseYear: d.baseYear,
    baseSource: t.baseSource,
    basePeriod: t.basePeriodId && basePeriodName ? { id: t.basePeriodId, name: basePeriodName } : null,
    baseValue: d.baseValue,
    baseEvidence: t.baseEvidence,
    targetYear: d.targetYear,
    reductionPercent: d.reductionPercent,
    milestones: d.milestones,
    trajectory: trajectory(d),
    progress: periods.map((p) => ({ ...progress(d, p.year, coveredValue(d, p.e16, p.netRevenue)), periodId: p.periodId, periodName: p.periodName })),
  };
}
