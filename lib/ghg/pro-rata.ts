// An activity record whose period spans months counts in each month it covers, pro rata by days (decision 0021).
// Exact decimals: each month's part is quantity × its days ÷ the record's days, rounded DOWN at the 30th decimal
// (the scale of the ledger's numeric columns, so a stored part is the part); the LAST month takes the remainder,
// so the parts sum back to the quantity exactly — the rule lib/ghg already uses for runs' shares (precedence.ts).
import { Dec, dec, text } from "./decimal";

/** Decimals of every part but the last (the scale of numeric(65,30): what is stored is what was computed). */
export const PART_DECIMALS = 30;

export interface MonthPart {
  /** YYYY-MM-01 */
  month: string;
  /** The days of the record inside this month, YYYY-MM-DD inclusive. */
  from: string;
  to: string;
  days: number;
  /** The record's days in all (inclusive). */
  totalDays: number;
  /** This month's part of the quantity, exact decimal text. */
  quantity: string;
}

const DAY_MS = 86_400_000;

function utc(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last day of the month of `ms`. */
function monthEnd(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0);
}

/**
 * The months a record from `start` to `end` (YYYY-MM-DD, inclusive) covers, with its days in each and its part of
 * `quantity`. One month → one part holding the whole quantity. `end` before `start` is refused by the entry check
 * (lib/activity); here it counts as the start day alone.
 */
export function splitByDays(quantity: string, start: string, end: string): MonthPart[] {
  const first = utc(start);
  const last = Math.max(utc(end), first);
  const totalDays = Math.round((last - first) / DAY_MS) + 1;
  const total = dec(quantity);
  const parts: MonthPart[] = [];
  let given: Dec = dec(0);
  for (let from = first; from <= last; ) {
    const to = Math.min(monthEnd(from), last);
    const days = Math.round((to - from) / DAY_MS) + 1;
    const isLast = to === last;
    const part = isLast ? total.minus(given) : total.times(days).div(totalDays).toDecimalPlaces(PART_DECIMALS, Dec.ROUND_DOWN);
    given = given.plus(part);
    parts.push({ month: `${iso(from).slice(0, 7)}-01`, from: iso(from), to: iso(to), days, totalDays, quantity: text(part) });
    from = to + DAY_MS;
  }
  return parts;
}

/** What a pro-rated line says about its share, e.g. "pro rata by days: 15/31 days (2024-12-17..2024-12-31) of 31 kWh over 2024-12-17..2025-01-16". */
export function proRataNote(part: MonthPart, quantity: string, unit: string, start: string, end: string): string {
  return `pro rata by days: ${part.days}/${part.totalDays} days (${part.from}..${part.to}) of ${quantity} ${unit} over ${start}..${end}`;
}
