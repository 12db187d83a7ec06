// The contract between the ingestion pipeline and a source adapter (lib/ingest/sources/<source>/): the pipeline
// decodes bytes to text and feeds it chunk by chunk; the adapter's reader reports each data row as mapped or failed.
import type { MappedRow } from "./sources/codecarbon-csv/map-row";
import type { RowError } from "./types";

/** Matches the SourceType enum of the database (kept free of Prisma: lib/ingest is pure). */
export type SourceTypeName = "CODECARBON_CSV" | "CODECARBON_JSON";

export interface SourceHeader {
  detectedVersion: string;
  /** Warnings about the file as a whole (unknown columns, separator, …). */
  warnings: string[];
  /** The column names as read (CSV). */
  header?: string[];
}

/**
 * Receives every data row exactly once: mapped, or failed with one or more errors (all of that row).
 * header() comes before the first row; it may come again at the end with more warnings (an empty version then).
 */
export interface RowSink {
  header(info: SourceHeader): void;
  row(row: MappedRow): void;
  /** `raw`: the row as the file has it (CSV fields, or the JSON line), for the bad-rows download. */
  failed(rowNumber: number, errors: RowError[], raw?: readonly string[]): void;
}

export interface SourceReader {
  /** Text of the file, in order, in chunks of any size. */
  push(text: string, sink: RowSink): void;
  /** The text has ended. Throws IngestFileError when the file as a whole cannot be read. */
  end(sink: RowSink): void;
}

export interface SourceAdapter {
  id: string;
  sourceType: SourceTypeName;
  /** Shown in the preview, e.g. "CodeCarbon emissions.csv". */
  label: string;
  /** File name endings this adapter reads (lower case, with the dot). */
  extensions: readonly string[];
  /** Whether the adapter reads a file with this name whose text starts with `head` (BOM removed). */
  claims(fileName: string, head: string): boolean;
  createReader(): SourceReader;
}
