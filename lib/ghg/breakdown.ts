// A calculation version's ledger lines grouped (lib/services/inventory/version-breakdown.ts returns these), and the
// attributes E1-5 and E1-6 read per factor and per instrument beside them — never per line: quantity × attribute
// summed per factor is exact (multiplication distributes over the sum). Pure types and helpers.
import { Dec, ZERO, dec, text } from "./decimal";
import { RATIO_DIGITS } from "./aggregate";
import type { LineMethod, LineSource, Nature, Scope } from "./types";

/**
 * One group of a version's lines. The identity is every field but the three sums; the sums are exact decimal text.
 * Stable contract: the storage behind it may change (lines, rollups…), this shape does not.
 */
export interface BreakdownRow {
  scope: Scope;
  scope3Category: number | null;
  method: LineMethod;
  status: "RESOLVED" | "UNRESOLVED";
  sourceKind: LineSource;
  nature: Nature;
  /** Sorted, as on the lines. */
  qualityFlags: string[];
  factorId: string | null;
  instrumentId: string | null;
  activityUnit: string;
  /** Σ activity_quantity of the group, exact. */
  activityQuantity: string;
  /** Σ emissions_kg_co2e of the group, exact; null when the group is unresolved. */
  emissionsKgCo2e: string | null;
  lines: number;
}

/** What E1-5/E1-6 read of a factor (fractions 0–1; per-unit values per the denominator of `unit`). */
export interface FactorAttributes {
  keyType: string;
  unit: string;
  fossilShare: string | null;
  nuclearShare: string | null;
  renewableShare: string | null;
  energyKwhPerUnit: string | null;
  biogenicKgCo2PerUnit: string | null;
}

export interface InstrumentAttributes {
  type: string;
  /** null: not stated on the instrument. */
  bundled: boolean | null;
}

/** part / whole × 100, to RATIO_DIGITS significant digits (the one division; display rounds); null when whole is 0. */
export function percentOf(part: Dec, whole: Dec): string | null {
  return whole.isZero() ? null : text(part.times(100).div(whole).toSignificantDigits(RATIO_DIGITS));
}

export const mwhOf = (kwh: Dec): string => text(kwh.div(1000));

export function addTo(map: Map<string, Dec>, key: string, value: Dec): void {
  map.set(key, (map.get(key) ?? ZERO).plus(value));
}

/** Rows with the same identity (flags compared sorted) merged into one: quantities, emissions and counts summed. */
export function mergeBreakdown(rows: Iterable<BreakdownRow>): BreakdownRow[] {
  const merged = new Map<string, BreakdownRow>();
  for (const r of rows) {
    const flags = [...r.qualityFlags].sort();
    const key = JSON.stringify([r.scope, r.scope3Category, r.method, r.status, r.sourceKind, r.nature, flags, r.factorId, r.instrumentId, r.activityUnit]);
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, { ...r, qualityFlags: flags });
      continue;
    }
    seen.activityQuantity = text(dec(seen.activityQuantity).plus(r.activityQuantity));
    seen.emissionsKgCo2e = seen.emissionsKgCo2e === null || r.emissionsKgCo2e === null ? null : text(dec(seen.emissionsKgCo2e).plus(r.emissionsKgCo2e));
    seen.lines += r.lines;
  }
  return [...merged.values()];
}

export const quantityOf = (r: BreakdownRow): Dec => dec(r.activityQuantity);
