// ESRS E1-6 figures from ledger lines (or rollups; E1-5 and the E1-6 extras: energy-mix.ts, e16-extras.ts), exact: sums of decimals, kg throughout (tonnes are a
// display conversion). Scope 3 carries a location- and a market-based figure because cloud providers report both;
// lines where the distinction does not apply count in both (docs/decisions/0014).
import { Dec, ZERO, dec, text } from "./decimal";

/** The least a line or a rollup row must carry to be aggregated. */
export interface Aggregatable {
  scope: "SCOPE_1" | "SCOPE_2" | "SCOPE_3";
  scope3Category: number | null;
  method: "LOCATION_BASED" | "MARKET_BASED" | "NOT_APPLICABLE";
  status: "RESOLVED" | "UNRESOLVED";
  emissionsKgCo2e: string | null;
  /** Lines per row (1 for a line; the count for a rollup row). */
  lines?: number;
}

export interface E16 {
  scope1KgCo2e: string;
  scope2LbKgCo2e: string;
  scope2MbKgCo2e: string;
  scope3LbKgCo2e: string;
  scope3MbKgCo2e: string;
  scope3ByCategory: { category: number; lbKgCo2e: string; mbKgCo2e: string }[];
  totalLbKgCo2e: string;
  totalMbKgCo2e: string;
  /** tCO2e per unit of net revenue (null until revenue is entered for the period). */
  intensityLbTPerRevenue: string | null;
  intensityMbTPerRevenue: string | null;
  netRevenue: string | null;
  unresolvedLines: number;
  resolvedLines: number;
}

/** Significant digits of the intensity ratio (the one division; everything else is exact). */
export const RATIO_DIGITS = 30;

export function aggregateE16(rows: Iterable<Aggregatable>, netRevenue: string | null): E16 {
  let s1 = ZERO, s2lb = ZERO, s2mb = ZERO;
  const cats = new Map<number, { lb: Dec; mb: Dec }>();
  let unresolved = 0, resolved = 0;
  for (const r of rows) {
    const n = r.lines ?? 1;
    if (r.status === "UNRESOLVED" || r.emissionsKgCo2e === null) {
      unresolved += n;
      continue;
    }
    resolved += n;
    const kg = dec(r.emissionsKgCo2e);
    if (r.scope === "SCOPE_1") s1 = s1.plus(kg);
    else if (r.scope === "SCOPE_2") {
      if (r.method !== "MARKET_BASED") s2lb = s2lb.plus(kg);
      if (r.method !== "LOCATION_BASED") s2mb = s2mb.plus(kg);
    } else {
      const c = cats.get(r.scope3Category ?? 0) ?? { lb: ZERO, mb: ZERO };
      if (r.method !== "MARKET_BASED") c.lb = c.lb.plus(kg);
      if (r.method !== "LOCATION_BASED") c.mb = c.mb.plus(kg);
      cats.set(r.scope3Category ?? 0, c);
    }
  }
  const s3lb = [...cats.values()].reduce((s, c) => s.plus(c.lb), ZERO);
  const s3mb = [...cats.values()].reduce((s, c) => s.plus(c.mb), ZERO);
  const totalLb = s1.plus(s2lb).plus(s3lb);
  const totalMb = s1.plus(s2mb).plus(s3mb);
  const revenue = netRevenue !== null && !dec(netRevenue).isZero() ? dec(netRevenue) : null;
  const ratio = (kg: Dec) => (revenue ? text(kg.div(1000).div(revenue).toSignificantDigits(RATIO_DIGITS)) : null);
  return {
    scope1KgCo2e: text(s1),
    scope2LbKgCo2e: text(s2lb),
    scope2MbKgCo2e: text(s2mb),
    scope3LbKgCo2e: text(s3lb),
    scope3MbKgCo2e: text(s3mb),
    scope3ByCategory: [...cats].sort(([a], [b]) => a - b).map(([category, c]) => ({ category, lbKgCo2e: text(c.lb), mbKgCo2e: text(c.mb) })),
    totalLbKgCo2e: text(totalLb),
    totalMbKgCo2e: text(totalMb),
    intensityLbTPerRevenue: ratio(totalLb),
    intensityMbTPerRevenue: ratio(totalMb),
    netRevenue,
    unresolvedLines: unresolved,
    resolvedLines: resolved,
  };
}

/** The E1-6 figures as named datapoints (restatement compares these). */
export function e16Datapoints(e: E16): Record<string, string> {
  const out: Record<string, string> = {
    "E1-6.scope1": e.scope1KgCo2e,
    "E1-6.scope2.location-based": e.scope2LbKgCo2e,
    "E1-6.scope2.market-based": e.scope2MbKgCo2e,
    "E1-6.scope3.location-based": e.scope3LbKgCo2e,
    "E1-6.scope3.market-based": e.scope3MbKgCo2e,
    "E1-6.total.location-based": e.totalLbKgCo2e,
    "E1-6.total.market-based": e.totalMbKgCo2e,
  };
  for (const c of e.scope3ByCategory) {
    out[`E1-6.scope3.cat${c.category}.location-based`] = c.lbKgCo2e;
    out[`E1-6.scope3.cat${c.category}.market-based`] = c.mbKgCo2e;
  }
  return out;
}
