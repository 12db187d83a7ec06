// The contract between the ingestion pipeline and a source adapter (lib/ingest/sources/<source>/): the pipeline
// decodes bytes to text and feeds it chunk by chunk; the adapter's reader reports each data row as mapped or failed.
// An adapter declares the kind of record it yields (RecordKinds): the preview shows it by its kind's spec
// (kinds/), and the commit hands it to that kind's writer (lib/services/imports/commit/writers.ts).
import type { ProviderRecord } from "../records/provider-emission";
import type { ActivityImportRecord } from "./sources/activity-csv/map";
import type { InstrumentImportRecord } from "./sources/instruments-csv/map";
import type { MappedRow } from "./sources/codecarbon-csv/map-row";
import type { RowError } from "./types";

/** Matches the SourceType enum of the database (kept free of Prisma: lib/ingest is pure). */
export type SourceTypeName =
  | "CODECARBON_CSV"
  | "CODECARBON_JSON"
  | "CODECARBON_API"
  | "GCP_CARBON_EXPORT"
  | "AWS_CARBON_EXPORT"
  | "AZURE_EMISSIONS_EXPORT"
  | "CCF_ESTIMATES"
  | "ACTIVITY_CSV"
  | "INSTRUMENTS_CSV"
  | "FACTORS_CSV";

/** The record each kind of adapter yields, by kind name. A new kind adds its entry here. */
export interface RecordKinds {
  /** A CodeCarbon measurement (emissions.csv row, JSON output). */
  measurement: MappedRow;
  /** A cloud provider's carbon export row or a Cloud Carbon Footprint estimate. */
  "provider-emission": ProviderRecord;
  /** A row of Scopebook's activity template (fuel, electricity, travel…). */
  activity: ActivityImportRecord;
  /** A row of Scopebook's contractual instruments template. */
  instrument: InstrumentImportRecord;
}
export type RecordKind = keyof RecordKinds;
export type IngestRecord = RecordKinds[RecordKind];

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
