// One writer per record kind (lib/ingest/source.ts RecordKinds): the background commit reads the file with its
// adapter, cuts the records into batches, and hands each batch to the writer of the adapter's kind, all inside the
// import's one transaction. A writer keeps its own fast path (CodeCarbon measurements: COPY, lib/db/bulk/).
import type pg from "pg";
import { ACTIVITY_INSERT } from "../../../db/bulk/activity-writer";
import { MeasurementBatch } from "../../../db/bulk/batch";
import { INSTRUMENT_INSERT } from "../../../db/bulk/instrument-writer";
import { MeasurementWriter } from "../../../db/bulk/measurement-writer";
import { ListBatch } from "../../../db/bulk/sites";
import { TemplateWriter, type TemplateInsert } from "../../../db/bulk/template-writer";
import { ProviderBatch, ProviderEmissionWriter } from "../../../db/bulk/provider-emission-writer";
import type { RecordKind, RecordKinds } from "../../../ingest/source";
import type { RowError } from "../../../ingest/types";

/** Rows per batch: a handful of statements each; two batches in memory at most (one written, one being read). */
export const BATCH_ROWS = Number(process.env.SCOPEBOOK_IMPORT_BATCH_ROWS ?? 20_000);

export interface RecordBatch<R> {
  readonly size: number;
  add(record: R): void;
  /** No more rows: the batch is about to be written. */
  seal(): void;
  /** Written: gives its pooled buffers back (lib/db/bulk/batch.ts). */
  release?(): void;
}

export interface BatchResult {
  rows: number;
  /** Rows written; the rest were duplicates (or refused, below). */
  inserted: number;
  /** Rows the writer refused (e.g. a conflict with another import's row), with their errors. */
  failed?: number;
  errors?: RowError[];
}

export interface RecordWriter<R> {
  /** Once, in the transaction, before the first batch. */
  begin(): Promise<void>;
  /** `previous`: the batch just cut, for sizing the next one like it. */
  newBatch(previous?: RecordBatch<R>): RecordBatch<R>;
  write(batch: RecordBatch<R>): Promise<BatchResult>;
  /**
   * Once, after the last batch, in the same transaction: writes what the kind adds to the import (e.g. rows
   * restated) and returns it for the import's audit event.
   */
  finish(): Promise<Record<string, number>>;
}

export interface WriterTarget {
  client: pg.ClientBase;
  organizationId: string;
  importId: string;
  /** The user who confirmed (owner of projects the import creates). */
  userId: string | null;
  /** The preview found rows repeated within the file. */
  fileRepeatsRows: boolean;
}

/** Bytes the next batch will need, from the batch just cut (no growing on the way); undefined for the first. */
function nextBatchBytes(previous: { size: number; bytes: number } | undefined): number | undefined {
  return previous?.size ? Math.ceil((previous.bytes / previous.size) * BATCH_ROWS * 1.05) : undefined;
}

/** Activity data and instruments (Scopebook's templates): the import's facts are the sites it created. */
function templateWriter<R>(t: WriterTarget, insert: TemplateInsert<R>): RecordWriter<R> {
  const writer = new TemplateWriter(t.client, t.organizationId, t.importId, t.userId, insert);
  return {
    begin: async () => {},
    newBatch: () => new ListBatch<R>(),
    write: (batch) => writer.write(batch as ListBatch<R>),
    finish: async () => ({ sitesCreated: writer.sitesCreated.length }),
  };
}

type WriterFactories = { [K in RecordKind]: (target: WriterTarget) => RecordWriter<RecordKinds[K]> };

const WRITERS: WriterFactories = {
  measurement: (t) => {
    const writer = new MeasurementWriter(t.client, t.organizationId, t.importId, t.userId, t.fileRepeatsRows);
    return {
      begin: () => writer.begin(),
      newBatch: (previous) => new MeasurementBatch(BATCH_ROWS, nextBatchBytes(previous as MeasurementBatch | undefined)),
      write: (batch) => writer.write(batch as MeasurementBatch),
      finish: async () => ({}),
    };
  },
  "provider-emission": (t) => {
    const writer = new ProviderEmissionWriter(t.client, t.organizationId, t.importId);
    return {
      begin: () => writer.begin(),
      newBatch: (previous) => new ProviderBatch(nextBatchBytes(previous as ProviderBatch | undefined), writer.importKeys),
      write: (batch) => writer.write(batch as ProviderBatch),
      finish: () => writer.finish(),
    };
  },
  activity: (t) => templateWriter(t, ACTIVITY_INSERT),
  instrument: (t) => templateWriter(t, INSTRUMENT_INSERT),
};

export function writerFor(kind: RecordKind, target: WriterTarget): RecordWriter<RecordKinds[RecordKind]> {
  return WRITERS[kind](target) as RecordWriter<RecordKinds[RecordKind]>;
}
