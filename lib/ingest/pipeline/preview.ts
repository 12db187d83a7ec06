// What the user sees before confirming an upload: source and version, counts, the first rows as Scopebook
// understood them (a table whose columns the record kind describes: kinds/), warnings and row errors. Collected
// while the upload streams in, in bounded memory.
import { kindSpec } from "../kinds";
import type { PreviewFacts } from "../../records/preview-table";
import type { RecordKindSpec } from "../kinds/kind";
import type { IngestRecord, RecordKind, RowSink, SourceAdapter, SourceHeader } from "../source";
import type { RowError } from "../types";
import type { FileConflict } from "./conflicts";
import { HashSet64 } from "../../records/hash-set64";

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

export interface ImportPreview extends PreviewFacts {
  detectedVersion: string;
  rowsTotal: number;
  rowsValid: number;
  rowsFailed: number;
  rowErrorsTotal: number;
  /** The first STORED_ROW_ERRORS errors. */
  rowErrors: RowError[];
  warnings: string[];
  /** Keys stated twice with different values (pipeline/conflicts.ts): every row of them is a row error. */
  conflicts: FileConflict[];
}

export class PreviewCollector implements RowSink {
  readonly preview: ImportPreview = {
    recordKind: null,
    detectedVersion: "",
    rowsTotal: 0,
    rowsValid: 0,
    rowsFailed: 0,
    rowErrorsTotal: 0,
    rowErrors: [],
    warnings: [],
    table: { columns: [], rows: [] },
    runs: 0,
    rowsUnknownIdentity: 0,
    duplicateRowsInFile: 0,
    projects: [],
    projectsTotal: 0,
    measuredFrom: null,
    measuredTo: null,
    flags: {},
    conflicts: [],
  };
  private spec: RecordKindSpec<IngestRecord> | null = null;
  private readonly runs = new HashSet64();
  private readonly projects = new Set<string>();
  private readonly seen = new HashSet64();
  private lastProject = "";

  adapter(adapter: SourceAdapter): void {
    this.spec = kindSpec(adapter.recordKind);
    this.preview.recordKind = adapter.recordKind;
    this.preview.table.columns = [...this.spec.columns];
  }

  header(info: SourceHeader): void {
    if (info.detectedVersion) this.preview.detectedVersion = info.detectedVersion;
    this.preview.warnings.push(...info.warnings);
  }

  row(r: IngestRecord): void {
    const p = this.preview;
    const spec = this.spec!;
    p.rowsTotal++;
    p.rowsValid++;
    if (p.table.rows.length < PREVIEW_ROWS) p.table.rows.push({ row: spec.rowNumber(r), cells: spec.cells(r).map((c) => (c === null ? null : detach(c))) });
    if (!this.seen.addHex(spec.rowHash(r))) p.duplicateRowsInFile++;
    if (spec.run) {
      const run = spec.run(r);
      if (run === null) p.rowsUnknownIdentity++;
      else this.runs.addString(run);
    }
    const group = spec.group(r);
    if (group !== this.lastProject) {
      this.lastProject = group;
      if (this.projects.size < MAX_COUNTED_PROJECTS && !this.projects.has(group)) this.projects.add(detach(group));
    }
    const at = spec.at(r);
    if (p.measuredFrom === null || at < p.measuredFrom) p.measuredFrom = detach(at);
    if (p.measuredTo === null || at > p.measuredTo) p.measuredTo = detach(at);
    if (spec.flags) for (const f of spec.flags(r)) p.flags[f] = (p.flags[f] ?? 0) + 1;
  }

  retract(rowNumber: number): void {
    const p = this.preview;
    p.rowsTotal--;
    p.rowsValid--;
    p.table.rows = p.table.rows.filter((r) => r.row !== rowNumber);
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
