// The closed list of activity units, each with its dimension and its exact conversion to the dimension's
// canonical unit (the `normalizedUnit` of activity records; the engine multiplies by a factor in
// kgCO2e/<normalizedUnit>). Pure: no I/O. Conversions are rationals (multiply, divide) applied with decimal.js,
// so MWh → kWh and t → kg are exact; GJ → kWh (× 1,000,000 / 3,600) does not terminate and is rounded to the
// 30 decimals of numeric(65,30) — the only such unit (docs/decisions/0011).
import Decimal from "decimal.js";

export type Dimension = "energy" | "volume" | "mass" | "distance" | "passenger-distance" | "money-eur" | "money-usd" | "count";

/** Units activity records are normalized to; factor units are `kgCO2e/<one of these>` (the branches' contract). */
export const NORMALIZED_UNITS = ["kWh", "L", "m3", "kg", "km", "passenger-km", "EUR", "USD", "item"] as const;
export type NormalizedUnit = (typeof NORMALIZED_UNITS)[number];

interface UnitDef {
  dimension: Dimension;
  /** Canonical unit of the dimension. */
  canonical: NormalizedUnit;
  /** value_in_canonical = value × mul / div */
  mul: string;
  div: string;
}

/** Every accepted spelling → its definition. Case matters (MWh is not mWh); nothing else is guessed. */
const UNITS: Record<string, UnitDef> = {
  kWh: { dimension: "energy", canonical: "kWh", mul: "1", div: "1" },
  MWh: { dimension: "energy", canonical: "kWh", mul: "1000", div: "1" },
  GJ: { dimension: "energy", canonical: "kWh", mul: "1000000", div: "3600" },
  L: { dimension: "volume", canonical: "L", mul: "1", div: "1" },
  l: { dimension: "volume", canonical: "L", mul: "1", div: "1" },
  m3: { dimension: "volume", canonical: "L", mul: "1000", div: "1" },
  "m³": { dimension: "volume", canonical: "L", mul: "1000", div: "1" },
  kg: { dimension: "mass", canonical: "kg", mul: "1", div: "1" },
  t: { dimension: "mass", canonical: "kg", mul: "1000", div: "1" },
  km: { dimension: "distance", canonical: "km", mul: "1", div: "1" },
  "passenger-km": { dimension: "passenger-distance", canonical: "passenger-km", mul: "1", div: "1" },
  pkm: { dimension: "passenger-distance", canonical: "passenger-km", mul: "1", div: "1" },
  EUR: { dimension: "money-eur", canonical: "EUR", mul: "1", div: "1" },
  USD: { dimension: "money-usd", canonical: "USD", mul: "1", div: "1" },
  item: { dimension: "count", canonical: "item", mul: "1", div: "1" },
  items: { dimension: "count", canonical: "item", mul: "1", div: "1" },
};

/** The spellings shown to users (aliases omitted). */
export const UNIT_NAMES = ["kWh", "MWh", "GJ", "L", "m3", "kg", "t", "km", "passenger-km", "EUR", "USD", "item"] as const;

/** Every accepted spelling: the canonical names first, then aliases (l, m³, pkm, items). */
export const ACCEPTED_UNIT_SPELLINGS: readonly string[] = Object.keys(UNITS);

const STORED_DECIMALS = 30;
const D = Decimal.clone({ precision: 120, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -200, toExpPos: 200 });

export function unitDef(unit: string): UnitDef | null {
  return Object.hasOwn(UNITS, unit) ? UNITS[unit] : null;
}

const ALIASES: Record<string, string> = { l: "L", "m³": "m3", pkm: "passenger-km", items: "item" };

/** The unit's name as stored (aliases resolved: "m³" → "m3", "l" → "L", "pkm" → "passenger-km"), or null. */
export function unitName(unit: string): string | null {
  if (!unitDef(unit)) return null;
  return Object.hasOwn(ALIASES, unit) ? ALIASES[unit] : unit;
}

export interface Normalized {
  quantity: string;
  unit: NormalizedUnit;
  /** false when the conversion did not terminate and was rounded to 30 decimals (GJ). */
  exact: boolean;
}

/** An exact decimal string in `unit` → the canonical unit of its dimension. */
export function normalizeQuantity(quantity: string, unit: string): Normalized | null {
  const def = unitDef(unit);
  if (!def) return null;
  const full = new D(quantity).times(def.mul).dividedBy(def.div);
  const stored = full.toDecimalPlaces(STORED_DECIMALS);
  return { quantity: stored.toFixed(), unit: def.canonical, exact: stored.equals(full) };
}

/**
 * Converts an exact quantity between two units of the same dimension (e.g. 1500 L → 1.5 m3 for a factor given per
 * m3), or null when they measure different things. For the accounting engine: a factor in kgCO2e/m3 applies to
 * litres through this, never through a guess.
 */
export function convertQuantity(quantity: string, from: string, to: string): string | null {
  const a = unitDef(from);
  const b = unitDef(to);
  if (a && b && a.dimension === b.dimension)
    return new D(quantity).times(a.mul).dividedBy(a.div).times(b.div).dividedBy(b.mul).toDecimalPlaces(STORED_DECIMALS).toFixed();
  return null;
}

/** Emission numerators a supplier factor may be given in, as kg. */
const CO2E_NUMERATORS: Record<string, string> = { kgCO2e: "1", tCO2e: "1000", gCO2e: "0.001" };

export interface NormalizedFactor {
  /** kgCO2e per normalized unit. */
  value: string;
  /** `kgCO2e/<normalized unit>` */
  unit: string;
  dimension: Dimension;
}

/**
 * A supplier-specific factor "<value> <kgCO2e|tCO2e|gCO2e>/<unit>" → kgCO2e per the unit's canonical unit:
 * 0.0004 tCO2e/kWh → 0.4 kgCO2e/kWh; 36 kgCO2e/GJ → 0.1296 kgCO2e/kWh (exact: ÷ 277.7… = × 0.0036). Null when
 * the unit is not of that form.
 */
export function normalizeFactor(value: string, factorUnit: string): NormalizedFactor | null {
  const m = /^(kgCO2e|tCO2e|gCO2e)\/(.+)$/.exec(factorUnit);
  if (!m) return null;
  const den = unitDef(m[2]);
  if (!den) return null;
  const v = new D(value).times(CO2E_NUMERATORS[m[1]]).times(den.div).dividedBy(den.mul).toDecimalPlaces(STORED_DECIMALS);
  return { value: v.toFixed(), unit: `kgCO2e/${den.canonical}`, dimension: den.dimension };
}

export const FACTOR_UNIT_HINT = "kgCO2e/<unit>, tCO2e/<unit> or gCO2e/<unit> (e.g. kgCO2e/kWh, tCO2e/MWh, kgCO2e/L)";
