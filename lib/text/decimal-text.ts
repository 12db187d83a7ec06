// Numbers from files become exact decimal strings (never floats): "3.4e-05" → "0.000034".
import Decimal from "decimal.js";

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

// Every quantity is stored in Postgres numeric(65,30): at most 35 digits before the point, 30 after.
const MAX_INTEGER_DIGITS = 35;
const MAX_FRACTION_DIGITS = 30;

/**
 * A plain decimal string for a numeric text, or null when the text is not a finite number numeric(65,30) can hold
 * (|x| ≥ 1e35 would overflow the column; and expanding "1e999999999" would exhaust memory).
 * Digits beyond the 30th decimal are rounded half away from zero, as Postgres stores them.
 */
export function parseDecimal(text: string): string | null {
  const t = text.trim();
  if (!NUMBER.test(t)) return null;
  const d = new Decimal(t);
  if (!d.isFinite() || d.e >= MAX_INTEGER_DIGITS) return null;
  return d.toDecimalPlaces(MAX_FRACTION_DIGITS, Decimal.ROUND_HALF_UP).toFixed();
}
