// ESRS E1-6 datapoints beyond the scope totals, from a version's grouped lines (docs/decisions/0020):
// - biogenic CO2 outside the scopes: Σ quantity × the factor's biogenic kg CO2 per unit (resolved lines; each
//   record once: market-based lines, which repeat a location-based quantity, are skipped). Never added to a scope;
// - % of Scope 3 from primary data: provider-reported lines (cloud exports) and lines priced with a supplier-specific
//   factor are primary; estimates, spend- and average-factor lines are secondary. Per method (LB, MB);
// - Scope 2 contractual instruments: % of market-based Scope 2 consumption (kWh) covered by instruments, bundled vs
//   unbundled (vs not stated), MWh per instrument type.
import { FLAGS } from "./types";
import { Dec, ZERO, dec, text } from "./decimal";
import { addTo, mwhOf, percentOf, quantityOf, type BreakdownRow, type FactorAttributes, type InstrumentAttributes } from "./breakdown";

export interface E16Extras {
  biogenicCo2Kg: string;
  /** Resolved lines whose factor carries no biogenic value (their biogenic CO2, if any, is not known). */
  linesWithoutBiogenicValue: number;
  scope3PrimaryLbKgCo2e: string;
  scope3PrimaryMbKgCo2e: string;
  scope3PrimaryLbPct: string | null;
  scope3PrimaryMbPct: string | null;
  instruments: {
    marketBasedMwh: string;
    coveredMwh: string;
    coveredPct: string | null;
    bundledMwh: string;
    unbundledMwh: string;
    bundledNotStatedMwh: string;
    byType: { type: string; mwh: string; pctOfCovered: string | null }[];
  };
}

/** Primary data for E1-6 (Scope 3): reported by the supplier itself, or priced with its own (supplier-specific) factor. */
export function isPrimary(r: Pick<BreakdownRow, "nature" | "qualityFlags">): boolean {
  if (r.nature === "ESTIMATED" || r.qualityFlags.includes(FLAGS.estimated)) return false;
  return r.nature === "PROVIDER_REPORTED" || r.qualityFlags.includes(FLAGS.primary);
}

export function e16Extras(rows: Iterable<BreakdownRow>, factors: ReadonlyMap<string, FactorAttributes>, instruments: ReadonlyMap<string, InstrumentAttributes>): E16Extras {
  let biogenic = ZERO, withoutBiogenic = 0;
  let s3lb = ZERO, s3mb = ZERO, primLb = ZERO, primMb = ZERO;
  let mbKwh = ZERO, covered = ZERO;
  const byBundled = new Map<string, Dec>();
  const byType = new Map<string, Dec>();
  for (const r of rows) {
    if (r.status !== "RESOLVED" || r.emissionsKgCo2e === null) continue;
    const q = quantityOf(r);
    const factor = r.factorId ? factors.get(r.factorId) : undefined;
    if (r.method !== "MARKET_BASED" && factor) {
      if (factor.biogenicKgCo2PerUnit !== null && factor.unit === `kgCO2e/${r.activityUnit}`) biogenic = biogenic.plus(q.times(factor.biogenicKgCo2PerUnit));
      else withoutBiogenic += r.lines;
    }
    if (r.scope === "SCOPE_3") {
      const kg = dec(r.emissionsKgCo2e);
      const primary = isPrimary(r);
      if (r.method !== "MARKET_BASED") {
        s3lb = s3lb.plus(kg);
        if (primary) primLb = primLb.plus(kg);
      }
      if (r.method !== "LOCATION_BASED") {
        s3mb = s3mb.plus(kg);
        if (primary) primMb = primMb.plus(kg);
      }
    }
    if (r.scope === "SCOPE_2" && r.method === "MARKET_BASED" && r.activityUnit === "kWh") {
      mbKwh = mbKwh.plus(q);
      if (r.instrumentId) {
        covered = covered.plus(q);
        const inst = instruments.get(r.instrumentId);
        addTo(byBundled, inst?.bundled === true ? "bundled" : inst?.bundled === false ? "unbundled" : "not stated", q);
        addTo(byType, inst?.type ?? "unknown", q);
      }
    }
  }
  const kwh = (k: string) => mwhOf(byBundled.get(k) ?? ZERO);
  return {
    biogenicCo2Kg: text(biogenic),
    linesWithoutBiogenicValue: withoutBiogenic,
    scope3PrimaryLbKgCo2e: text(primLb),
    scope3PrimaryMbKgCo2e: text(primMb),
    scope3PrimaryLbPct: percentOf(primLb, s3lb),
    scope3PrimaryMbPct: percentOf(primMb, s3mb),
    instruments: {
      marketBasedMwh: mwhOf(mbKwh),
      coveredMwh: mwhOf(covered),
      coveredPct: percentOf(covered, mbKwh),
      bundledMwh: kwh("bundled"),
      unbundledMwh: kwh("unbundled"),
      bundledNotStatedMwh: kwh("not stated"),
      byType: [...byType].sort(([a], [b]) => a.localeCompare(b)).map(([type, v]) => ({ type, mwh: mwhOf(v), pctOfCovered: percentOf(v, covered) })),
    },
  };
}
