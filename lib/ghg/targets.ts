// ESRS E1-4 targets: which part of the inventory a target covers, its trajectory from the base year to the target
// year (straight lines through the interim milestones), and progress against it. Exact decimals; a ratio (an
// intensity, a share) keeps RATIO_DIGITS significant digits, the one place a division happens.
import type { E16 } from "./aggregate";
import { RATIO_DIGITS } from "./aggregate";
import { Dec, ZERO, dec, text } from "./decimal";

export interface TargetCoverage {
  kind: "ABSOLUTE" | "INTENSITY";
  coversScope1: boolean;
  /** The Scope 2 figure covered, or null when Scope 2 is not. Chosen Scope 3 categories follow the same method. */
  scope2Method: "LOCATION_BASED" | "MARKET_BASED" | null;
  scope3Categories: number[];
}

export interface TargetDefinition extends TargetCoverage {
  baseYear: number;
  /** kgCO2e, or kgCO2e per currency unit of net revenue (intensity): exact text. */
  baseValue: string;
  targetYear: number;
  /** % below the base value by the target year, exact text (e.g. "42"). */
  reductionPercent: string;
  milestones: { year: number; reductionPercent: string }[];
}

export interface TrajectoryPoint {
  year: number;
  reductionPercent: string;
  /** The value allowed that year: base × (1 − reduction / 100). */
  value: string;
  /** A year the officer set (base, milestone, target) rather than one between them. */
  anchor: boolean;
}

export interface TargetProgress {
  year: number;
  /** The covered figure of that year (kgCO2e, or kgCO2e per currency unit); null: no figure (intensity without revenue). */
  value: string | null;
  /** % below the base value achieved, (base − value) / base × 100; null without a value or a zero base. */
  achievedPercent: string | null;
  /** The trajectory's value for that year (null outside base…target). */
  trajectoryValue: string | null;
  /** value ≤ trajectory value. */
  onTrack: boolean | null;
}

const ratio = (a: Dec, b: Dec) => a.div(b).toSignificantDigits(RATIO_DIGITS);

/** The emissions a target covers in one period's E1-6 figures, in kgCO2e. */
export function coveredKgCo2e(coverage: TargetCoverage, e16: E16): string {
  let kg = ZERO;
  if (coverage.coversScope1) kg = kg.plus(dec(e16.scope1KgCo2e));
  if (coverage.scope2Method === "LOCATION_BASED") kg = kg.plus(dec(e16.scope2LbKgCo2e));
  if (coverage.scope2Method === "MARKET_BASED") kg = kg.plus(dec(e16.scope2MbKgCo2e));
  const market = coverage.scope2Method === "MARKET_BASED";
  for (const c of e16.scope3ByCategory)
    if (coverage.scope3Categories.includes(c.category)) kg = kg.plus(dec(market ? c.mbKgCo2e : c.lbKgCo2e));
  return text(kg);
}

/** The covered value a target is measured in: kgCO2e, or kgCO2e per unit of net revenue (null without revenue). */
export function coveredValue(coverage: TargetCoverage, e16: E16, netRevenue: string | null): string | null {
  const kg = coveredKgCo2e(coverage, e16);
  if (coverage.kind === "ABSOLUTE") return kg;
  if (netRevenue === null || dec(netRevenue).isZero()) return null;
  return text(ratio(dec(kg), dec(netRevenue)));
}

/** Every year from base to target year with the reduction and value the target allows. */
export function trajectory(t: TargetDefinition): TrajectoryPoint[] {
  const anchors = [{ year: t.baseYear, pct: ZERO }, ...t.milestones.map((m) => ({ year: m.year, pct: dec(m.reductionPercent) })), { year: t.targetYear, pct: dec(t.reductionPercent) }].sort(
    (a, b) => a.year - b.year,
  );
  const base = dec(t.baseValue);
  const points: TrajectoryPoint[] = [];
  for (let i = 0; i < anchors.length - 1; i++) {
    const from = anchors[i];
    const to = anchors[i + 1];
    for (let year = from.year; year < to.year || (i === anchors.length - 2 && year === to.year); year++) {
      const pct = from.pct.plus(to.pct.minus(from.pct).times(year - from.year).div(to.year - from.year));
      const exact = pct.toSignificantDigits(RATIO_DIGITS);
      points.push({ year, reductionPercent: text(exact), value: text(base.times(Dec.sub(1, exact.div(100)))), anchor: year === from.year || year === to.year });
    }
  }
  return points;
}

export function progress(t: TargetDefinition, year: number, value: string | null): TargetProgress {
  const point = trajectory(t).find((p) => p.year === year) ?? null;
  const base = dec(t.baseValue);
  const achieved = value === null || base.isZero() ? null : text(ratio(base.minus(dec(value)).times(100), base));
  return {
    year,
    value,
    achievedPercent: achieved,
    trajectoryValue: point?.value ?? null,
    onTrack: value === null || point === null ? null : dec(value).lte(dec(point.value)),
  };
}
