// Writes cloud provider rows (lib/records/provider-emission.ts) of a confirmed import inside its one transaction,
// a batch at a time, set-wise (decision 0010):
// 1. COPY the batch into a temporary stage table;
// 2. rows whose key and version already exist with other values (from another import) are conflicts: refused as
//    row errors, not guessed between (conflicts within one file never get here: pipeline/conflicts.ts);
// 3. INSERT … ON CONFLICT (organization_id, key_hash, row_hash) DO NOTHING: a row already imported is a duplicate
//    (a row hash covers its key, so this is "a row hash once per organization": decision 0018); each new row is
//    attributed to a project by the current mappings (lib/db/cloud-attribution.ts);
// 4. supersession: per key of the batch, every row with an older version rank and no successor yet points to the
//    newest row (superseded_by_id). Ranks strictly increase along superseded_by_id, so no cycle can form (a
//    trigger of migration 0005 enforces it).
// When the organization had no provider rows and has no mappings, a batch whose keys are all new to the import is
// copied straight into the table instead (none of 2–4 can apply; decision 0022).
import type pg from "pg";
import type { ProviderRecord } from "../../records/provider-emission";
import type { RowError } from "../../records/row-error";
import { attributedProjectSql } from "../cloud-attribution";
import { HashSet64 } from "../../records/hash-set64";
import { ByteList } from "./batch";
import { copyBytes, copyText } from "./copy";

const STAGE = "scopebook_provider_stage";

/** The stage's columns, in COPY order (the record's fields, by their database names). */
const COLUMNS = [
  "row_number",
  "row_hash",
  "key_hash",
  "version_rank",
  "provider",
  "nature",
  "billing_account_id",
  "account_id",
  "cloud_project_id",
  "service",
  "location",
  "region",
  "period_start",
  "period_end",
  "model_version",
  "refreshed_at",
  "energy_kwh",
  "scope1_kg_co2e",
  "scope2_lb_kg_co2e",
  "scope2_mb_kg_co2e",
  "scope3_kg_co2e",
  "scope3_lb_kg_co2e",
  "scope3_mb_kg_co2e",
  "total_lb_kg_co2e",
  "total_mb_kg_co2e",
  "totals_mismatch",
  "source_unit",
  "tags",
] as const;

export function copyLine(r: ProviderRecord): string {
  const t = copyText;
  return (
    [
      String(r.rowNumber),
      r.rowHash,
      r.keyHash,
      t(r.versionRank),
      r.provider,
      r.nature,
      t(r.billingAccountId),
      t(r.accountId),
      t(r.cloudProjectId),
      t(r.service),
      t(r.location),
      t(r.region),
      r.periodStart,
      r.periodEnd,
      t(r.modelVersion),
      t(r.refreshedAt),
      t(r.energyKwh),
      t(r.scope1KgCo2e),
      t(r.scope2LbKgCo2e),
      t(r.scope2MbKgCo2e),
      t(r.scope3KgCo2e),
      t(r.scope3LbKgCo2e),
      t(r.scope3MbKgCo2e),
      t(r.totalLbKgCo2e),
      t(r.totalMbKgCo2e),
      r.totalsMismatch ? "t" : "f",
      t(r.sourceUnit),
      t(r.tags ? JSON.stringify(r.tags) : null),
    ].join("\t") + "\n"
  );
}

/**
 * A batch as COPY lines, built as rows are read: the lines as bytes in one reused buffer (no string per row lives
 * on past its row: the heap does not fill with batches waiting to be written), and the keys it repeats.
 */
export class ProviderBatch {
  private readonly lines: ByteList;
  /** The batch's keys as 64-bit keys (a false "repeated" only adds a key to supersession, which finds nothing). */
  private readonly keys = new HashSet64(1 << 16);
  /** Keys stated more than once in the batch (several versions of one key in one file). */
  readonly repeatedKeys = new Set<string>();
  /** Keys of this batch already in an earlier row of the import (this batch or an earlier one). */
  readonly earlierKeys: string[] = [];
  /**
   * expectedBytes: of the batch's lines (the previous batch's size is a good guess: no growing). importKeys: the
   * 64-bit keys of every row of the import so far, shared by its batches (ProviderEmissionWriter.importKeys).
   */
  constructor(
    expectedBytes = 8 << 20,
    private readonly importKeys: HashSet64 | null = null,
  ) {
    this.lines = new ByteList(expectedBytes);
  }
  get size(): number {
    return this.lines.length;
  }
  get bytes(): number {
    return this.lines.bytes;
  }
  add(r: ProviderRecord): void {
    this.lines.push(copyLine(r));
    if (!this.keys.addHex(r.keyHash)) this.repeatedKeys.add(r.keyHash);
    if (this.importKeys && !this.importKeys.addHex(r.keyHash)) this.earlierKeys.push(r.keyHash);
  }
  seal(): void {}
  /** The batch's COPY lines, each after `prefix` (ASCII: ids of columns before the record's). */
  *copyLines(prefix = ""): Generator<readonly [string, Buffer]> {
    for (let i = 0; i < this.lines.length; i++) yield [prefix, this.lines.get(i)] as const;
  }
  /** Written: its buffer goes to the next batches. */
  release(): void {
    this.lines.release();
  }
}

export interface ProviderBatchResult {
  rows: number;
  inserted: number;
  /** Rows refused at commit (conflicting with another import's row). */
  failed: number;
  errors: RowError[];
}

export class ProviderEmissionWriter {
  private restated = 0;
  private hasMappings = false;
  /** The organization had provider rows before this import (then every batch is probed whole). */
  private hadRows = true;
  /**
   * 64-bit keys of every row of this import handed to a batch so far (~18 MB for a million keys). When the
   * organization had no rows before, only keys in here can already have a row: the probe looks up just those.
   * A 64-bit false "earlier" only adds a key to the probe, which then finds nothing.
   */
  readonly importKeys = new HashSet64(1 << 16);

  constructor(
    private readonly client: pg.ClientBase,
    private readonly organizationId: string,
    private readonly importId: string,
  ) {}

  async begin(): Promise<void> {
    await this.client.query(
      `CREATE TEMP TABLE ${STAGE} ON COMMIT DROP AS SELECT ${COLUMNS.map((c) => `"${c}"`).join(", ")} FROM provider_emission_records WITH NO DATA`,
    );
    // Imports of an organization are serialised (lockOrganizationImports) and only imports write provider rows:
    // no other transaction adds any before this one commits.
    const { rows } = await this.client.query(
      `SELECT EXISTS (SELECT 1 FROM cloud_project_mappings WHERE organization_id = $1) AS mappings,
              EXISTS (SELECT 1 FROM provider_emission_records WHERE organization_id = $1) AS rows`,
      [this.organizationId],
    );
    this.hasMappings = rows[0].mappings;
    this.hadRows = rows[0].rows;
  }

  async write(batch: ProviderBatch): Promise<ProviderBatchResult> {
    const n = batch.size;
    if (!n) return { rows: 0, inserted: 0, failed: 0, errors: [] };
    const c = this.client;
    // Every key of the batch is new to the organization (it had no rows and no earlier row of the import has the
    // key; a batch repeating a key lists it in earlierKeys): no duplicate, conflict or supersession is possible, and
    // with no mappings no attribution is needed either — the batch goes by COPY straight into the table. The unique
    // index still stands behind it (a violation would fail the whole import, never write a row twice).
    if (!this.hadRows && !this.hasMappings && batch.earlierKeys.length === 0) {
      const head = `${this.organizationId}\t${this.importId}\t`;
      await copyBytes(c, "provider_emission_records", ["organization_id", "import_id", ...COLUMNS], batch.copyLines(head));
      return { rows: n, inserted: n, failed: 0, errors: [] };
    }
    await c.query(`TRUNCATE ${STAGE}`);
    await copyBytes(c, STAGE, COLUMNS, batch.copyLines());

    // One probe: stage rows whose key already has another row (another version, or a conflict). One index look-up
    // per stage row, by the (organization, key, row hash) index: `OFFSET 0` keeps the lateral subquery from being
    // flattened into a join, which the planner — with no statistics of the rows this transaction wrote — ran as a
    // scan of all the organization's rows per batch (decision 0022).
    // When the organization had no rows before this import, only keys of earlier rows of the import can have one.
    const probed = this.hadRows ? null : batch.earlierKeys;
    const touched =
      probed?.length === 0
        ? { rows: [] }
        : await c.query<{ row_number: number; key_hash: string; conflict: boolean; file_name: string | null; other_row: number | null }>(
            `SELECT s.row_number, s.key_hash, e.version_rank = s.version_rank AS conflict, i.file_name, e.row_number AS other_row
               FROM ${STAGE} s
               CROSS JOIN LATERAL (SELECT e.version_rank, e.row_number, e.import_id FROM provider_emission_records e
                                    WHERE e.organization_id = $1 AND e.key_hash = s.key_hash AND e.row_hash <> s.row_hash OFFSET 0) e
               LEFT JOIN imports i ON i.id = e.import_id
              ${probed ? "WHERE s.key_hash = ANY($2::text[])" : ""}`,
            probed ? [this.organizationId, probed] : [this.organizationId],
          );
    const touchedKeys = new Set(batch.repeatedKeys);
    const conflicts = touched.rows.filter((r) => {
      touchedKeys.add(r.key_hash);
      return r.conflict;
    });
    if (conflicts.length) await c.query(`DELETE FROM ${STAGE} WHERE row_number = ANY($1::int[])`, [conflicts.map((r) => r.row_number)]);
    const seen = new Set<number>();
    const errors: RowError[] = [];
    for (const r of conflicts) {
      if (seen.has(r.row_number)) continue;
      seen.add(r.row_number);
      errors.push({
        row: r.row_number,
        column: null,
        value: null,
        reason: `conflicts with row ${r.other_row ?? "?"} of "${r.file_name ?? "an earlier import"}": same key and version, different values (not a restatement; nothing was guessed)`,
      });
    }

    const project = this.hasMappings ? attributedProjectSql("s") : "NULL::uuid";
    const inserted = await c.query(
      `INSERT INTO provider_emission_records (organization_id, import_id, ${COLUMNS.map((col) => `"${col}"`).join(", ")}, project_id)
       SELECT $1, $2, ${COLUMNS.map((col) => `s."${col}"`).join(", ")}, ${project} FROM ${STAGE} s
       ON CONFLICT (organization_id, key_hash, row_hash) DO NOTHING`,
      [this.organizationId, this.importId],
    );

    // Only keys with more than one row can need a successor: those the probe found, and those repeated in the batch.
    if (touchedKeys.size) {
      const superseded = await c.query(
        `WITH latest AS (
           SELECT DISTINCT ON (p.key_hash) p.key_hash, p.id, p.version_rank
             FROM provider_emission_records p
            WHERE p.organization_id = $1 AND p.key_hash = ANY($2::text[])
            ORDER BY p.key_hash, p.version_rank DESC, p.id)
         UPDATE provider_emission_records p SET superseded_by_id = l.id
           FROM latest l
          WHERE p.organization_id = $1 AND p.key_hash = l.key_hash AND p.version_rank < l.version_rank AND p.superseded_by_id IS NULL`,
        [this.organizationId, [...touchedKeys]],
      );
      this.restated += superseded.rowCount ?? 0;
    }
    return { rows: n, inserted: inserted.rowCount ?? 0, failed: seen.size, errors };
  }

  /** Rows this import restated, kept on the import. */
  async finish(): Promise<{ rowsRestated: number }> {
    await this.client.query("UPDATE imports SET rows_restated = $3 WHERE id = $1 AND organization_id = $2", [this.importId, this.organizationId, this.restated]);
    return { rowsRestated: this.restated };
  }
}
