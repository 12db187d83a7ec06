// Analytical review (issue 14; assurance.md §2): per row (scope, Scope 3 category, site, project) the prior year,
// an expectation, the actual, the difference and whether it is above the threshold from performance materiality.
// Default expectation = prior × activity change, per activity unit: Σ_u priorKg_u × (quantity N_u / quantity N-1_u)
// (a row mixing kWh and litres cannot take one ratio). Provider-reported lines have kgCO2e as their quantity, so
// their expectation equals the actual: the auditor enters one where that matters. Pure.
import { Dec, ZERO, dec, text } from "../ghg/decimal";

export const RATIO_DIGITS = 30;

/** One row's sums for one activity unit in one year. */
export interface UnitFigures {
  unit: string;
  quantity: string;
  kgCo2e: string;
}

export interface ExpectationInput {
  current: UnitFigures[];
  prior: UnitFigures[] | null;
}

const sig = (x: Dec) => text(x.toSignificantDigits(RATIO_DIGITS));

export function defaultExpectation(r: ExpectationInput): { priorKgCo2e: string | null; expectationKgCo2e: string | null; activityRatio: string | null } {
  if (r.prior === null || r.prior.length === 0) return { priorKgCo2e: null, expectationKgCo2e: null, activityRatio: null };
  const now = new Map(r.current.map((u) => [u.unit, dec(u.quantity)]));
  let prior = ZERO, expected = ZERO;
  for (const p of r.prior) {
    prior = prior.plus(p.kgCo2e);
    const q = dec(p.quantity);
    const qn = now.get(p.unit) ?? ZERO;
    expected = expected.plus(q.isZero() ? p.kgCo2e : dec(p.kgCo2e).times(qn).div(q));
  }
  const units = new Set([...r.current.map((u) => u.unit), ...r.prior.map((u) => u.unit)]);
  const only = units.size === 1 ? [...units][0] : null;
  const pq = only ? dec(r.prior.find((u) => u.unit === only)?.quantity ?? "0") : ZERO;
  const ratio = only && !pq.isZero() ? sig((now.get(only) ?? ZERO).div(pq)) : null;
  return { priorKgCo2e: text(prior), expectationKgCo2e: sig(expected), activityRatio: ratio };
}

export type VarianceStatus = "NO_PRIOR" | "TRIVIAL" | "WITHIN" | "FLAGGED" | "NO_THRESHOLD";

/**
 * actual − expectation, in kg and % of the expectation; the status against the engagement's thresholds: clearly
 * trivial (|d| ≤ CT) is never flagged, |d| > performance materiality is FLAGGED, in between WITHIN.
 */
export function variance(actualKgCo2e: string, expectationKgCo2e: string | null, thresholds: { performanceKgCo2e: string; clearlyTrivialKgCo2e: string } | null) {
  if (expectationKgCo2e === null) return { differenceKgCo2e: null, differencePercent: null, status: "NO_PRIOR" as VarianceStatus };
  const d = dec(actualKgCo2e).minus(expectationKgCo2e);
  const e = dec(expectationKgCo2e);
  const pct = e.isZero() ? null : sig(d.times(100).div(e));
  let status: VarianceStatus = "NO_THRESHOLD";
  if (thresholds) status = d.abs().lte(thresholds.clearlyTrivialKgCo2e) ? "TRIVIAL" : d.abs().gt(thresholds.performanceKgCo2e) ? "FLAGGED" : "WITHIN";
  return { differenceKgCo2e: text(d), differencePercent: pct, status };
}
