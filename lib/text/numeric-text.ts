// Numeric cells checked cheaply, without decimal.js or floats, on the hot path of ingestion: the checked text goes
// to Postgres `numeric` as written (Postgres reads "3.4e-05" exactly and rounds to the column's 30 decimals half
// away from zero, as parseDecimal does). Agrees with parseDecimal (decimal-text.ts): a text is accepted here
// exactly when parseDecimal returns a value, and negativeText(t) is true exactly when that value is below zero.
import { parseDecimal } from "./decimal-text";

const MAX_INTEGER_DIGITS = 35; // numeric(65,30)
const MAX_FRACTION_DIGITS = 30;

export type NumericProblem = "not-a-number" | "too-large";

export interface NumericShape {
  /** The value is 0 at 30 decimals (also "-0.0", "1e-40"). */
  zero: boolean;
  negative: boolean;
  /** Exponent of the most significant digit (123.4 → 2, 0.05 → -2); meaningless when zero. */
  msd: number;
}

/** Sign, zero-ness and magnitude of a text NUMBER already matched, without building a number. */
function shape(t: string): NumericShape {
  let i = 0;
  const sign = t.charCodeAt(0);
  if (sign === 43 /* + */ || sign === 45 /* - */) i = 1;
  const ePos = t.search(/[eE]/);
  const end = ePos === -1 ? t.length : ePos;
  const exp = ePos === -1 ? 0 : Number(t.slice(ePos + 1));
  const dot = t.indexOf(".", i);
  const intEnd = dot === -1 || dot > end ? end : dot;
  // First non-zero digit: its position relative to the point gives the magnitude.
  let msd = 0;
  let first = -1;
  for (let k = i; k < end; k++) {
    const c = t.charCodeAt(k);
    if (c >= 49 && c <= 57) {
      first = k;
      msd = k < intEnd ? intEnd - k - 1 : intEnd - k;
      break;
    }
  }
  if (first === -1) return { zero: true, negative: false, msd: 0 };
  msd += exp;
  // At 30 decimals, values below 0.5e-30 round to zero (half away from zero).
  let zero = msd < -MAX_FRACTION_DIGITS - 1;
  if (msd === -MAX_FRACTION_DIGITS - 1) zero = t.charCodeAt(first) < 53; /* < '5' */
  return { zero, negative: !zero && sign === 45, msd };
}

/** Trims only when needed (CSV cells rarely carry spaces). */
function trimmed(raw: string): string {
  const n = raw.length;
  return n && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(n - 1) <= 32) ? raw.trim() : raw;
}

/**
 * The text to store for a numeric cell, or the problem with it: one pass over the characters (no regex, no
 * number built). Zero at 30 decimals becomes "0" (so "-0.0" and "-1e-40" are not negative); exponents of more
 * than three digits are expanded by parseDecimal (Postgres refuses exponents beyond ±1000).
 */
export function numericText(raw: string): string | NumericProblem {
  const t = trimmed(raw);
  const n = t.length;
  let i = 0;
  let c = t.charCodeAt(0);
  if (c === 43 || c === 45) i = 1;
  let digits = 0;
  let msd = 0;
  let firstDigit = 0; // the first non-zero digit (its char code), 0 while none
  let intLen = 0;
  while (i < n && (c = t.charCodeAt(i)) >= 48 && c <= 57) {
    if (firstDigit === 0 && c !== 48) {
      firstDigit = c;
      msd = intLen;
    }
    intLen++;
    i++;
  }
  digits = intLen;
  if (firstDigit !== 0) msd = intLen - msd - 1;
  if (i < n && t.charCodeAt(i) === 46 /* . */) {
    i++;
    let k = 0;
    while (i < n && (c = t.charCodeAt(i)) >= 48 && c <= 57) {
      if (firstDigit === 0 && c !== 48) {
        firstDigit = c;
        msd = -(k + 1);
      }
      k++;
      i++;
    }
    digits += k;
  }
  if (digits === 0) return "not-a-number";
  let exp = 0;
  let expDigits = 0;
  if (i < n && ((c = t.charCodeAt(i)) === 101 || c === 69) /* e E */) {
    i++;
    let expSign = 1;
    c = t.charCodeAt(i);
    if (c === 43 || c === 45) {
      expSign = c === 45 ? -1 : 1;
      i++;
    }
    while (i < n && (c = t.charCodeAt(i)) >= 48 && c <= 57) {
      if (exp < 1e9) exp = exp * 10 + (c - 48);
      expDigits++;
      i++;
    }
    if (expDigits === 0) return "not-a-number";
    exp *= expSign;
  }
  if (i !== n) return "not-a-number";
  if (firstDigit === 0) return "0";
  msd += exp;
  // At 30 decimals, values below 0.5e-30 round to zero (half away from zero).
  if (msd < -MAX_FRACTION_DIGITS - 1 || (msd === -MAX_FRACTION_DIGITS - 1 && firstDigit < 53)) return "0";
  if (msd >= MAX_INTEGER_DIGITS) return "too-large";
  if (expDigits > 3) return parseDecimal(t) ?? "too-large";
  return t;
}

/** Whether a text returned by numericText is below zero (zero values come back as "0"). */
export function negativeText(text: string): boolean {
  return text.charCodeAt(0) === 45;
}

/** A whole number for an integer column (counts): "8", "8.0", "1e3"; null when not whole or out of int4 range. */
export function integerText(text: string): string | null {
  const n = Number(text);
  return Number.isInteger(n) && Math.abs(n) <= 2_147_483_647 ? String(n) : null;
}

/**
 * One spelling per value, for content hashes: "1.50", "1.5", "15e-1" and "+1.5" all give "1.5e0".
 * Exact (digit strings, no float); used only where a row has no run identity.
 */
export function canonicalNumber(text: string): string {
  const s = shape(text);
  if (s.zero) return "0";
  const ePos = text.search(/[eE]/);
  const digits = (ePos === -1 ? text : text.slice(0, ePos)).replace(/[^0-9]/g, "").replace(/^0+/, "").replace(/0+$/, "");
  return `${s.negative ? "-" : ""}${digits[0]}.${digits.slice(1)}e${s.msd}`;
}
