// CodeCarbon emissions.csv → normalized measurements. Pure: text in, rows and row errors out.
// Columns are mapped by name (formats.md §1). Rows are cumulative within a run: a run's totals are its last row.
// Thin first version for the foundation slice; the ingestion issue deepens it (streaming, preview, JSON twins).
import { createHash } from "node:crypto";
import Papa from "papaparse";
import { parseDecimal } from "../../decimal-text";
import type { RowError } from "../../types";

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

export class CodecarbonHeaderError extends Error {
  override name = "CodecarbonHeaderError";
}

const KNOWN_COLUMNS = new Set(
  (
    "timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power," +
    "cpu_energy,gpu_energy,ram_energy,energy_consumed,water_consumed,country_name,country,country_iso_code,region," +
    "cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model," +
    "longitude,latitude,ram_total_size,tracking_mode,cpu_utilization_percent,gpu_utilization_percent," +
    "ram_utilization_percent,ram_used_gb,on_cloud,pue,wue,task_name"
  ).split(","),
);

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/** CodeCarbon writes local time without a zone; it is kept as written (naive), stored as if UTC. */
export function parseTrackerTimestamp(text: string): Date | null {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return null;
  const d = new Date(m[8] ? text.trim().replace(" ", "T") : `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ""}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

function detectVersion(header: Set<string>): string {
  if (header.has("water_consumed") || header.has("wue")) return "3.x";
  if (header.has("cpu_energy") && header.has("run_id")) return header.has("experiment_id") ? "2.7+" : "2.x";
  return "1.x";
}

/**
 * The delimiter is read off the header line alone. Papa's default guesses it from the data rows, and picks ";"
 * when values contain one and rows are short (CodeCarbon's append bug): the whole file then looks headerless.
 */
function headerDelimiter(text: string): string {
  const headerLine = /^\s*([^\r\n]*)/.exec(text)?.[1] ?? "";
  const best = [",", ";", "\t"].map((d) => ({ d, n: headerLine.split(d).length - 1 })).reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.d : ",";
}

export function parseCodecarbonCsv(text: string): CodecarbonParseResult {
  const body = text.replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: "greedy", delimiter: headerDelimiter(body) });
  const [rawHeader, ...rows] = parsed.data;
  if (!rawHeader || rawHeader.every((c) => !c.trim())) throw new CodecarbonHeaderError("The file is empty.");
  const header = rawHeader.map((h) => h.trim());
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (name && !index.has(name)) index.set(name, i);
  });
  const missing = ["timestamp", "duration"].filter((c) => !index.has(c));
  if (!index.has("emissions") && !index.has("energy_consumed")) missing.push("emissions or energy_consumed");
  if (missing.length)
    throw new CodecarbonHeaderError(
      `This does not look like a CodeCarbon emissions file: required column(s) missing: ${missing.join(", ")}.`,
    );
  const warnings: string[] = [];
  const unknown = header.filter((h, i) => h && !KNOWN_COLUMNS.has(h) && !(i === 0 && h === ""));
  if (unknown.length) warnings.push(`Unknown column(s) ignored: ${unknown.join(", ")}.`);
  const leadingIndex = header[0] === "";
  const lastNamed = header.reduce((acc, h, i) => (h ? i : acc), -1);
  const expectedFields = lastNamed + 1;

  const measurements: CodecarbonMeasurement[] = [];
  const errors: RowError[] = [];
  rows.forEach((fields, i) => {
    const rowNumber = i + 1;
    if (fields.length < expectedFields) {
      errors.push({
        row: rowNumber,
        column: null,
        value: null,
        reason: `Row has ${fields.length} fields but the header has ${expectedFields}: values are shifted (CodeCarbon's append bug); the row cannot be read safely.`,
      });
      return;
    }
    const get = (name: string): string | null => {
      const at = index.get(name);
      if (at === undefined) return null;
      const v = fields[at]?.trim();
      return v === undefined || v === "" ? null : v;
    };
    const rowErrors: RowError[] = [];
    const num = (name: string, opts: { nonNegative?: boolean } = {}): string | null => {
      const raw = get(name);
      if (raw === null) return null;
      const value = parseDecimal(raw);
      if (value === null) {
        rowErrors.push({ row: rowNumber, column: name, value: raw, reason: "not a number (or too large to store: at most 35 digits before the point)" });
        return null;
      }
      if (opts.nonNegative && value.startsWith("-")) {
        rowErrors.push({ row: rowNumber, column: name, value: raw, reason: "must not be negative" });
        return null;
      }
      return value;
    };
    const int = (name: string): number | null => {
      const v = num(name);
      if (v === null) return null;
      const n = Math.round(Number(v));
      // Counts are Postgres integer columns: a larger value would fail the whole import at insert time.
      if (Math.abs(n) > 2_147_483_647) {
        rowErrors.push({ row: rowNumber, column: name, value: get(name), reason: "too large for a count" });
        return null;
      }
      return n;
    };
    const tsRaw = get("timestamp");
    const measuredAt = tsRaw ? parseTrackerTimestamp(tsRaw) : null;
    if (!measuredAt)
      rowErrors.push({ row: rowNumber, column: "timestamp", value: tsRaw, reason: "not an ISO 8601 date and time" });
    const energyKwh = num("energy_consumed", { nonNegative: true });
    const emissions = num("emissions", { nonNegative: true });
    if (energyKwh === null && emissions === null && !rowErrors.length)
      rowErrors.push({
        row: rowNumber,
        column: "energy_consumed",
        value: null,
        reason: "neither energy_consumed nor emissions has a value",
      });
    const m: CodecarbonMeasurement = {
      rowNumber,
      rowHash: "",
      projectName: get("project_name") ?? "default",
      experimentId: get("experiment_id"),
      runId: ((r) => (r === null || r === "None" ? null : r))(get("run_id")),
      measuredAt: measuredAt ?? new Date(0),
      durationSeconds: num("duration", { nonNegative: true }),
      trackerEmissionsKgCo2e: emissions,
      emissionsRateKgPerS: num("emissions_rate", { nonNegative: true }),
      cpuPowerW: num("cpu_power", { nonNegative: true }),
      gpuPowerW: num("gpu_power", { nonNegative: true }),
      ramPowerW: num("ram_power", { nonNegative: true }),
      cpuEnergyKwh: num("cpu_energy", { nonNegative: true }),
      gpuEnergyKwh: num("gpu_energy", { nonNegative: true }),
      ramEnergyKwh: num("ram_energy", { nonNegative: true }),
      energyKwh,
      waterLitres: num("water_consumed", { nonNegative: true }),
      machine: {
        countryName: get("country_name") ?? get("country"),
        countryIsoCode: get("country_iso_code"),
        region: get("region"),
        cloudProvider: get("cloud_provider"),
        cloudRegion: get("cloud_region"),
        os: get("os"),
        pythonVersion: get("python_version"),
        codecarbonVersion: get("codecarbon_version"),
        cpuCount: int("cpu_count"),
        cpuModel: get("cpu_model"),
        gpuCount: int("gpu_count"),
        gpuModel: get("gpu_model"),
        ramTotalSizeGb: num("ram_total_size"),
        trackingMode: get("tracking_mode"),
        onCloud: ((v) => (v === "Y" ? true : v === "N" ? false : null))(get("on_cloud")),
        longitude: num("longitude"),
        latitude: num("latitude"),
        pue: num("pue", { nonNegative: true }),
        wue: num("wue", { nonNegative: true }),
      },
    };
    if (rowErrors.length) {
      errors.push(...rowErrors);
      return;
    }
    // Identity for dedupe across files: run id + timestamp, or the row's own content when the run is unknown.
    const identity = m.runId
      ? `run\u0000${m.runId}\u0000${m.measuredAt.toISOString()}`
      : `row\u0000${fields.slice(leadingIndex ? 1 : 0, expectedFields).join("\u0000")}`;
    m.rowHash = createHash("sha256").update(identity).digest("hex");
    measurements.push(m);
  });
  return {
    detectedVersion: detectVersion(new Set(index.keys())),
    header,
    measurements,
    errors,
    warnings,
    rowsTotal: rows.length,
  };
}

/** A run's totals are its last cumulative row (latest timestamp, then latest row). */
export function lastRowPerRun(measurements: CodecarbonMeasurement[]): Map<string, CodecarbonMeasurement> {
  const last = new Map<string, CodecarbonMeasurement>();
  for (const m of measurements) {
    if (!m.runId) continue;
    const seen = last.get(m.runId);
    if (!seen || m.measuredAt.getTime() >= seen.measuredAt.getTime()) last.set(m.runId, m);
  }
  return last;
}
