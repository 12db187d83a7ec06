// The first rows of a file as Scopebook understood them, one table whatever the record kind, and the preview's
// facts about its rows: built by the preview (lib/ingest), kept with the import, shown by the import page
// (lib/views/imports.ts).
import type { RecordKind } from "./kinds";

export interface PreviewColumn {
  key: string;
  label: string;
  /** Numbers are right-aligned and formatted for display (lib/format.ts) by the page. */
  numeric?: boolean;
}

/** The first rows of a file as Scopebook understood them: one table whatever the kind. */
export interface PreviewTable {
  columns: PreviewColumn[];
  rows: { row: number; cells: (string | null)[] }[];
}

/** The preview's facts about the file's rows, as kept with the import (lib/ingest/pipeline/preview.ts builds them). */
export interface PreviewFacts {
  recordKind: RecordKind | null;
  /** The first rows as understood, in the columns of their kind. */
  table: PreviewTable;
  /** Distinct run ids (CodeCarbon). */
  runs: number;
  rowsUnknownIdentity: number;
  /** Rows that repeat an earlier row of the same file. */
  duplicateRowsInFile: number;
  /** Groups of rows: CodeCarbon projects, cloud projects or accounts. */
  projects: string[];
  projectsTotal: number;
  measuredFrom: string | null;
  measuredTo: string | null;
  /** Rows per flag (e.g. totals_mismatch). */
  flags: Record<string, number>;
}
