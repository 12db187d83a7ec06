/**
 * Display formatting for exact decimal strings — the ONE display rounding rule.
 * See docs/decisions/0004-display-rounding.md.
 *
 * Inputs are exact decimal strings as Postgres returns `numeric` values
 * (e.g. "0.004047892176375000000000000000" from a numeric(65,30) sum).
 * They are parsed with decimal.js and never converted to a float for
 * arithmetic or rounding.
 *
 * The rule, applied once, only when a value is shown to a person:
 *   - rounding is half-up, i.e. ties go away from zero (decimal.js ROUND_HALF_UP):
 *     "0.00012345" → "0.0001235", "-0.00012345" → "-0.0001235";
 *   - |x| ≥ 1      → at most 3 decimals, thousands separated by ",":
 *                    "12345.6785" → "12,345.679";
 *   - 0 < |x| < 1  → 4 significant digits, never an exponent:
 *                    "0.004047892176375" → "0.004048", "0.000034355" → "0.00003436";
 *   - x = 0        → "0" (also for "-0.000…": no negative zero);
 *   - trailing zeros after rounding are dropped, so the padding of
 *     numeric(65,30) never shows: "12.500000000000000000000000000000" → "12.5",
 *     "3.000000000000000000000000000000" → "3", "0.5000000…" → "0.5";
 *   - the decimal mark is "." and the group separator "," whatever the
 *     locale of the server or browser (the same string in UI, PDF and CSV).
 *
 * Sums, ratios and comparisons are done on exact values before formatting;
 * a formatted string is never parsed back into a number.
 */
import Decimal from "decimal.js";

/** A private decimal.js constructor so a global Decimal.set() elsewhere cannot change the rule. */
const D = Decimal.clone({ precision: 100, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -100, toExpPos: 100 });
type ExactDecimal = InstanceType<typeof D>;

/** Decimals shown when |x| ≥ 1. */
export const DISPLAY_DECIMALS_AT_LEAST_ONE = 3;
/** Significant digits shown when 0 < |x| < 1. */
export const DISPLAY_SIGNIFICANT_DIGITS_BELOW_ONE = 4;

/** A canonical decimal string: optional sign, digits, optional fraction. No exponent, no spaces. */
const DECIMAL_STRING = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export interface FormatDecimalOptions {
  /** Appended after one space, e.g. "kWh" → "1.5 kWh". */
  unit?: string;
}

function parseExact(value: string): ExactDecimal {
  if (typeof value !== "string" || !DECIMAL_STRING.test(value)) {
    throw new RangeError(`Not an exact decimal string: ${JSON.stringify(value)}`);
  }
  return new D(value);
}

/** "1234567" → "1,234,567" (digits only, no sign). */
function groupThousands(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Rounds an exact decimal string for display according to the rule above. */
export function formatDecimal(value: string, opts: FormatDecimalOptions = {}): string {
  const x = parseExact(value);
  let text: string;
  if (x.isZero()) {
    text = "0";
  } else {
    const abs = x.abs();
    const rounded =
      abs.gte(1)
        ? abs.toDecimalPlaces(DISPLAY_DECIMALS_AT_LEAST_ONE, Decimal.ROUND_HALF_UP)
        : abs.toSignificantDigits(DISPLAY_SIGNIFICANT_DIGITS_BELOW_ONE, Decimal.ROUND_HALF_UP);
    // toFixed() without an argument: plain notation, no exponent, no trailing zeros.
    const [integerPart, fractionPart] = rounded.toFixed().split(".");
    const magnitude = fractionPart ? `${groupThousands(integerPart)}.${fractionPart}` : groupThousands(integerPart);
    text = x.isNegative() ? `-${magnitude}` : magnitude;
  }
  return opts.unit ? `${text} ${opts.unit}` : text;
}

/**
 * An input a figure was computed from (a factor value, a ledger line's activity quantity), shown exactly — no
 * rounding, only the numeric(65,30) padding dropped and thousands grouped — so the multiplication can be redone
 * from the screen: "0.056039000000000000000000000000" → "0.056039", "12345.5" → "12,345.5".
 */
export function formatExact(value: string, opts: FormatDecimalOptions = {}): string {
  const x = parseExact(value);
  const [integerPart, fractionPart] = x.abs().toFixed().split(".");
  const magnitude = fractionPart ? `${groupThousands(integerPart)}.${fractionPart}` : groupThousands(integerPart);
  const text = x.isZero() ? "0" : x.isNegative() ? `-${magnitude}` : magnitude;
  return opts.unit ? `${text} ${opts.unit}` : text;
}

/** Energy for display: "12,345.679 kWh". */
export function formatKwh(valueKwh: string): string {
  return formatDecimal(valueKwh, { unit: "kWh" });
}

/** Emissions for display: "0.004048 kg CO₂e". */
export function formatKgCo2e(valueKgCo2e: string): string {
  return formatDecimal(valueKgCo2e, { unit: "kg CO₂e" });
}

/** Emissions given in kg, shown in tonnes (ESRS E1-6 unit): "30000" → "30 t CO₂e" (÷ 1000 is exact in decimal). */
export function formatTCo2eFromKg(valueKgCo2e: string): string {
  return formatDecimal(parseExact(valueKgCo2e).div(1000).toFixed(), { unit: "t CO₂e" });
}

/**
 * Scaled units (decision 0004, addendum "readable units"): a computed energy or mass is shown in the unit of its
 * ladder that puts it in [1, 1000) — the step below the base unit only down to 0.001 of it, below which the value
 * is "< 0.001 <unit>" — then rounded by the rule above. A value that rounds up to 1,000 of one unit is shown in the
 * next ("999.9996 kWh" → "1 MWh"). Exact: the scaling is a power of ten on the decimal, never a float.
 */
interface UnitLadder {
  /** Units from the smallest, each 1000 × the one before; `base` is the unit the exact input is in. */
  units: readonly string[];
  base: number;
}

const ENERGY_LADDER: UnitLadder = { units: ["Wh", "kWh", "MWh", "GWh"], base: 1 };
const MASS_LADDER: UnitLadder = { units: ["g", "kg", "t"], base: 1 };
/** Below 0.001 of the smallest unit a value is shown as "< 0.001 <unit>": 1 mWh, 1 mg are not worth reading. */
const SMALLEST_SHOWN = new D("0.001");
const THOUSAND = new D(1000);

/** The index of the ladder's unit a value is shown in (before the "< 0.001" floor). */
function unitIndex(abs: ExactDecimal, ladder: UnitLadder): number {
  const inUnit = (i: number) => abs.times(THOUSAND.pow(ladder.base - i));
  let i = 0;
  while (i < ladder.units.length - 1 && inUnit(i + 1).gte(1)) i++;
  // Rounding may carry to 1,000 of this unit: then the next unit says it better.
  if (i < ladder.units.length - 1 && new D(formatDecimal(inUnit(i).toFixed()).replace(/,/g, "")).gte(THOUSAND)) i++;
  return i;
}

function formatScaled(value: string, ladder: UnitLadder, suffix: string): string {
  const x = parseExact(value);
  const label = (unit: string) => (suffix ? `${unit} ${suffix}` : unit);
  if (x.isZero()) return `0 ${label(ladder.units[ladder.base])}`;
  if (x.abs().times(THOUSAND.pow(ladder.base)).lt(SMALLEST_SHOWN)) return `${x.isNegative() ? "> -" : "< "}0.001 ${label(ladder.units[0])}`;
  const i = unitIndex(x.abs(), ladder);
  return formatDecimal(x.times(THOUSAND.pow(ladder.base - i)).toFixed(), { unit: label(ladder.units[i]) });
}

/**
 * The energy unit a scale (a chart axis) whose largest value is `maxKwh` is drawn in, by the rule of
 * formatEnergyKwh, and `inUnit(kwh)`: an exact kWh string in that unit (for bar heights and tick labels).
 */
export function energyScale(maxKwh: string): { unit: string; inUnit: (valueKwh: string) => string } {
  const max = parseExact(maxKwh).abs();
  const i = max.isZero() ? ENERGY_LADDER.base : unitIndex(max, ENERGY_LADDER);
  const factor = THOUSAND.pow(ENERGY_LADDER.base - i);
  return { unit: ENERGY_LADDER.units[i], inUnit: (valueKwh) => parseExact(valueKwh).times(factor).toFixed() };
}

/** A scale (a chart axis) in the unit of a mass ladder, chosen by its largest absolute value. */
export interface MassScale {
  /** "t CO₂e", "kg CO₂e" or "g CO₂e". */
  unit: string;
  /** An exact kg string in that unit (for bar lengths and tick labels). */
  inUnit: (valueKg: string) => string;
}

/**
 * The mass unit a scale whose values are `valuesKg` is drawn in, by the rule of formatMassKg applied to the largest
 * absolute value (0 → kg), followed by what it is of (default "CO₂e").
 */
export function massScale(valuesKg: readonly string[], of = "CO₂e"): MassScale {
  const max = valuesKg.reduce((m, v) => (parseExact(v).abs().gt(m) ? parseExact(v).abs() : m), new D(0));
  const i = max.isZero() ? MASS_LADDER.base : unitIndex(max, MASS_LADDER);
  const factor = THOUSAND.pow(MASS_LADDER.base - i);
  return { unit: `${MASS_LADDER.units[i]} ${of}`, inUnit: (valueKg) => parseExact(valueKg).times(factor).toFixed() };
}

/** A % change for display: "+31.333 %", "−50 %", "0 %"; null → "—" (no comparative figure, or it was 0). */
export function formatChange(pct: string | null): string {
  if (pct === null) return "—";
  const text = formatDecimal(pct, { unit: "%" });
  return text.startsWith("-") ? `−${text.slice(1)}` : text === "0 %" ? text : `+${text}`;
}

/** Energy given in kWh, in a readable unit: "0.004047892" → "4.048 Wh", "1234567" → "1.235 GWh", "0.0000000976" → "< 0.001 Wh". */
export function formatEnergyKwh(valueKwh: string): string {
  return formatScaled(valueKwh, ENERGY_LADDER, "");
}

/**
 * A mass given in kg, in a readable unit (g, kg, t), followed by what it is of (default "CO₂e"):
 * "0.0001954" → "0.1954 g CO₂e", "12" → "12 kg CO₂e", "1121.33" → "1.121 t CO₂e"; ("2500", "CO₂") → "2.5 t CO₂".
 */
export function formatMassKg(valueKg: string, of = "CO₂e"): string {
  return formatScaled(valueKg, MASS_LADDER, of);
}

/** A percentage (an exact decimal of 0–100) for display by the same rule: "66.6666…" → "66.667 %"; null → "—". */
export function formatPercent(value: string | null): string {
  return value === null ? "—" : formatDecimal(value, { unit: "%" });
}

/** A count (runs, projects, imports) for display: 12345 → "12,345". */
export function formatCount(count: number): string {
  if (!Number.isSafeInteger(count)) {
    throw new RangeError(`Not an integer count: ${count}`);
  }
  return count < 0 ? `-${groupThousands(String(-count))}` : groupThousands(String(count));
}

/**
 * An approximate JavaScript number, ONLY to size things on screen or paper
 * (bar heights in pixels/points, chart scales). Never use it for arithmetic,
 * totals or any text a person reads — format the exact string with
 * formatDecimal / formatKwh / formatKgCo2e instead.
 */
export function toDisplayNumber(value: string): number {
  return parseExact(value).toNumber();
}
