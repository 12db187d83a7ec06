// Re-performance (issue 14): a ledger line recomputed from its stored inputs, and the E1-6 datapoints recomputed from
// the recomputed lines, compared with what was reported. Pure; the service runs the same rule set-wise in SQL
// (lib/services/assurance/procedures/reperform-sql.ts) so a 10M-line version never loads into memory.
//
// How lib/ghg builds a line (line.ts, source-lines.ts, run-keys.ts, market-based.ts): the stored activity quantity is
// already the normalized quantity (unit conversion to kWh/L/kg…, × the site PUE for runs recorded with PUE 1, the
// month's pro-rata part, the kWh an instrument covers or the uncovered rest), so a line's emissions are
//   quantity × factor value     (a library factor — re-read from emission_factors —, an instrument's rate — re-read
//                                from contractual_instruments —, a supplier rate or 0 for self-generation as stored)
//   quantity                    (a provider's reported kgCO2e: unit kgCO2e, no factor)
// and an unresolved line has none. The factor's unit must be kgCO2e per the line's unit.
import { aggregateE16, e16Datapoints, type Aggregatable } from "../ghg/aggregate";
import { dec, text } from "../ghg/decimal";

export interface LineInputs {
  status: "RESOLVED" | "UNRESOLVED";
  activityQuantity: string;
  activityUnit: string;
  /** The factor value to apply: the library's, the instrument's, or the resolution's own rate. */
  factorValue: string | null;
  factorUnit: string | null;
}

/** The line's kgCO2e recomputed from its inputs (null: unresolved, or inputs that cannot give one). */
export function recomputeLine(l: LineInputs): string | null {
  if (l.status === "UNRESOLVED") return null;
  if (l.factorValue !== null) {
    if (l.factorUnit !== null && l.factorUnit !== `kgCO2e/${l.activityUnit}`) return null;
    return text(dec(l.activityQuantity).times(l.factorValue));
  }
  return l.activityUnit === "kgCO2e" ? text(dec(l.activityQuantity)) : null;
}

export interface DatapointCheck {
  datapoint: string;
  reportedKgCo2e: string;
  recomputedKgCo2e: string;
  equal: boolean;
  /** Lines feeding the datapoint whose recomputed kgCO2e differs from the stored one. */
  differingLines: number;
}

/** A group of recomputed lines (scope, category, method, status), with how many differ from the stored lines. */
export interface RecomputedGroup extends Aggregatable {
  differing: number;
}

/**
 * Every E1-6 datapoint: reported vs recomputed (exact comparison), and the differing lines behind each. The counts
 * go through the same aggregation as the kilograms, so a line is counted in exactly the datapoints it feeds.
 */
export function compareDatapoints(groups: RecomputedGroup[], reported: Record<string, string>, netRevenue: string | null): DatapointCheck[] {
  const recomputed = e16Datapoints(aggregateE16(groups, netRevenue));
  const differing = e16Datapoints(aggregateE16(groups.map((g) => ({ ...g, status: "RESOLVED", emissionsKgCo2e: String(g.differing) })), null));
  const names = [...new Set([...Object.keys(reported), ...Object.keys(recomputed)])].sort(byDatapoint);
  return names.map((datapoint) => {
    const rep = reported[datapoint] ?? "0";
    const rec = recomputed[datapoint] ?? "0";
    return { datapoint, reportedKgCo2e: rep, recomputedKgCo2e: rec, equal: dec(rep).eq(rec), differingLines: Number(differing[datapoint] ?? "0") };
  });
}

const ORDER = ["scope1", "scope2", "scope3.location", "scope3.market", "scope3.cat", "total"];
const rank = (n: string) => ORDER.findIndex((p) => n.slice(5).startsWith(p));
function byDatapoint(a: string, b: string): number {
  const cat = (n: string) => Number(/cat(\d+)/.exec(n)?.[1] ?? 0);
  return rank(a) - rank(b) || cat(a) - cat(b) || a.localeCompare(b);
}
