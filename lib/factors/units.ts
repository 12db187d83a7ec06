// Factor units: every factor is stored in kgCO2e per denominator unit (the contract shared with the ledger); the
// value and unit a source gives (tCO2e/MWh, gCO2e/kWh, kgCO2e/kWh…) are converted here, exactly, with decimal.js.
import { ExactDecimal as Decimal } from "./exact";

/** The units a stored factor may have: kgCO2e per one of the activity records' normalized units. */
export const FACTOR_UNITS = [
  "kgCO2e/kWh",
  "kgCO2e/L",
  "kgCO2e/m3",
  "kgCO2e/kg",
  "kgCO2e/km",
  "kgCO2e/passenger-km",
  "kgCO2e/EUR",
  "kgCO2e/USD",
  "kgCO2e/item",
] as const;
export type FactorUnit = (typeof FACTOR_UNITS)[number];

/** Numerators a source may use, and how many kg one of them is. */
const NUMERATOR_KG: Record<string, string> = { g: "0.001", kg: "1", t: "1000" };
/** Denominators a source may use: the normalized unit and how many of it one source denominator is. */
const DENOMINATOR: Record<string, { unit: string; per: string }> = {
  kWh: { unit: "kWh", per: "1" },
  MWh: { unit: "kWh", per: "1000" },
  GWh: { unit: "kWh", per: "1000000" },
  L: { unit: "L", per: "1" },
  m3: { unit: "m3", per: "1" },
  kg: { unit: "kg", per: "1" },
  t: { unit: "kg", per: "1000" },
  km: { unit: "km", per: "1" },
  "passenger-km": { unit: "passenger-km", per: "1" },
  EUR: { unit: "EUR", per: "1" },
  USD: { unit: "USD", per: "1" },
  item: { unit: "item", per: "1" },
};

// "tCO2e/kWh", "g CO2e / kWh", "kgCO2eq/MWh", "kgCO2-eq/L": a mass, CO2e in any usual spelling, a denominator.
const SOURCE_UNIT = /^\s*(g|kg|t)\s*CO2(?:e|eq|-eq|-e)\s*\/\s*([A-Za-z0-9-]+)\s*$/;

/** The units accepted in files and forms, for messages and the CSV template's documentation. */
export const ACCEPTED_SOURCE_UNITS_TEXT = `g, kg or t of CO2e per ${Object.keys(DENOMINATOR).join(", ")} (e.g. tCO2e/kWh, gCO2e/kWh, kgCO2e/MWh)`;

export type UnitConversion =
  | { ok: true; valueKgCo2e: string; unit: FactorUnit; sourceValue: string; sourceUnit: string }
  | { ok: false; reason: string };

/**
 * A factor attribute given per the source unit's denominator → per the stored unit's denominator, exactly. "energy":
 * kWh per unit (11900 kWh/t → 11.9 kWh/kg); "co2-mass": CO2 in the source unit's mass (g, kg, t), like the factor
 * (2.5 t/t → 2.5 kg/kg). Null when the unit is not one toKgCo2ePerUnit accepts.
 */
export function attributePerStoredUnit(value: string, sourceUnit: string, kind: "energy" | "co2-mass"): string | null {
  const m = SOURCE_UNIT.exec(sourceUnit);
  const denominator = m ? DENOMINATOR[m[2]] : undefined;
  if (!m || !denominator) return null;
  const perUnit = new Decimal(value).dividedBy(denominator.per);
  return (kind === "energy" ? perUnit : perUnit.times(NUMERATOR_KG[m[1]])).toFixed();
}

/**
 * A factor as a source gave it (decimal string, unit text) → kgCO2e per normalized unit, exactly:
 * "0.0004" tCO2e/kWh → "0.4" kgCO2e/kWh; "369.473" gCO2e/kWh → "0.369473"; "450" kgCO2e/MWh → "0.45".
 */
export function toKgCo2ePerUnit(sourceValue: string, sourceUnit: string): UnitConversion {
  const m = SOURCE_UNIT.exec(sourceUnit);
  if (!m) return { ok: false, reason: `unknown unit "${sourceUnit}"; use ${ACCEPTED_SOURCE_UNITS_TEXT}` };
  const denominator = DENOMINATOR[m[2]];
  if (!denominator) return { ok: false, reason: `unknown unit "${sourceUnit}": "${m[2]}" is not a known activity unit; use ${ACCEPTED_SOURCE_UNITS_TEXT}` };
  // Multiplying and dividing by powers of ten is exact in decimal.js (precision far above 30 digits).
  const value = new Decimal(sourceValue).times(NUMERATOR_KG[m[1]]).dividedBy(denominator.per);
  return {
    ok: true,
    valueKgCo2e: value.toFixed(),
    unit: `kgCO2e/${denominator.unit}` as FactorUnit,
    sourceValue,
    sourceUnit: sourceUnit.trim(),
  };
}
