// Readable units for emissions on the dashboard, until lib/format.ts gets its scaled formatters (being added in
// parallel: formatMass/formatEnergy): the exact kg figure is divided by a power of 1000 in decimal (exact) and then
// rounded once by the display rule (formatDecimal, decision 0004). Charts pick one unit for a whole axis.
import Decimal from "decimal.js";
import { formatDecimal } from "../format";

const D = Decimal.clone({ precision: 100, toExpNeg: -100, toExpPos: 100 });

export interface MassUnit {
  unit: "t CO₂e" | "kg CO₂e" | "g CO₂e";
  /** kg per unit: 1000 for t, 1 for kg, 0.001 for g. */
  kgPerUnit: string;
}

const T: MassUnit = { unit: "t CO₂e", kgPerUnit: "1000" };
const KG: MassUnit = { unit: "kg CO₂e", kgPerUnit: "1" };
const G: MassUnit = { unit: "g CO₂e", kgPerUnit: "0.001" };

/** The unit a magnitude (kg) reads best in: t from 1,000 kg, kg from 1 kg, g below (0 → kg). */
export function massUnitFor(kg: string): MassUnit {
  const a = new D(kg).abs();
  return a.gte(1000) ? T : a.gte(1) || a.isZero() ? KG : G;
}

/** An exact kg figure in a given unit, as exact decimal text ("1379" kg in t → "1.379"). */
export function inUnit(kg: string, unit: MassUnit): string {
  return new D(kg).div(unit.kgPerUnit).toFixed();
}

/** "1379" → "1.379 t CO₂e", "12.5" → "12.5 kg CO₂e", "0.00042" → "0.42 g CO₂e". */
export function formatMass(kg: string, unit: MassUnit = massUnitFor(kg)): string {
  return formatDecimal(inUnit(kg, unit), { unit: unit.unit });
}

/** The unit of an axis: the one its largest bar reads best in. */
export function axisUnit(kgs: string[]): MassUnit {
  const max = kgs.reduce((m, k) => (new D(k).abs().gt(m.abs()) ? new D(k) : m), new D(0));
  return massUnitFor(max.toFixed());
}

/** A % change for display: "+31.333 %", "−50 %", "0 %"; null → "—" (no N-1 figure, or it was 0). */
export function formatChange(pct: string | null): string {
  if (pct === null) return "—";
  const text = formatDecimal(pct, { unit: "%" });
  return text.startsWith("-") ? `−${text.slice(1)}` : text === "0 %" ? text : `+${text}`;
}
