// CodeCarbon's emissions.csv columns (formats.md §1), by name: what each becomes, which are required, and how a
// header tells the tracker version. Shared by the CSV adapter and its JSON twin (the same EmissionsData keys).

export {
  M,
  MACHINE_COLUMNS,
  Q,
  QUANTITY_COLUMNS,
  type MachineKind,
  type MachineName,
  type QuantityColumn,
  type QuantityName,
} from "../../../records/measurement";
import { MACHINE_COLUMNS, QUANTITY_COLUMNS } from "../../../records/measurement";

/** Columns read for identity and hierarchy rather than stored as quantities. */
export const IDENTITY_COLUMNS = ["timestamp", "project_name", "run_id", "experiment_id"] as const;

/** Known but not stored: `country` is the 0.x spelling of country_name; task files name their task. */
export const ALIASES: Record<string, string> = { country: "country_name" };
export const IGNORED_COLUMNS = ["task_name"] as const;

export const KNOWN_COLUMNS = new Set<string>([
  ...IDENTITY_COLUMNS,
  ...QUANTITY_COLUMNS.map((c) => c.column),
  ...MACHINE_COLUMNS.map((c) => c.column),
  ...Object.keys(ALIASES),
  ...IGNORED_COLUMNS,
]);

/** formats.md §1: a file without these is not a CodeCarbon emissions file. */
export function missingRequired(columns: ReadonlySet<string>): string[] {
  const missing = (["timestamp", "duration"] as const).filter((c) => !columns.has(c)) as string[];
  if (!columns.has("emissions") && !columns.has("energy_consumed")) missing.push("emissions or energy_consumed");
  return missing;
}

/** The tracker generation a column set comes from (formats.md §1). */
export function detectVersion(columns: ReadonlySet<string>): string {
  if (columns.has("water_consumed") || columns.has("wue") || columns.has("ram_used_gb")) return "3.x";
  if (columns.has("cpu_energy") && columns.has("run_id")) return columns.has("experiment_id") ? "2.7+" : "2.x";
  return "1.x";
}

/** Project name used when a row has none (CodeCarbon's own default is "codecarbon"; 0.x files may omit it). */
export const DEFAULT_PROJECT = "default";
