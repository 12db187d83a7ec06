// Writes confirmed import rows in batches inside ONE transaction (the caller's): projects and experiments, runs
// (upserted to their latest row), then the new measurements by COPY straight into `measurements`, each with its
// import id and row number (lineage). No per-row query: a batch is a handful of statements.
//
// Duplicates (a row already imported from another file: same run id + timestamp, or same content when the run id
// is empty; or a row repeated within this file) are skipped and counted. Rows of a run this import created cannot
// exist yet, so only the rest is looked up: rows of runs that existed before, rows without a run id, and rows whose
// hash was seen earlier in the file (tracked only when the preview found repeated rows: its check has no false
// negatives). Imports of one organization are serialised (lockOrganizationImports) so no
// other transaction inserts the same rows meanwhile.
import { hash } from "node:crypto";
import type pg from "pg";
import { HashSet64 } from "../../records/hash-set64";
import { QUANTITY_COLUMNS } from "../../records/measurement";
import type { MeasurementBatch } from "./batch";
import { copyBytes, uuidFromHex } from "./copy";
import { HierarchyCache } from "./hierarchy";
import { createRunStage, insertUnknownRuns, upsertKnownRuns, type StagedRun } from "./runs";

const MEASUREMENT_COLUMNS = [
  "organization_id",
  "run_id",
  "import_id",
  "row_number",
  "row_hash",
  "kind",
  "measured_at",
  ...QUANTITY_COLUMNS.map((c) => c.dbColumn),
];

export interface BatchResult {
  rows: number;
  inserted: number;
}

/** One import at a time per organization, until the transaction ends. */
export async function lockOrganizationImports(client: pg.ClientBase, organizationId: string): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1::text, 729))", [organizationId]);
}

export class MeasurementWriter {
  private readonly hierarchy: HierarchyCache;
  /**
   * Run ids (from the file) whose run this import created: their rows need no duplicate lookup. (A 64-bit key
   * collision would skip a lookup; the unique index then fails the import rather than double a row.)
   */
  private readonly createdRuns = new HashSet64();
  /** Row hashes seen so far in the file; null when the preview found no row repeated within the file. */
  private readonly seenRows: HashSet64 | null;

  constructor(
    private readonly client: pg.ClientBase,
    private readonly organizationId: string,
    private readonly importId: string,
    ownerId: string | null,
    fileRepeatsRows: boolean,
  ) {
    this.hierarchy = new HierarchyCache(client, organizationId, ownerId);
    this.seenRows = fileRepeatsRows ? new HashSet64() : null;
  }

  async begin(): Promise<void> {
    await createRunStage(this.client);
  }

  async write(batch: MeasurementBatch): Promise<BatchResult> {
    const n = batch.size;
    if (!n) return { rows: 0, inserted: 0 };
    await this.hierarchy.ensure([...batch.runs, ...batch.unknown]);
    const runIds = await upsertKnownRuns(this.client, this.organizationId, this.importId, batch.runs.map((r) => this.staged(r.key, r, r.tail!)));
    for (const [runId, r] of runIds) if (r.created) this.createdRuns.addString(runId);

    // A row without a run id becomes a run of its own (if it is new), with an id derived from the row.
    const unknownIds = new Map<number, string>();
    for (const u of batch.unknown) unknownIds.set(u.index, uuidFromHex(hash("sha256", `${this.organizationId}\u0000${batch.hashes[u.index]}`, "hex")));
    const runIdOf = (i: number) => {
      const runKey = batch.runKeys[i];
      return runKey === null ? unknownIds.get(i)! : runIds.get(runKey)!.id;
    };

    const suspects: number[] = [];
    const suspect = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const runKey = batch.runKeys[i];
      if ((this.seenRows && !this.seenRows.addHex(batch.hashes[i])) || runKey === null || !this.createdRuns.hasString(runKey)) {
        suspect[i] = 1;
        suspects.push(i);
      }
    }
    const existing = await this.existingHashes(suspects.map((i) => [runIdOf(i), batch.measuredAt(i), batch.hashes[i]] as const));

    const keep = new Uint8Array(n);
    const taken = suspects.length ? new Set<string>() : null;
    let inserted = 0;
    for (let i = 0; i < n; i++) {
      const h = batch.hashes[i];
      if (suspect[i] && (existing.has(h) || taken!.has(h))) continue;
      taken?.add(h);
      keep[i] = 1;
      inserted++;
    }
    const unknownRuns: StagedRun[] = [];
    for (const u of batch.unknown) if (keep[u.index]) unknownRuns.push(this.staged(unknownIds.get(u.index)!, u, u.tail));
    await insertUnknownRuns(this.client, this.organizationId, this.importId, unknownRuns);

    if (inserted) {
      const head = `${this.organizationId}\t`;
      const mid = `\t${this.importId}\t`;
      await copyBytes(
        this.client,
        "measurements",
        MEASUREMENT_COLUMNS,
        (function* () {
          let lastKey: string | null = null;
          let prefix = "";
          for (let i = 0; i < n; i++) {
            if (!keep[i]) continue;
            const runKey = batch.runKeys[i];
            if (runKey === null || runKey !== lastKey) prefix = head + runIdOf(i) + mid;
            lastKey = runKey;
            yield [prefix, batch.tail(i)] as const;
          }
        })(),
      );
    }
    return { rows: n, inserted };
  }

  private staged(key: string, run: { projectName: string; experimentId: string | null; startedAt: string }, tail: Buffer): StagedRun {
    const projectId = this.hierarchy.projectId(run.projectName);
    return { key, projectId, experimentId: this.hierarchy.experimentId(projectId, run.experimentId), startedAt: run.startedAt, tail };
  }

  /** Which of these (run, time, hash) rows are already stored: looked up by the identity index (migration 0004). */
  private async existingHashes(rows: (readonly [string, string, string])[]): Promise<Set<string>> {
    if (!rows.length) return new Set();
    const result = await this.client.query<{ row_hash: string }>(
      `SELECT m.row_hash FROM unnest($2::uuid[], $3::timestamp[], $4::text[]) AS s(run_id, measured_at, row_hash)
         JOIN measurements m ON m.organization_id = $1 AND m.run_id = s.run_id AND m.measured_at = s.measured_at AND m.row_hash = s.row_hash`,
      [this.organizationId, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
    );
    return new Set(result.rows.map((r) => r.row_hash));
  }
}
