// Materiality of an assurance engagement (decision 0027): entered in tCO2e, stored in kg CO2e, exact decimals.
// overall ≥ performance ≥ clearly trivial > 0; every failure names the field it is about.
import { dec, text } from "../ghg/decimal";
import type { FieldIssue } from "../errors";

export interface MaterialityTCo2e {
  overallTCo2e: string;
  performanceTCo2e: string;
  clearlyTrivialTCo2e: string;
}

export interface MaterialityKgCo2e {
  overallKgCo2e: string;
  performanceKgCo2e: string;
  clearlyTrivialKgCo2e: string;
}

const DECIMAL = /^\d{1,15}(\.\d{1,12})?$/;

/** The issues of a materiality entered in tonnes (none: valid). */
export function materialityIssues(m: MaterialityTCo2e): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const fields = [
    ["overallTCo2e", m.overallTCo2e],
    ["performanceTCo2e", m.performanceTCo2e],
    ["clearlyTrivialTCo2e", m.clearlyTrivialTCo2e],
  ] as const;
  for (const [field, value] of fields) {
    if (!DECIMAL.test(value)) issues.push({ field, reason: "must be a decimal number of tCO2e, e.g. 125.5" });
    else if (dec(value).isZero()) issues.push({ field, reason: "must be greater than 0" });
  }
  if (issues.length) return issues;
  if (dec(m.performanceTCo2e).gt(dec(m.overallTCo2e))) issues.push({ field: "performanceTCo2e", reason: "must not exceed the overall materiality" });
  if (dec(m.clearlyTrivialTCo2e).gt(dec(m.performanceTCo2e))) issues.push({ field: "clearlyTrivialTCo2e", reason: "must not exceed the performance materiality" });
  return issues;
}

export const kgFromTonnes = (t: string): string => text(dec(t).times(1000));
export const tonnesFromKgText = (kg: string): string => text(dec(kg).div(1000));

export function materialityKg(m: MaterialityTCo2e): MaterialityKgCo2e {
  return { overallKgCo2e: kgFromTonnes(m.overallTCo2e), performanceKgCo2e: kgFromTonnes(m.performanceTCo2e), clearlyTrivialKgCo2e: kgFromTonnes(m.clearlyTrivialTCo2e) };
}
