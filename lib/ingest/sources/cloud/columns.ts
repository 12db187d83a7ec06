// Column names of cloud exports, matched loosely: BigQuery flattens nested fields with dots or underscores
// ("carbon_footprint_kgCO2e.scope1" or "carbon_footprint_kgCO2e_scope1"), portals change case and spacing.
// Names are compared without case and without anything but letters and digits.
import type { ProviderRecord } from "../../../records/provider-emission";
import type { RowError } from "../../types";

export const normName = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

export interface CloudColumn {
  key: string;
  /** The documented name (shown in row errors), then any other spellings. */
  names: readonly string[];
  required?: boolean;
}

/** A row's cells by column key (undefined: the file has no such column; null: JSON null). */
export type Cells = (key: string) => string | null | undefined;

export type MapResult = { record: ProviderRecord } | { errors: RowError[] };

/** What a mapper notices across rows (file-level warnings). */
export interface MapContext {
  /** Units seen, as written. */
  units: Set<string>;
}

export interface CloudSchema {
  columns: readonly CloudColumn[];
  detectedVersion: string;
  map(cells: Cells, rowNumber: number, ctx: MapContext): MapResult;
}

/** Index of each normalized name → column key, for a schema. */
export function nameIndex(columns: readonly CloudColumn[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const c of columns) for (const n of c.names) index.set(normName(n), c.key);
  return index;
}

/** File-level warnings once every row was read. */
export function contextWarnings(ctx: MapContext): string[] {
  return ctx.units.size > 1
    ? [`Mixed units in one file (${[...ctx.units].join(", ")}): each value is converted to kg by the unit its own row states.`]
    : [];
}
