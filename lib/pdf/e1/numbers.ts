// Figures of a report version for display: exact decimals in, strings out through lib/format.ts (decision 0004).
// Content is in kg; tables print tonnes without the unit (the unit is in the column head), the same string as
// formatTCo2eFromKg gives the inventory page.
import { formatDecimal, formatPercent, formatTCo2eFromKg } from "@/lib/format";
import { Dec, dec, text } from "@/lib/ghg/decimal";
import { RATIO_DIGITS } from "@/lib/ghg/aggregate";

const T_UNIT = " t CO₂e";

/** kg → "1,234.567" (tonnes, unit in the column head). */
export function tonnes(kg: string | null | undefined): string {
  if (kg === null || kg === undefined) return "—";
  const withUnit = formatTCo2eFromKg(kg);
  return withUnit.endsWith(T_UNIT) ? withUnit.slice(0, -T_UNIT.length) : withUnit;
}

/** kg → "1,234.567 t CO₂e". */
export const tonnesWithUnit = (kg: string) => formatTCo2eFromKg(kg);

export const mwh = (v: string | null | undefined) => (v === null || v === undefined ? "—" : formatDecimal(v));

export const pct = (v: string | null | undefined) => (v === null || v === undefined ? "—" : formatPercent(v));

/** (current − previous) / previous × 100, exact to RATIO_DIGITS, as "+4.5 %" / "−3.2 %"; "—" without a base. */
export function change(current: string | null | undefined, previous: string | null | undefined): string {
  if (current == null || previous == null || dec(previous).isZero()) return "—";
  const r = dec(current).minus(dec(previous)).times(100).div(dec(previous)).toSignificantDigits(RATIO_DIGITS);
  const shown = formatPercent(text(r));
  return r.isPositive() && !r.isZero() && shown !== "0 %" ? `+${shown}` : shown;
}

/** Exact sum of decimal strings. */
export function add(...values: (string | null | undefined)[]): string {
  return text(values.reduce<Dec>((s, v) => (v == null ? s : s.plus(dec(v))), dec(0)));
}

/** An approximate number for chart geometry only (never text). */
export const geometry = (v: string | null | undefined) => (v == null ? 0 : dec(v).toNumber());

/** "2026-02-12T15:40:00.000Z" → "2026-02-12 15:40 UTC"; text that is no timestamp is shown as given. */
export function timestamp(iso: string | null): string {
  if (iso === null) return "—";
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

/** "2025-01-01" → "1 January 2025". */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
}

/** Nice axis ticks from 0 to ≥ max: steps of 1, 2 or 5 × 10^k, exact decimals. */
export function ticks(max: string, count = 4): string[] {
  const m = dec(max);
  if (!m.isPositive()) return ["0", "1"];
  const raw = m.div(count);
  // 10^exponent of the raw step, exactly (Decimal#e is the base-10 exponent; no logarithm at 1000 digits).
  const magnitude = new Dec(`1e${raw.e}`);
  const step = [1, 2, 5, 10].map((k) => magnitude.times(k)).find((st) => st.gte(raw)) ?? magnitude.times(10);
  const out: string[] = [];
  for (let v = dec(0); out.length === 0 || dec(out[out.length - 1]).lt(m); v = v.plus(step)) out.push(text(v));
  return out;
}

export const approachLabel = (a: string) => a.replace(/_/g, " ").toLowerCase().replace(/^./, (c) => c.toUpperCase());
