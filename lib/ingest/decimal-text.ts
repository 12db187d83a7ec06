// Numbers from files become exact decimal strings (never floats): "3.4e-05" → "0.000034".
import Decimal from "decimal.js";

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A plain decimal string for a numeric text, or null when the text is not a finite number. */
export function parseDecimal(text: string): string | null {
  const t = text.trim();
  if (!NUMBER.test(t)) return null;
  const d = new Decimal(t);
  return d.isFinite() ? d.toFixed() : null;
}
