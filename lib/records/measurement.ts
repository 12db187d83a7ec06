// A CodeCarbon measurement as every reader yields it (emissions.csv rows, JSON output, the tracker API) and as the
// writers store it (lib/db/bulk/): the quantity and machine columns in their fixed order. Pure data, no I/O: the
// parsers (lib/ingest) and the storage (lib/db) both depend on it, never on each other.

export interface MappedRow {
  rowNumber: number;
  /** sha256 of the row's identity: run id + timestamp, or its whole content when the run is unknown. */
  rowHash: string;
  /** null when run_id is empty or "None": run identity unknown, the row stands alone (flagged). */
  runId: string | null;
  /** Canonical "YYYY-MM-DDTHH:MM:SS.mmm", tracker time as written (timestamp-text.ts). */
  measuredAt: string;
  projectName: string;
  experimentId: string | null;
  /** Checked numeric text per QUANTITY_COLUMNS entry (null = empty or absent). */
  quantities: (string | null)[];
  /** Per MACHINE_COLUMNS entry: text, checked numeric text, or "t"/"f" for on_cloud. */
  machine: (string | null)[];
}

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
