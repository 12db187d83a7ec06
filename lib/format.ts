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
