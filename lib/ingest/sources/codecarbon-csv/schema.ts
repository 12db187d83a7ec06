// CodeCarbon's emissions.csv columns (formats.md §1), by name: what each becomes, which are required, and how a
// header tells the tracker version. Shared by the CSV adapter and its JSON twin (the same EmissionsData keys).

/** A measured quantity of a row: stored per row on `measurements` (and the run's totals from its last row). */
export interface QuantityColumn {
  column: string;
  /** Column of `measurements`. */
  dbColumn: string;
  nonNegative: boolean;
}

/** Order matters: it is the order of values in a mapped row and of the COPY columns. */
export const QUANTITY_COLUMNS = [
  { column: "duration", dbColumn: "duration_seconds", nonNegative: true },
  { column: "emissions", dbColumn: "tracker_emissions_kg_co2e", nonNegative: true },
  { column: "emissions_rate", dbColumn: "emissions_rate_kg_per_s", nonNegative: true },
  { column: "cpu_power", dbColumn: "cpu_power_w", nonNegative: true },
  { column: "gpu_power", dbColumn: "gpu_power_w", nonNegative: true },
  { column: "ram_power", dbColumn: "ram_power_w", nonNegative: true },
  { column: "cpu_energy", dbColumn: "cpu_energy_kwh", nonNegative: true },
  { column: "gpu_energy", dbColumn: "gpu_energy_kwh", nonNegative: true },
  { column: "ram_energy", dbColumn: "ram_energy_kwh", nonNegative: true },
  { column: "energy_consumed", dbColumn: "energy_kwh", nonNegative: true },
  { column: "water_consumed", dbColumn: "water_litres", nonNegative: true },
  { column: "cpu_utilization_percent", dbColumn: "cpu_utilization_percent", nonNegative: true },
  { column: "gpu_utilization_percent", dbColumn: "gpu_utilization_percent", nonNegative: true },
  { column: "ram_utilization_percent", dbColumn: "ram_utilization_percent", nonNegative: true },
  { column: "ram_used_gb", dbColumn: "ram_used_gb", nonNegative: true },
] as const satisfies readonly QuantityColumn[];

export type QuantityName = (typeof QUANTITY_COLUMNS)[number]["column"];
export const Q = Object.fromEntries(QUANTITY_COLUMNS.map((c, i) => [c.column, i])) as Record<QuantityName, number>;

export type MachineKind = "text" | "iso3" | "integer" | "number" | "nonNegative" | "yesNo";

/** Machine metadata of a row: kept per run (formats.md: "machine metadata per run"), from the run's last row. */
export const MACHINE_COLUMNS = [
  { column: "country_name", dbColumn: "country_name", kind: "text" },
  { column: "country_iso_code", dbColumn: "country_iso_code", kind: "iso3" },
  { column: "region", dbColumn: "region", kind: "text" },
  { column: "cloud_provider", dbColumn: "cloud_provider", kind: "text" },
  { column: "cloud_region", dbColumn: "cloud_region", kind: "text" },
  { column: "os", dbColumn: "os", kind: "text" },
  { column: "python_version", dbColumn: "python_version", kind: "text" },
  { column: "codecarbon_version", dbColumn: "codecarbon_version", kind: "text" },
  { column: "cpu_count", dbColumn: "cpu_count", kind: "integer" },
  { column: "cpu_model", dbColumn: "cpu_model", kind: "text" },
  { column: "gpu_count", dbColumn: "gpu_count", kind: "integer" },
  { column: "gpu_model", dbColumn: "gpu_model", kind: "text" },
  { column: "ram_total_size", dbColumn: "ram_total_size_gb", kind: "nonNegative" },
  { column: "tracking_mode", dbColumn: "tracking_mode", kind: "text" },
  { column: "on_cloud", dbColumn: "on_cloud", kind: "yesNo" },
  { column: "longitude", dbColumn: "longitude", kind: "number" },
  { column: "latitude", dbColumn: "latitude", kind: "number" },
  { column: "pue", dbColumn: "pue", kind: "nonNegative" },
  { column: "wue", dbColumn: "wue", kind: "nonNegative" },
] as const satisfies readonly { column: string; dbColumn: string; kind: MachineKind }[];

export type MachineName = (typeof MACHINE_COLUMNS)[number]["column"];
export const M = Object.fromEntries(MACHINE_COLUMNS.map((c, i) => [c.column, i])) as Record<MachineName, number>;

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
