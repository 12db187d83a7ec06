// The request bodies of CodeCarbon's API (carbonserver's ExperimentCreate, RunCreate, EmissionCreate), as zod
// schemas. Numbers arrive as JsonNumber (lib/json-exact.ts: their exact source text) and leave as exact decimal
// strings; plain JS numbers (tests, scripts) are read through their shortest round-trip text, never arithmetic.
// Like the reference server: negative quantities, utilisation outside 0–100 and duration ≤ 0 are rejected (422).
import Decimal from "decimal.js";
import { z } from "zod";
import { parseDecimal } from "../../text/decimal-text";
import { JsonNumber } from "../../json-exact";

const MAX_MAGNITUDE = new Decimal("1e15");

interface DecimalRule {
  /** null is accepted (carbonserver: `Optional[float] = Field(..., ge=0)`: required, may be null). */
  nullable?: boolean;
  /** the key may be missing (fields newer trackers added). */
  optional?: boolean;
  integer?: boolean;
  min?: number;
  /** strictly greater than. */
  above?: number;
  max?: number;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "string" ? `the string ${JSON.stringify(v.slice(0, 40))}` : typeof v;
}

/** An exact decimal string from a JSON number, checked against the rule. */
export function decimalField(rule: DecimalRule = {}) {
  // .optional(): a missing key still reaches the transform, which says "required" itself.
  return z.unknown().optional().transform((v, ctx): string | null => {
    const fail = (message: string) => {
      ctx.issues.push({ code: "custom", message, input: v });
      return z.NEVER;
    };
    if (v === undefined) return rule.optional ? null : fail("required");
    if (v === null) return rule.nullable || rule.optional ? null : fail("must be a number, not null");
    const text = v instanceof JsonNumber ? v.text : typeof v === "number" && Number.isFinite(v) ? String(v) : null;
    if (text === null) return fail(`must be a number (got ${describe(v)})`);
    const exact = parseDecimal(text);
    const d = exact === null ? null : new Decimal(text);
    // 10^15 kWh, W or kg in one interval is no measurement; the bound keeps every run total inside numeric(65,30).
    if (d === null || d.abs().gte(MAX_MAGNITUDE)) return fail(`out of range (${text.slice(0, 40)}): must be less than 10^15 in magnitude`);
    if (rule.integer && !d.isInteger()) return fail(`must be a whole number (got ${text})`);
    if (rule.above !== undefined && !d.gt(rule.above)) return fail(`must be greater than ${rule.above} (got ${text})`);
    if (rule.min !== undefined && rule.max !== undefined && (d.lt(rule.min) || d.gt(rule.max)))
      return fail(`must be between ${rule.min} and ${rule.max} (got ${text})`);
    if (rule.min !== undefined && d.lt(rule.min)) return fail(`must not be negative (got ${text})`);
    if (rule.max !== undefined && d.gt(rule.max)) return fail(`must be at most ${rule.max} (got ${text})`);
    return exact;
  });
}

/** A decimal that is neither nullable nor optional: decimalField already rejects null and missing. */
const requiredDecimal = (rule: Omit<DecimalRule, "nullable" | "optional">) => decimalField(rule).transform((v) => v as string);

const count = decimalField({ nullable: true, optional: true, integer: true, min: 0, max: 2_147_483_647 }).transform((v) =>
  v === null ? null : Number(v),
);
const text = (max = 1000) => z.string().max(max).nullish().transform((v) => v ?? null);
export const guid = z.guid("must be a UUID");

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/i;

export interface TrackerTimestamp {
  at: Date;
  /** The instant in UTC with the tracker's full sub-second digits (microseconds): "2026-11-23T08:24:52.738556Z". */
  canonical: string;
}

/** ISO 8601 as the tracker writes it (arrow: microseconds and an offset); without an offset it is read as UTC. */
export const trackerTimestamp = z.string().transform((v, ctx): TrackerTimestamp => {
  const m = TIMESTAMP.exec(v.trim());
  const fail = () => {
    ctx.issues.push({ code: "custom", message: `not an ISO 8601 date-time (got ${JSON.stringify(v.slice(0, 40))})`, input: v });
    return z.NEVER;
  };
  if (!m) return fail();
  const [, y, mo, d, h, mi, s, frac = "", zone = "Z"] = m;
  if (Number(y) < 1970) return fail();
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCDate() !== Number(d) || day.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59)
    return fail();
  const offset = zone.toUpperCase() === "Z" ? "Z" : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${frac.padEnd(3, "0").slice(0, 3)}${offset}`);
  if (Number.isNaN(at.getTime())) return fail();
  // Offsets are whole minutes, so the sub-second digits are the same in UTC.
  return { at, canonical: `${at.toISOString().slice(0, 19)}.${frac.padEnd(6, "0")}Z` };
});

export const ExperimentCreateInput = z.object({
  name: z.string().trim().min(1, "must not be empty").max(255),
  description: text(10_000),
  /** The reference server stamps experiments with its own clock; so does Scopebook. */
  timestamp: z.unknown().optional(),
  country_name: text(),
  country_iso_code: z.string().max(3, "must be an ISO 3166 code of at most 3 letters").nullish().transform((v) => v ?? null),
  region: text(),
  on_cloud: z.boolean().nullish().transform((v) => v ?? false),
  cloud_provider: text(),
  cloud_region: text(),
  project_id: guid,
});

export const RunCreateInput = z.object({
  timestamp: trackerTimestamp,
  experiment_id: guid,
  os: text(),
  python_version: text(),
  codecarbon_version: text(),
  cpu_count: count,
  cpu_model: text(),
  gpu_count: count,
  gpu_model: text(),
  longitude: decimalField({ nullable: true, optional: true, min: -180, max: 180 }),
  latitude: decimalField({ nullable: true, optional: true, min: -90, max: 90 }),
  region: text(),
  provider: text(),
  ram_total_size: decimalField({ nullable: true, optional: true, min: 0 }),
  tracking_mode: text(),
});

const quantity = decimalField({ nullable: true, min: 0 });
const percent = decimalField({ nullable: true, optional: true, min: 0, max: 100 });

export const EmissionCreateInput = z.object({
  timestamp: trackerTimestamp,
  run_id: guid,
  /** whole seconds of the interval (the tracker sends max(1, round(duration))). */
  duration: requiredDecimal({ integer: true, above: 0 }),
  emissions_sum: quantity,
  emissions_rate: quantity,
  cpu_power: quantity,
  gpu_power: quantity,
  ram_power: quantity,
  cpu_energy: quantity,
  gpu_energy: quantity,
  ram_energy: quantity,
  energy_consumed: quantity,
  cpu_utilization_percent: percent,
  gpu_utilization_percent: percent,
  ram_utilization_percent: percent,
  wue: decimalField({ nullable: true, optional: true, min: 0 }),
});

/** Query of the sums endpoints: start_date/end_date, by default the last 3 months up to tomorrow (as the reference). */
export const SumsRangeInput = z.object({
  start_date: trackerTimestamp.optional(),
  end_date: trackerTimestamp.optional(),
});

export function sumsRange(input: z.infer<typeof SumsRangeInput>): { from: Date; to: Date } {
  const now = new Date();
  const from = input.start_date?.at ?? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, now.getUTCDate(), now.getUTCHours(), now.getUTCMinutes()));
  const to = input.end_date?.at ?? new Date(now.getTime() + 24 * 3600 * 1000);
  return { from, to };
}
