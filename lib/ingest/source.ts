// The contract between the ingestion pipeline and a source adapter (lib/ingest/sources/<source>/): the pipeline
// decodes bytes to text and feeds it chunk by chunk; the adapter's reader reports each data row as mapped or failed.
// An adapter declares the kind of record it yields (RecordKinds): the preview shows it by its kind's spec
// (kinds/), and the commit hands it to that kind's writer (lib/services/imports/commit/writers.ts).
import type { IngestRecord, RecordKind, RecordKinds } from "../records/kinds";
import type { SourceTypeName } from "../records/source-types";
import type { RowError } from "./types";

export type { SourceTypeName } from "../records/source-types";

export type { IngestRecord, RecordKind, RecordKinds } from "../records/kinds";

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
export interface RowSink<R = IngestRecord> {
  /** Called once the adapter is chosen, before anything else (the sink learns the record kind). */
  adapter?(adapter: SourceAdapter): void;
  header(info: SourceHeader): void;
  row(row: R): void;
  /**
   * A row given earlier turns out to be wrong (a conflict found later in the file); failed() follows for it.
   * Only during the preview pass, whose rows are not written.
   */
  retract?(rowNumber: number): void;
  /** `raw`: the row as the file has it (CSV fields, or the JSON line), for the bad-rows download. */
  failed(rowNumber: number, errors: RowError[], raw?: readonly string[]): void;
}

export interface SourceReader<R = IngestRecord> {
  /** Text of the file, in order, in chunks of any size. */
  push(text: string, sink: RowSink<R>): void;
  /** The text has ended. Throws IngestFileError when the file as a whole cannot be read. */
  end(sink: RowSink<R>): void;
}

export interface SourceAdapter<K extends RecordKind = RecordKind> {
  id: string;
  sourceType: SourceTypeName;
  /** The kind of record its reader yields. */
  recordKind: K;
  /** Shown in the preview, e.g. "CodeCarbon emissions.csv". */
  label: string;
  /** File name endings this adapter reads (lower case, with the dot). */
  extensions: readonly string[];
  /**
   * Whether the adapter reads a file with this name whose text starts with `head` (BOM removed; up to SNIFF_CHARS,
   * the whole first line when shorter). Adapters that recognise content come first in the registry; the rest
   * claim by file name.
   */
  claims(fileName: string, head: string): boolean;
  createReader(): SourceReader<RecordKinds[K]>;
}
