// CodeCarbon's JSON twin: the EmissionsData object its logger writes as JSON lines and its HTTP output POSTs
// (formats.md §1, last fact). Same keys as the CSV columns, with real nulls. Each object is laid out as a row under
// a fixed header and goes through the CSV adapter's mapRow, so both formats map, check and hash alike.
import type { RowError } from "../../types";
import { planColumns, type ColumnPlan } from "../codecarbon-csv/header";
import { mapRow, type MappedRow } from "../codecarbon-csv/map-row";
import { IDENTITY_COLUMNS, MACHINE_COLUMNS, QUANTITY_COLUMNS } from "../codecarbon-csv/schema";

/** Keys read from an EmissionsData object, in row order. */
export const JSON_COLUMNS: readonly string[] = [
  ...IDENTITY_COLUMNS,
  ...QUANTITY_COLUMNS.map((c) => c.column),
  ...MACHINE_COLUMNS.map((c) => c.column),
];
const COLUMN_INDEX = new Map(JSON_COLUMNS.map((c, i) => [c, i]));
/** Sent by the tracker but not part of a measurement (`user` comes with the HTTP output). */
const IGNORED_KEYS = new Set(["user", "task_name", "country"]);

export const JSON_PLAN: ColumnPlan = planColumns([...JSON_COLUMNS]);

export type JsonRowResult = { row: MappedRow } | { errors: RowError[] };

/** An object from a file: the EmissionsData itself, or a captured request whose `body` is one. */
export function emissionsDataOf(value: unknown): Record<string, unknown> | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const o = value as Record<string, unknown>;
  if (!("timestamp" in o) && o.body && typeof o.body === "object" && !Array.isArray(o.body)) return o.body as Record<string, unknown>;
  return o;
}

/** Maps one parsed JSON value (row `rowNumber` of the file); unknown keys are added to `unknownKeys`. */
export function mapEmissionsData(value: unknown, rowNumber: number, unknownKeys: Set<string>): JsonRowResult {
  const data = emissionsDataOf(value);
  if (!data) return { errors: [{ row: rowNumber, column: null, value: null, reason: "not a JSON object (an EmissionsData object was expected)" }] };
  const fields: string[] = new Array(JSON_COLUMNS.length).fill("");
  const errors: RowError[] = [];
  for (const key of Object.keys(data)) {
    const at = COLUMN_INDEX.get(key);
    const v = data[key];
    if (at === undefined) {
      if (!IGNORED_KEYS.has(key)) unknownKeys.add(key);
      if (key === "country" && typeof v === "string") fields[COLUMN_INDEX.get("country_name")!] ||= v;
      continue;
    }
    if (v === null || v === undefined) continue;
    if (typeof v === "object") {
      errors.push({ row: rowNumber, column: key, value: JSON.stringify(v).slice(0, 200), reason: "a nested object or list where one value was expected" });
      continue;
    }
    fields[at] = String(v);
  }
  if (errors.length) return { errors };
  const row = mapRow(JSON_PLAN, fields, rowNumber, errors);
  return row ? { row } : { errors };
}
