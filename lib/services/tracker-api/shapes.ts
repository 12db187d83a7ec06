// Scopebook rows in the shapes of CodeCarbon's reference server (carbonserver schemas Experiment, Run, Emission,
// RunReport, ExperimentReport). Quantities leave as exact JSON numbers (lib/json-exact.ts), read as ::text from
// Postgres numeric.
import { Prisma } from "../../generated/prisma/client";
import { exactNumber } from "../../json-exact";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface ExperimentRow {
  id: string;
  createdAt: Date;
  name: string;
  description: string | null;
  countryName: string | null;
  countryIsoCode: string | null;
  region: string | null;
  onCloud: boolean | null;
  cloudProvider: string | null;
  cloudRegion: string | null;
  projectId: string;
}

export function experimentShape(e: ExperimentRow) {
  return {
    id: e.id,
    timestamp: iso(e.createdAt),
    name: e.name,
    description: e.description ?? "",
    country_name: e.countryName,
    country_iso_code: e.countryIsoCode,
    region: e.region,
    on_cloud: e.onCloud ?? false,
    cloud_provider: e.cloudProvider,
    cloud_region: e.cloudRegion,
    project_id: e.projectId,
  };
}

/** Columns of `runs r` for runShape/runTotals, numerics as text. */
export const RUN_COLUMNS = Prisma.sql`
  r.id, r.started_at, r.experiment_id, r.os, r.python_version, r.codecarbon_version, r.cpu_count, r.cpu_model,
  r.gpu_count, r.gpu_model, r.longitude::text AS longitude, r.latitude::text AS latitude, r.region, r.cloud_provider,
  r.ram_total_size_gb::text AS ram_total_size_gb, r.tracking_mode,
  r.tracker_emissions_kg_co2e::text AS emissions, r.energy_kwh::text AS energy_kwh, r.cpu_energy_kwh::text AS cpu_energy_kwh,
  r.gpu_energy_kwh::text AS gpu_energy_kwh, r.ram_energy_kwh::text AS ram_energy_kwh, r.duration_seconds::text AS duration_seconds`;

export interface RunRow {
  id: string;
  started_at: Date | null;
  experiment_id: string | null;
  os: string | null;
  python_version: string | null;
  codecarbon_version: string | null;
  cpu_count: number | null;
  cpu_model: string | null;
  gpu_count: number | null;
  gpu_model: string | null;
  longitude: string | null;
  latitude: string | null;
  region: string | null;
  cloud_provider: string | null;
  ram_total_size_gb: string | null;
  tracking_mode: string | null;
  emissions: string | null;
  energy_kwh: string | null;
  cpu_energy_kwh: string | null;
  gpu_energy_kwh: string | null;
  ram_energy_kwh: string | null;
  duration_seconds: string | null;
}

/** carbonserver's `Run` (RunBase + id). */
export function runShape(r: RunRow) {
  return {
    id: r.id,
    timestamp: iso(r.started_at),
    experiment_id: r.experiment_id,
    os: r.os,
    python_version: r.python_version,
    codecarbon_version: r.codecarbon_version,
    cpu_count: r.cpu_count,
    cpu_model: r.cpu_model,
    gpu_count: r.gpu_count,
    gpu_model: r.gpu_model,
    longitude: exactNumber(r.longitude),
    latitude: exactNumber(r.latitude),
    region: r.region,
    provider: r.cloud_provider,
    ram_total_size: exactNumber(r.ram_total_size_gb),
    tracking_mode: r.tracking_mode,
  };
}

/** Scopebook's addition to GET /runs/{id}: the run's totals (the exact sum of its emissions), named as in RunReport. */
export function runTotals(r: RunRow) {
  const zero = (v: string | null) => exactNumber(v ?? "0");
  return {
    emissions: zero(r.emissions),
    energy_consumed: zero(r.energy_kwh),
    cpu_energy: zero(r.cpu_energy_kwh),
    gpu_energy: zero(r.gpu_energy_kwh),
    ram_energy: zero(r.ram_energy_kwh),
    duration: zero(r.duration_seconds),
  };
}

/** A stable UUID-shaped id for an emission, from its row hash (a retried POST gets the same id). */
export function emissionId(rowHash: string): string {
  const h = rowHash.slice(0, 32);
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Columns of `measurements m` for emissionShape. */
export const EMISSION_COLUMNS = Prisma.sql`
  m.row_hash, m.measured_at, m.run_id, m.duration_seconds::text AS duration, m.tracker_emissions_kg_co2e::text AS emissions_sum,
  m.emissions_rate_kg_per_s::text AS emissions_rate, m.cpu_power_w::text AS cpu_power, m.gpu_power_w::text AS gpu_power,
  m.ram_power_w::text AS ram_power, m.cpu_energy_kwh::text AS cpu_energy, m.gpu_energy_kwh::text AS gpu_energy,
  m.ram_energy_kwh::text AS ram_energy, m.energy_kwh::text AS energy_consumed,
  m.cpu_utilization_percent::text AS cpu_utilization_percent, m.gpu_utilization_percent::text AS gpu_utilization_percent,
  m.ram_utilization_percent::text AS ram_utilization_percent`;

const EMISSION_QUANTITIES = [
  "duration",
  "emissions_sum",
  "emissions_rate",
  "cpu_power",
  "gpu_power",
  "ram_power",
  "cpu_energy",
  "gpu_energy",
  "ram_energy",
  "energy_consumed",
  "cpu_utilization_percent",
  "gpu_utilization_percent",
  "ram_utilization_percent",
] as const;

export type EmissionRow = { row_hash: string; measured_at: Date; run_id: string } & Record<(typeof EMISSION_QUANTITIES)[number], string | null>;

/** carbonserver's `Emission`. */
export function emissionShape(m: EmissionRow) {
  const out: Record<string, unknown> = { id: emissionId(m.row_hash), timestamp: iso(m.measured_at), run_id: m.run_id };
  for (const k of EMISSION_QUANTITIES) out[k] = exactNumber(m[k]);
  return out;
}

/** The aggregate columns of carbonserver's RunReport/ExperimentReport over `measurements m` (sums; powers and rate averaged). */
export const REPORT_AGGREGATES = Prisma.sql`
  coalesce(sum(m.tracker_emissions_kg_co2e), 0)::text AS emissions,
  coalesce(avg(m.cpu_power_w), 0)::text AS cpu_power, coalesce(avg(m.gpu_power_w), 0)::text AS gpu_power,
  coalesce(avg(m.ram_power_w), 0)::text AS ram_power,
  coalesce(sum(m.cpu_energy_kwh), 0)::text AS cpu_energy, coalesce(sum(m.gpu_energy_kwh), 0)::text AS gpu_energy,
  coalesce(sum(m.ram_energy_kwh), 0)::text AS ram_energy, coalesce(sum(m.energy_kwh), 0)::text AS energy_consumed,
  coalesce(sum(m.duration_seconds), 0)::text AS duration, coalesce(avg(m.emissions_rate_kg_per_s), 0)::text AS emissions_rate,
  count(m.id) AS emissions_count`;

const REPORT_QUANTITIES = ["emissions", "cpu_power", "gpu_power", "ram_power", "cpu_energy", "gpu_energy", "ram_energy", "energy_consumed", "duration", "emissions_rate"] as const;

export type ReportAggregates = Record<(typeof REPORT_QUANTITIES)[number], string> & { emissions_count: bigint };

export function reportAggregates(a: ReportAggregates) {
  const out: Record<string, unknown> = {};
  for (const k of REPORT_QUANTITIES) out[k] = exactNumber(a[k]);
  out.emissions_count = Number(a.emissions_count);
  return out;
}
