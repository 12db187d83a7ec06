// The background commit of a confirmed import: reads the stored file again, maps it with the same adapter, and
// writes every valid row in ONE transaction (all-or-nothing) through the bulk writer, with progress on the import
// row. Runs in the server process after the confirm request has returned; a session advisory lock on its own
// connection marks it alive, so an import left PROCESSING by a server that stopped is recognised (recover.ts).
import { createHash } from "node:crypto";
import pg from "pg";
import type { AuditActor } from "../../audit/record";
import { recordAuditPg } from "../../audit/record-pg";
import { lockOrganizationImports, MeasurementWriter } from "../../db/bulk/measurement-writer";
import { databaseUrl } from "../../env";
import { ByteFeed } from "../../ingest/pipeline/byte-feed";
import type { RowSink } from "../../ingest/source";
import type { MappedRow } from "../../ingest/sources/codecarbon-csv/map-row";
import { dropSpareBuffers, MeasurementBatch } from "../../db/bulk/batch";
import { ProgressReporter } from "./progress";
import { evidenceStream, type EvidenceBytes } from "./source";

/** Rows per batch: a handful of statements each; two batches in memory at most (one written, one being read). */
export const BATCH_ROWS = Number(process.env.SCOPEBOOK_IMPORT_BATCH_ROWS ?? 20_000);

/** Key of the advisory lock a running commit holds on its connection (with the import id). */
export const JOB_LOCK_SQL = "hashtextextended($1::text, 730)";

export interface CommitTarget {
  importId: string;
  organizationId: string;
  fileName: string;
  sha256: string;
  sourceType: string;
  sizeBytes: number;
  /** The preview found rows repeated within the file (then every row is checked against earlier ones). */
  fileRepeatsRows: boolean;
  evidence: EvidenceBytes;
  actor: AuditActor & { userId: string | null };
}

export interface CommitOutcome {
  rowsTotal: number;
  rowsFailed: number;
  rowsImported: number;
  rowsDuplicate: number;
}

class BatchSink implements RowSink {
  batch = new MeasurementBatch(BATCH_ROWS);
  readonly ready: MeasurementBatch[] = [];
  rowsTotal = 0;
  rowsFailed = 0;
  header(): void {}
  row(r: MappedRow): void {
    this.rowsTotal++;
    this.batch.add(r);
    if (this.batch.size >= BATCH_ROWS) this.cut();
  }
  failed(): void {
    this.rowsTotal++;
    this.rowsFailed++;
  }
  cut(): void {
    let bytes: number | undefined;
    if (this.batch.size) {
      this.batch.seal();
      this.ready.push(this.batch);
      bytes = Math.ceil((this.batch.bytes / this.batch.size) * BATCH_ROWS * 1.05);
    }
    this.batch = new MeasurementBatch(BATCH_ROWS, bytes);
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
    const writer = new MeasurementWriter(client, target.organizationId, target.importId, target.actor.userId, target.fileRepeatsRows);
    await writer.begin();
    progress.set({ phase: "WRITING" });

    const sink = new BatchSink();
    const feed = new ByteFeed(target.fileName, sink);
    let inflight: Promise<void> = Promise.resolve();
    let written = 0;
    let inserted = 0;
    const submit = async () => {
      while (sink.ready.length) {
        await inflight; // one batch at a time on the connection; the next one is read meanwhile
        const batch = sink.ready.shift()!;
        inflight = writer.write(batch).then((r) => {
          batch.release();
          written += r.rows;
          inserted += r.inserted;
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

    progress.set({ phase: "FINALIZING", rowsProcessed: written });
    await progress.stop();
    const outcome: CommitOutcome = {
      rowsTotal: sink.rowsTotal,
      rowsFailed: sink.rowsFailed,
      rowsImported: inserted,
      rowsDuplicate: written - inserted,
    };
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
      after: { fileName: target.fileName, sha256: target.sha256, sourceType: target.sourceType, ...outcome },
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
