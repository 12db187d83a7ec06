// One CodeCarbon row (fields under a planned header) → a mapped row, or row errors with row, column, value and
// reason. Pure and cheap: numbers are checked as text (numeric-text.ts), never parsed into floats or decimals;
// it never throws on any input (property-tested).
import { hash } from "node:crypto";
import { canonicalNumber, integerText, negativeText, numericText, type NumericProblem } from "../../../text/numeric-text";
import { canonicalTimestamp, timestampProblem } from "../../../text/timestamp-text";
import type { RowError } from "../../types";
import type { MappedRow } from "../../../records/measurement";
import type { ColumnPlan } from "./header";
import { DEFAULT_PROJECT, MACHINE_COLUMNS, Q, QUANTITY_COLUMNS } from "./schema";

export type { MappedRow } from "../../../records/measurement";

export const REASONS = {
  timestamp: "not an ISO 8601 date and time",
  negative: "must not be negative",
  noQuantity: "neither energy_consumed nor emissions has a value",
  notWhole: "not a whole number",
  tooLargeCount: "too large for a count",
  iso3: "not a 3-letter ISO 3166 country code",
} as const;

function numberReason(raw: string, problem: NumericProblem): string {
  if (problem === "too-large") return "too large to store (at most 35 digits before the decimal point)";
  const t = raw.trim().toLowerCase().replace(/^[+-]/, "");
  if (t === "nan") return "not a number (NaN: the tracker had no value)";
  if (t === "inf" || t === "infinity") return "not a number (infinite)";
  if (/^\d+,\d+$/.test(t)) return "not a number (a decimal comma? write 0.5, not 0,5)";
  return "not a number";
}

export function shortRowReason(fields: number, expected: number, cutOff: boolean): string {
  return cutOff
    ? `The file ends inside this row (${fields} of ${expected} fields): it was cut off; upload the complete file.`
    : `Row has ${fields} fields but the header has ${expected}: values are shifted (CodeCarbon's append bug); the row cannot be read safely.`;
}

/** The trimmed cell, or null when empty or absent. */
function cell(fields: string[], at: number): string | null {
  if (at < 0) return null;
  const v = fields[at];
  if (v === undefined || v === "") return null;
  const c0 = v.charCodeAt(0);
  const cn = v.charCodeAt(v.length - 1);
  if (c0 > 32 && cn > 32) return v;
  const t = v.trim();
  return t === "" ? null : t;
}

function fail(errors: RowError[], row: number, column: string, value: string | null, reason: string): void {
  errors.push({ row, column, value, reason });
}

function extraFieldsFilled(fields: string[], from: number): boolean {
  for (let i = from; i < fields.length; i++) if (fields[i].trim() !== "") return true;
  return false;
}

/**
 * Maps one row. Returns null and appends to `errors` when the row cannot be taken. `cutOff`: this is the last row
 * of a file that does not end with a line break (a short last row then means a truncated file, not the append bug).
 */
export function mapRow(plan: ColumnPlan, fields: string[], rowNumber: number, errors: RowError[], cutOff = false): MappedRow | null {
  const n = fields.length;
  if (n < plan.expectedFields) {
    errors.push({ row: rowNumber, column: null, value: null, reason: shortRowReason(n, plan.expectedFields, cutOff) });
    return null;
  }
  if (n > plan.expectedFields && extraFieldsFilled(fields, plan.expectedFields)) {
    errors.push({
      row: rowNumber,
      column: null,
      value: null,
      reason: `Row has ${n} fields but the header has ${plan.expectedFields}: a value may contain an unquoted comma; the row cannot be read safely.`,
    });
    return null;
  }
  const before = errors.length;

  const tsRaw = cell(fields, plan.timestamp);
  const measuredAt = tsRaw === null ? null : canonicalTimestamp(tsRaw);
  if (measuredAt === null) fail(errors, rowNumber, "timestamp", tsRaw, tsRaw === null ? REASONS.timestamp : timestampProblem(tsRaw));

  const quantities: (string | null)[] = new Array(QUANTITY_COLUMNS.length);
  for (let q = 0; q < QUANTITY_COLUMNS.length; q++) {
    const raw = cell(fields, plan.quantity[q]);
    quantities[q] = null;
    if (raw === null) continue;
    const text = numericText(raw);
    if (text === "not-a-number" || text === "too-large") fail(errors, rowNumber, QUANTITY_COLUMNS[q].column, raw, numberReason(raw, text));
    else if (negativeText(text)) fail(errors, rowNumber, QUANTITY_COLUMNS[q].column, raw, REASONS.negative);
    else quantities[q] = text;
  }

  const machine: (string | null)[] = new Array(MACHINE_COLUMNS.length);
  for (let k = 0; k < MACHINE_COLUMNS.length; k++) {
    const def = MACHINE_COLUMNS[k];
    const raw = cell(fields, plan.machine[k]);
    machine[k] = null;
    if (raw === null) continue;
    switch (def.kind) {
      case "text":
        machine[k] = raw;
        break;
      case "iso3":
        if (raw.length > 3) fail(errors, rowNumber, def.column, raw, REASONS.iso3);
        else machine[k] = raw;
        break;
      case "yesNo":
        machine[k] = /^(y|yes|true|1)$/i.test(raw) ? "t" : /^(n|no|false|0)$/i.test(raw) ? "f" : null;
        break;
      default: {
        const text = numericText(raw);
        if (text === "not-a-number" || text === "too-large") {
          fail(errors, rowNumber, def.column, raw, def.kind === "integer" && text === "too-large" ? REASONS.tooLargeCount : numberReason(raw, text));
        } else if (def.kind === "integer") {
          const whole = integerText(text);
          if (whole === null) fail(errors, rowNumber, def.column, raw, Number.isInteger(Number(text)) ? REASONS.tooLargeCount : REASONS.notWhole);
          else if (whole.startsWith("-")) fail(errors, rowNumber, def.column, raw, REASONS.negative);
          else machine[k] = whole;
        } else if (def.kind === "nonNegative" && negativeText(text)) {
          fail(errors, rowNumber, def.column, raw, REASONS.negative);
        } else machine[k] = text;
      }
    }
  }

  if (errors.length === before && quantities[Q.energy_consumed] === null && quantities[Q.emissions] === null)
    fail(errors, rowNumber, "energy_consumed", null, REASONS.noQuantity);
  if (errors.length !== before || measuredAt === null) return null;

  const runRaw = cell(fields, plan.run);
  const runId = runRaw === null || runRaw === "None" ? null : runRaw;
  const experimentRaw = cell(fields, plan.experiment);
  const row: MappedRow = {
    rowNumber,
    rowHash: "",
    runId,
    measuredAt,
    projectName: cell(fields, plan.project) ?? DEFAULT_PROJECT,
    experimentId: experimentRaw === null || experimentRaw === "None" ? null : experimentRaw,
    quantities,
    machine,
  };
  row.rowHash = hash("sha256", runId ? `run\u0000${runId}\u0000${measuredAt}Z` : contentIdentity(row), "hex");
  return row;
}

/**
 * The identity of a row without a run id: everything Scopebook read from it, numbers in one spelling, so the same
 * measurement is recognised in another file (or in the JSON output) even when a column order or notation differs.
 */
export function contentIdentity(row: MappedRow): string {
  const parts = ["row", row.projectName, row.experimentId ?? "", row.measuredAt];
  for (const v of row.quantities) parts.push(v === null ? "" : canonicalNumber(v));
  MACHINE_COLUMNS.forEach((def, k) => {
    const v = row.machine[k];
    parts.push(v === null ? "" : def.kind === "text" || def.kind === "iso3" || def.kind === "yesNo" ? v : canonicalNumber(v));
  });
  return parts.join("\u0000");
}
