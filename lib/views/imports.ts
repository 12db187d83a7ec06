// An import as pages and API clients see it: plain JSON-safe values, the preview, and the progress of a running
// commit (percentage of the file read, rows written per second). Built by lib/services/imports/import-view.ts.
import type { PreviewFacts } from "../records/preview-table";
import type { RowError } from "../records/row-error";

export interface ImportProgressView {
  phase: "QUEUED" | "WRITING" | "FINALIZING" | null;
  percent: number;
  bytesProcessed: number;
  rowsProcessed: number;
  rowsPerSecond: number | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ImportView extends PreviewFacts {
  id: string;
  fileName: string;
  sourceType: string;
  sourceLabel: string;
  detectedVersion: string | null;
  status: "PREVIEW" | "PROCESSING" | "COMMITTED" | "CANCELLED" | "FAILED";
  sizeBytes: number;
  /** "12,345 bytes", or "live API" for a tracker's import (its rows arrive one request at a time: no file). */
  sizeLabel: string;
  sha256: string;
  rowsTotal: number;
  rowsValid: number;
  rowsImported: number;
  rowsDuplicate: number;
  rowsFailed: number;
  /** Rows of earlier imports this import restated (cloud exports). */
  rowsRestated: number;
  rowErrorsTotal: number;
  rowErrors: RowError[];
  warnings: { code: string; message: string }[];
  progress: ImportProgressView;
  failureReason: string | null;
  createdAt: string;
  committedAt: string | null;
}
