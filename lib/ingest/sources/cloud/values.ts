// Cells of cloud exports → checked values: quantities (exact text, never negative, converted to kg exactly),
// dates of periods, version ranks. Pure and cheap; never throws (the mappers are property-tested).
import DecimalBase from "decimal.js";
import { negativeText, numericText } from "../../../text/numeric-text";
import type { RowError } from "../../types";

/** Exact arithmetic on file values: enough digits for any numeric(65,30) value, never rounded. */
const Decimal = DecimalBase.clone({ precision: 100 });

/** Collects the errors of one row; `column` names the file's column. */
export class RowProblems {
  readonly errors: RowError[] = [];
  constructor(readonly row: number) {}
  add(column: string | null, value: string | null, reason: string): null {
    this.errors.push({ row: this.row, column, value, reason });
    return null;
  }
}

const blank = (v: string | null | undefined): v is null | undefined => v === null || v === undefined || v.trim() === "";

/** A non-negative quantity as exact numeric text, or null when empty (empty is not zero). */
export function quantity(raw: string | null | undefined, column: string, p: RowProblems): string | null {
  if (blank(raw)) return null;
  const text = numericText(raw);
  if (text === "not-a-number") return p.add(column, raw, "not a number");
  if (text === "too-large") return p.add(column, raw, "too large to store (at most 35 digits before the decimal point)");
  if (negativeText(text)) return p.add(column, raw, "must not be negative (emissions and energy are never below zero)");
  return text;
}

/** Kilograms per unit of the units cloud exports state, by normalized name (lower case, no spaces). */
const KG_PER_UNIT: Record<string, string> = {
  kgco2e: "1",
  kgco2eq: "1",
  kg: "1",
  mtco2e: "1000",
  tco2e: "1000",
  tonnesco2e: "1000",
  metrictonsco2e: "1000",
  t: "1000",
  gco2e: "0.001",
};

export const KNOWN_UNITS = ["kgCO2e", "MTCO2e", "tCO2e", "gCO2e"];

/** The factor to kg of a unit's text, or null when the unit is unknown. */
export function kgPerUnit(unit: string): string | null {
  return KG_PER_UNIT[unit.toLowerCase().replace(/[\s_-]/g, "")] ?? null;
}

/** An exact quantity × factor as plain decimal text (factors are powers of ten: no rounding happens). */
export function scaled(text: string, factor: string): string {
  return factor === "1" ? text : new Decimal(text).times(factor).toFixed();
}

/** A quantity in the given unit, converted exactly to kg. An unknown unit is a row error naming the column. */
export function quantityKg(raw: string | null | undefined, column: string, unit: string | null, unitColumn: string, p: RowProblems): string | null {
  const text = quantity(raw, column, p);
  if (text === null) return null;
  if (blank(unit)) return p.add(unitColumn, unit ?? null, `the unit of ${column} is missing (one of ${KNOWN_UNITS.join(", ")})`);
  const factor = kgPerUnit(unit);
  if (factor === null) return p.add(unitColumn, unit, `unknown unit (expected one of ${KNOWN_UNITS.join(", ")})`);
  return scaled(text, factor);
}

/**
 * Whether stated totals differ from the sum of their parts by more than the tolerance: 1 mg, or one part in a
 * billion of the total (exports are computed in floating point). Only checked when every part is stated.
 */
export function totalsDiffer(total: string | null, parts: readonly (string | null)[]): boolean {
  if (total === null || parts.some((x) => x === null)) return false;
  let approx = 0;
  for (const x of parts) approx += Number(x);
  if (Math.abs(approx - Number(total)) <= 1e-9) return false; // the common case, without decimals
  const sum = parts.reduce((acc, x) => acc.plus(x!), new Decimal(0));
  const t = new Decimal(total);
  const tolerance = Decimal.max("0.000001", t.abs().times("1e-9"));
  return sum.minus(t).abs().greaterThan(tolerance);
}

const PLAIN = /^-?\d+(\.\d+)?$/;

/**
 * One spelling per value for hashes: the plain decimal without redundant zeros ("1.50", "01.5" and "15e-1" all
 * give "1.5"). Plain texts, the common case, are trimmed without building a number.
 */
export function hashNumber(text: string | null): string {
  if (text === null) return "";
  if (!PLAIN.test(text)) return new Decimal(text).toFixed();
  let s = text;
  if (s.includes(".")) {
    let end = s.length;
    while (s.charCodeAt(end - 1) === 48) end--;
    if (s.charCodeAt(end - 1) === 46) end--;
    s = s.slice(0, end);
  }
  const negative = s.charCodeAt(0) === 45;
  let start = negative ? 1 : 0;
  while (start < s.length - 1 && s.charCodeAt(start) === 48 && s.charCodeAt(start + 1) !== 46) start++;
  s = (negative ? "-" : "") + s.slice(start);
  return s === "-0" ? "0" : s;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|UTC|[+-]00:?00)?)?$/;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export interface DateParts {
  year: number;
  month: number;
  day: number;
  /** Whether a time other than midnight was given. */
  timeOfDay: boolean;
}

/** A calendar date ("2025-01-01", "2025-01-01 00:00:00Z", "2025-01-01T00:00:00.000Z"), or the reason it is not one. */
export function dateParts(raw: string): DateParts | string {
  const m = DATE.exec(raw.trim());
  if (!m) return "not a date (expected YYYY-MM-DD)";
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1970 || year > 2100) return "not a plausible date (outside 1970–2100)";
  if (month < 1 || month > 12) return `not a real date (there is no month ${month})`;
  if (day < 1 || day > DAYS[month - 1] || (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))))
    return `not a real date (${m[1]}-${m[2]} has no day ${m[3]})`;
  const timeOfDay = Number(m[4] ?? 0) !== 0 || Number(m[5] ?? 0) !== 0 || Number(m[6] ?? 0) !== 0;
  if (Number(m[4] ?? 0) > 23 || Number(m[5] ?? 0) > 59 || Number(m[6] ?? 0) > 59) return "not a real time of day";
  return { year, month, day, timeOfDay };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
export const isoDate = (d: { year: number; month: number; day: number }) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;

/** The first day of the next month. */
export function nextMonth(d: { year: number; month: number }): string {
  return d.month === 12 ? `${pad(d.year + 1, 4)}-01-01` : `${pad(d.year, 4)}-${pad(d.month + 1)}-01`;
}

/** The day after. */
export function nextDay(d: { year: number; month: number; day: number }): string {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return t.toISOString().slice(0, 10);
}

/** A date cell as the period's start, or a row error. */
export function dateCell(raw: string | null | undefined, column: string, p: RowProblems): DateParts | null {
  if (blank(raw)) return p.add(column, raw ?? null, "a date is required");
  const d = dateParts(raw);
  return typeof d === "string" ? p.add(column, raw, d) : d;
}

/**
 * A version text that sorts by its numbers: "v2.0.10" → "v0000000002.0000000000.0000000010", "14" →
 * "0000000014". Used to order rows of one key (a larger text is newer).
 */
export function versionRank(version: string): string {
  return version.trim().replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, "").padStart(10, "0"));
}
