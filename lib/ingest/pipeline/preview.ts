// What the user sees before confirming an upload: source and version, counts, the first rows as Scopebook
// understood them, warnings and row errors. Collected while the upload streams in, in bounded memory.
import { parseDecimal } from "../decimal-text";
import type { RowSink, SourceHeader } from "../source";
import type { MappedRow } from "../sources/codecarbon-csv/map-row";
import { M, Q } from "../sources/codecarbon-csv/schema";
import type { RowError } from "../types";
import { HashSet64 } from "./hash-set64";

export const PREVIEW_ROWS = 10;
/** Row errors kept with the import (all of them are in the bad-rows CSV download). */
export const STORED_ROW_ERRORS = 1000;
const MAX_LISTED_PROJECTS = 20;
const MAX_COUNTED_PROJECTS = 10_000;

/**
 * A copy of a string that does not keep its source alive: cells are slices of a whole chunk of the file, and one
 * kept cell would keep its megabyte-sized chunk in memory.
 */
export function detach(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}

export interface PreviewRow {
  row: number;
  measuredAt: string;
  project: string;
  experiment: string | null;
  /** null: the file has no run id for this row (identity unknown). */
  run: string | null;
  energyKwh: string | null;
  cpuEnergyKwh: string | null;
  gpuEnergyKwh: string | null;
  ramEnergyKwh: string | null;
  trackerEmissionsKgCo2e: string | null;
  location: string;
}

export interface ImportPreview {
  detectedVersion: string;
  rowsTotal: number;
  rowsValid: number;
  rowsFailed: number;
  rowErrorsTotal: number;
  /** The first STORED_ROW_ERRORS errors. */
  rowErrors: RowError[];
  warnings: string[];
  firstRows: PreviewRow[];
  /** Distinct run ids. */
  runs: number;
  rowsUnknownIdentity: number;
  /** Rows that repeat an earlier row of the same file (same run id and timestamp, or same content). */
  duplicateRowsInFile: number;
  projects: string[];
  projectsTotal: number;
  measuredFrom: string | null;
  measuredTo: string | null;
}

const dec = (v: string | null) => (v === null ? null : parseDecimal(v));

function location(r: MappedRow): string {
  const m = r.machine;
  const place = [m[M.country_name] ?? m[M.country_iso_code], m[M.region]].filter(Boolean).join(", ");
  const cloud = m[M.on_cloud] === "t" || m[M.cloud_provider] ? [m[M.cloud_provider], m[M.cloud_region]].filter(Boolean).join(" ") : "";
  return [place, cloud && `cloud: ${cloud}`].filter(Boolean).join(" · ") || "—";
}

export function previewRow(r: MappedRow): PreviewRow {
  const q = r.quantities;
  return {
    row: r.rowNumber,
    measuredAt: r.measuredAt.replace("T", " ").replace(/\.000$/, ""),
    project: r.projectName,
    experiment: r.experimentId,
    run: r.runId,
    energyKwh: dec(q[Q.energy_consumed]),
    cpuEnergyKwh: dec(q[Q.cpu_energy]),
    gpuEnergyKwh: dec(q[Q.gpu_energy]),
    ramEnergyKwh: dec(q[Q.ram_energy]),
    trackerEmissionsKgCo2e: dec(q[Q.emissions]),
    location: location(r),
  };
}

export class PreviewCollector implements RowSink {
  readonly preview: ImportPreview = {
    detectedVersion: "",
    rowsTotal: 0,
    rowsValid: 0,
    rowsFailed: 0,
    rowErrorsTotal: 0,
    rowErrors: [],
    warnings: [],
    firstRows: [],
    runs: 0,
    rowsUnknownIdentity: 0,
    duplicateRowsInFile: 0,
    projects: [],
    projectsTotal: 0,
    measuredFrom: null,
    measuredTo: null,
  };
  private readonly runs = new HashSet64();
  private readonly projects = new Set<string>();
  private readonly seen = new HashSet64();
  private lastProject = "";

  header(info: SourceHeader): void {
    if (info.detectedVersion) this.preview.detectedVersion = info.detectedVersion;
    this.preview.warnings.push(...info.warnings);
  }

  row(r: MappedRow): void {
    const p = this.preview;
    p.rowsTotal++;
    p.rowsValid++;
    if (p.firstRows.length < PREVIEW_ROWS) p.firstRows.push(JSON.parse(JSON.stringify(previewRow(r))) as PreviewRow);
    if (!this.seen.addHex(r.rowHash)) p.duplicateRowsInFile++;
    if (r.runId === null) p.rowsUnknownIdentity++;
    else this.runs.addString(r.runId);
    if (r.projectName !== this.lastProject) {
      this.lastProject = r.projectName;
      if (this.projects.size < MAX_COUNTED_PROJECTS && !this.projects.has(r.projectName)) this.projects.add(detach(r.projectName));
    }
    if (p.measuredFrom === null || r.measuredAt < p.measuredFrom) p.measuredFrom = r.measuredAt;
    if (p.measuredTo === null || r.measuredAt > p.measuredTo) p.measuredTo = r.measuredAt;
  }

  failed(_rowNumber: number, errors: RowError[]): void {
    const p = this.preview;
    p.rowsTotal++;
    p.rowsFailed++;
    p.rowErrorsTotal += errors.length;
    for (const e of errors)
      if (p.rowErrors.length < STORED_ROW_ERRORS) p.rowErrors.push({ ...e, value: e.value === null ? null : detach(e.value.slice(0, 200)) });
  }

  /**
   * The preview once the file has ended. Warnings are about the file's format; what its rows say (rows without a
   * run id, rows repeated within the file) is in the counts, and the page explains it.
   */
  finish(): ImportPreview {
    const p = this.preview;
    p.runs = this.runs.size;
    p.projectsTotal = this.projects.size;
    p.projects = [...this.projects].slice(0, MAX_LISTED_PROJECTS);
    return p;
  }
}
