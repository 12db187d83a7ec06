// CodeCarbon emissions.csv → normalized measurements. Pure: text in, rows and row errors out.
// Columns are mapped by name (formats.md §1). Rows are cumulative within a run: a run's totals are its last row.
// The streaming pipeline (lib/ingest/pipeline) uses the same pieces chunk by chunk: CsvRowReader, planColumns,
// mapRow. This module reads a whole text at once (tests, small files) and gives rows as plain objects.
import { parseDecimal } from "../../../text/decimal-text";
import type { RowSink, SourceReader } from "../../source";
import { canonicalTimestamp, timestampDate } from "../../../text/timestamp-text";
import type { RowError } from "../../types";
import type { MappedRow } from "./map-row";
import { CodecarbonCsvReader } from "./reader";
import { M, Q } from "./schema";

export { CodecarbonHeaderError } from "./header";
export type { MappedRow } from "./map-row";

export interface CodecarbonMeasurement {
  rowNumber: number;
  rowHash: string;
  projectName: string;
  experimentId: string | null;
  /** null when the file's run_id is empty or "None": identity unknown, the row stands alone. */
  runId: string | null;
  measuredAt: Date;
  durationSeconds: string | null;
  trackerEmissionsKgCo2e: string | null;
  emissionsRateKgPerS: string | null;
  cpuPowerW: string | null;
  gpuPowerW: string | null;
  ramPowerW: string | null;
  cpuEnergyKwh: string | null;
  gpuEnergyKwh: string | null;
  ramEnergyKwh: string | null;
  energyKwh: string | null;
  waterLitres: string | null;
  machine: {
    countryName: string | null;
    countryIsoCode: string | null;
    region: string | null;
    cloudProvider: string | null;
    cloudRegion: string | null;
    os: string | null;
    pythonVersion: string | null;
    codecarbonVersion: string | null;
    cpuCount: number | null;
    cpuModel: string | null;
    gpuCount: number | null;
    gpuModel: string | null;
    ramTotalSizeGb: string | null;
    trackingMode: string | null;
    onCloud: boolean | null;
    longitude: string | null;
    latitude: string | null;
    pue: string | null;
    wue: string | null;
  };
}

export interface CodecarbonParseResult {
  detectedVersion: string;
  header: string[];
  measurements: CodecarbonMeasurement[];
  errors: RowError[];
  warnings: string[];
  rowsTotal: number;
}

/** CodeCarbon writes local time without a zone; it is kept as written (naive), stored as if UTC. */
export function parseTrackerTimestamp(text: string): Date | null {
  const canonical = canonicalTimestamp(text);
  return canonical === null ? null : timestampDate(canonical);
}

const dec = (v: string | null) => (v === null ? null : parseDecimal(v));
const int = (v: string | null) => (v === null ? null : Number(v));

/** A mapped row as a plain object with exact decimal strings (no exponent), for previews and tests. */
export function toMeasurement(r: MappedRow): CodecarbonMeasurement {
  const q = r.quantities;
  const m = r.machine;
  return {
    rowNumber: r.rowNumber,
    rowHash: r.rowHash,
    projectName: r.projectName,
    experimentId: r.experimentId,
    runId: r.runId,
    measuredAt: timestampDate(r.measuredAt),
    durationSeconds: dec(q[Q.duration]),
    trackerEmissionsKgCo2e: dec(q[Q.emissions]),
    emissionsRateKgPerS: dec(q[Q.emissions_rate]),
    cpuPowerW: dec(q[Q.cpu_power]),
    gpuPowerW: dec(q[Q.gpu_power]),
    ramPowerW: dec(q[Q.ram_power]),
    cpuEnergyKwh: dec(q[Q.cpu_energy]),
    gpuEnergyKwh: dec(q[Q.gpu_energy]),
    ramEnergyKwh: dec(q[Q.ram_energy]),
    energyKwh: dec(q[Q.energy_consumed]),
    waterLitres: dec(q[Q.water_consumed]),
    machine: {
      countryName: m[M.country_name],
      countryIsoCode: m[M.country_iso_code],
      region: m[M.region],
      cloudProvider: m[M.cloud_provider],
      cloudRegion: m[M.cloud_region],
      os: m[M.os],
      pythonVersion: m[M.python_version],
      codecarbonVersion: m[M.codecarbon_version],
      cpuCount: int(m[M.cpu_count]),
      cpuModel: m[M.cpu_model],
      gpuCount: int(m[M.gpu_count]),
      gpuModel: m[M.gpu_model],
      ramTotalSizeGb: dec(m[M.ram_total_size]),
      trackingMode: m[M.tracking_mode],
      onCloud: m[M.on_cloud] === null ? null : m[M.on_cloud] === "t",
      longitude: dec(m[M.longitude]),
      latitude: dec(m[M.latitude]),
      pue: dec(m[M.pue]),
      wue: dec(m[M.wue]),
    },
  };
}

/** Reads a whole CSV text; header problems throw CodecarbonHeaderError, row problems are listed in `errors`. */
export function parseCodecarbonCsv(text: string): CodecarbonParseResult {
  return readWhole(new CodecarbonCsvReader(), text);
}

/** Runs a source reader over a whole text and collects what it reports (tests, small files). */
export function readWhole(reader: SourceReader<MappedRow>, text: string): CodecarbonParseResult {
  const result: CodecarbonParseResult = { detectedVersion: "", header: [], measurements: [], errors: [], warnings: [], rowsTotal: 0 };
  const sink: RowSink<MappedRow> = {
    header(info) {
      if (info.detectedVersion) result.detectedVersion = info.detectedVersion;
      if (info.header) result.header = info.header;
      result.warnings.push(...info.warnings);
    },
    row(row) {
      result.rowsTotal++;
      result.measurements.push(toMeasurement(row));
    },
    failed(_row, errors) {
      result.rowsTotal++;
      result.errors.push(...errors);
    },
  };
  reader.push(text, sink);
  reader.end(sink);
  return result;
}

/** A run's totals are its last cumulative row (latest timestamp, then latest row). */
export function lastRowPerRun<T extends { runId: string | null; measuredAt: Date }>(measurements: T[]): Map<string, T> {
  const last = new Map<string, T>();
  for (const m of measurements) {
    if (!m.runId) continue;
    const seen = last.get(m.runId);
    if (!seen || m.measuredAt.getTime() >= seen.measuredAt.getTime()) last.set(m.runId, m);
  }
  return last;
}
