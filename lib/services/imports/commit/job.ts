// The background commit of a confirmed import: reads the stored file again, maps it with the same adapter, and
// writes every valid row in ONE transaction (all-or-nothing) through the bulk writer, with progress on the import
// row. Runs in the server process after the confirm request has returned; a session advisory lock on its own
// connection marks it alive, so an import left PROCESSING by a server that stopped is recognised (recover.ts).
import { createHash } from "node:crypto";
import pg from "pg";
import type { AuditActor } from "../../../audit/record";
import { recordAuditPg } from "../../../audit/record-pg";
import { lockOrganizationImports } from "../../../db/bulk/measurement-writer";
import { databaseUrl } from "../../../env";
import { ByteFeed } from "../../../ingest/pipeline/byte-feed";
import { dropSpareBuffers } from "../../../db/bulk/batch";
import { ConflictGuard, type FileConflict } from "../../../ingest/pipeline/conflicts";
import type { IngestRecord, RowSink, SourceAdapter, SourceTypeName } from "../../../ingest/source";
import { STORED_ROW_ERRORS } from "../../../ingest/pipeline/preview";
import type { RowError } from "../../../ingest/types";
import { overlapClock } from "./overlap-clock";
import { ProgressReporter } from "./progress";
import { evidenceStream, type EvidenceBytes } from "./source";
import { BATCH_ROWS, writerFor, type RecordBatch, type RecordWriter, type WriterTarget } from "./writers";

export { BATCH_ROWS } from "./writers";

/** Key of the advisory lock a running commit holds on its connection (with the import id). */
export const JOB_LOCK_SQL = "hashtextextended($1::text, 730)";

export interface CommitTarget {
  importId: string;
  organizationId: string;
  fileName: string;
  sha256: string;
  sourceType: SourceTypeName;
  sizeBytes: number;
  /** The preview found rows repeated within the file (then every row is checked against earlier ones). */
  fileRepeatsRows: boolean;
  /** Keys the preview found stated twice with different values: their rows fail again (pipeline/conflicts.ts). */
  conflicts: FileConflict[];
  evidence: EvidenceBytes;
  actor: AuditActor & { userId: string | null };
}

export interface CommitOutcome {
  rowsTotal: number;
  rowsFailed: number;
  rowsImported: number;
  rowsDuplicate: number;
}

/** Cuts the records into batches for the writer of the adapter's record kind (chosen once the file is sniffed). */
class BatchSink implements RowSink {
  writer: RecordWriter<IngestRecord> | null = null;
  private batch: RecordBatch<IngestRecord> | null = null;
  readonly ready: RecordBatch<IngestRecord>[] = [];
  rowsTotal = 0;
  rowsFailed = 0;
  constructor(private readonly target: WriterTarget) {}
  adapter(adapter: SourceAdapter): void {
    this.writer = writerFor(adapter.recordKind, this.target);
    this.batch = this.writer.newBatch();
  }
  header(): void {}
  row(r: IngestRecord): void {
    this.rowsTotal++;
    this.batch!.add(r);
    if (this.batch!.size >= BATCH_ROWS) this.cut();
  }
  failed(): void {
    this.rowsTotal++;
    this.rowsFailed++;
  }
  cut(): void {
    if (!this.batch || !this.writer || !this.batch.size) return;
    const full = this.batch;
    full.seal();
    this.ready.push(full);
    this.batch = this.writer.newBatch(full); // sized from the batch just cut
  }
}

/** A connection holding the job's lock: taken before the import is marked PROCESSING. */
export async function lockJob(importId: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl(), application_name: `scopebook-import-${importId.slice(0, 8)}` });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${JOB_LOCK_SQL})`, [importId]);
    await client.query("SET TIME ZONE 'UTC'");
  } catch (err) {
    await client.end().catch(() => {});
    throw err;
  }
  return client;
}

/** Writes the import; resolves with its counts once committed, rejects (after ROLLBACK) when anything failed. */
export async function runCommit(client: pg.Client, target: CommitTarget): Promise<CommitOutcome> {
  const progress = new ProgressReporter(target.importId, target.organizationId);
  progress.start();
  let begun = false;
  try {
    await client.query("BEGIN");
    begun = true;
    await lockOrganizationImports(client, target.organizationId);
    progress.set({ phase: "WRITING" });

    const sink = new BatchSink({
      client,
      organizationId: target.organizationId,
      importId: target.importId,
      userId: target.actor.userId,
      fileRepeatsRows: target.fileRepeatsRows,
    });
    // Read as the source it was previewed as: the stored bytes are the same, so is the adapter.
    const feed = new ByteFeed(target.fileName, new ConflictGuard(sink, target.conflicts), target.sourceType);
    let writerBegun = false;
    let inflight: Promise<void> = Promise.resolve();
    let written = 0;
    let inserted = 0;
    let refused = 0;
    const refusedErrors: RowError[] = [];
    const clock = overlapClock("import commit");
    const submit = async () => {
      while (sink.ready.length) {
        const waitFrom = performance.now();
        await inflight; // one batch at a time on the connection; the next one is read meanwhile
        clock.waited(performance.now() - waitFrom);
        const batch = sink.ready.shift()!;
        const writer = sink.writer!;
        if (!writerBegun) {
          writerBegun = true;
          await writer.begin();
        }
        const since = clock.started();
        inflight = writer.write(batch).then((r) => {
          clock.written(since);
          batch.release?.();
          written += r.rows;
          inserted += r.inserted;
          refused += r.failed ?? 0;
          for (const e of r.errors ?? []) if (refusedErrors.length < STORED_ROW_ERRORS) refusedErrors.push(e);
          progress.set({ rowsProcessed: written });
        });
        inflight.catch(() => {}); // awaited (and thrown) above or below; not unhandled meanwhile
      }
    };
    const sha = createHash("sha256");
    for await (const chunk of evidenceStream(target.evidence)) {
      sha.update(chunk);
      feed.push(chunk);
      progress.set({ bytesProcessed: feed.bytes });
      await submit();
    }
    feed.end();
    // What is written is what was previewed and is kept as evidence: the same bytes.
    if (sha.digest("hex") !== target.sha256) throw new Error("the stored file no longer matches its sha256 (it changed after the upload)");
    sink.cut();
    await submit();
    await inflight;
    clock.done();

    progress.set({ phase: "FINALIZING", rowsProcessed: written });
    await progress.stop();
    // After the progress connection is done with the import row: finish() may update it in this transaction.
    const kindFacts = writerBegun ? await sink.writer!.finish() : {};
    const outcome: CommitOutcome = {
      rowsTotal: sink.rowsTotal,
      rowsFailed: sink.rowsFailed + refused,
      rowsImported: inserted,
      rowsDuplicate: written - inserted - refused,
    };
    // Rows the writer refused (conflicts with earlier imports) join the preview's row errors.
    if (refused)
      await client.query(
        `UPDATE imports SET row_errors = (row_errors || $3::jsonb), row_errors_total = row_errors_total + $4 WHERE id = $1 AND organization_id = $2`,
        [target.importId, target.organizationId, JSON.stringify(refusedErrors), refused],
      );
    await client.query(
      `UPDATE imports SET status = 'COMMITTED', phase = NULL, committed_at = clock_timestamp(), finished_at = clock_timestamp(),
              rows_total = $3, rows_failed = $4, rows_imported = $5, rows_duplicate = $6,
              rows_processed = $3, bytes_processed = size_bytes
        WHERE id = $1 AND organization_id = $2`,
      [target.importId, target.organizationId, outcome.rowsTotal, outcome.rowsFailed, outcome.rowsImported, outcome.rowsDuplicate],
    );
    await recordAuditPg(client, target.actor, {
      action: "import.committed",
      entityType: "Import",
      entityId: target.importId,
      after: { fileName: target.fileName, sha256: target.sha256, sourceType: target.sourceType, ...outcome, ...kindFacts },
    });
    await client.query("COMMIT");
    return outcome;
  } catch (err) {
    await progress.stop();
    if (begun) await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    dropSpareBuffers();
  }
}
