// ledger_lines is partitioned by calculation version (docs/decisions/0019). A recalculation writes the version's
// lines into a new table created in its own transaction — invisible to everyone else, written without WAL when the
// server runs with wal_level=minimal, and rolled back with the transaction — indexes it once filled, then attaches
// it as the version's partition, replacing the partition an in-place recalculation of an open period supersedes.
import type { Tx } from "../../db/client";
import { isUuid } from "../../db/scope";

function checked(versionId: string): string {
  if (!isUuid(versionId)) throw new Error(`not a calculation version id: ${versionId}`);
  return versionId.toLowerCase();
}

/** Creates the table a version's lines are written into; returns its (quoted) name. */
export async function createVersionTable(tx: Tx, versionId: string): Promise<string> {
  const v = checked(versionId);
  const name = `"ledger_lines_${v.replace(/-/g, "")}_${Date.now().toString(36)}"`;
  // The CHECK makes ATTACH skip its validation scan (it implies the partition's bound).
  await tx.$executeRawUnsafe(`CREATE TABLE ${name} (LIKE ledger_lines INCLUDING DEFAULTS, CHECK (calculation_version_id = '${v}'::uuid))`);
  return name;
}

/**
 * Indexes the filled table and attaches it as the version's partition. The partition it replaces (an open period
 * recalculated in place) is dropped first: that takes an exclusive lock on ledger_lines until the commit, so it
 * happens last, after every line is written.
 */
export async function attachVersionTable(tx: Tx, versionId: string, table: string): Promise<void> {
  const v = checked(versionId);
  await tx.$executeRawUnsafe("SELECT set_config('maintenance_work_mem', '256MB', true)");
  await tx.$executeRawUnsafe(`CREATE INDEX ON ${table} (resolution_id)`);
  await tx.$executeRawUnsafe(`ANALYZE ${table}`);
  const [old] = await tx.$queryRaw<{ p: string | null }[]>`SELECT scopebook_ledger_partition_of(${v}::uuid)::text AS p`;
  if (old.p) await tx.$executeRawUnsafe(`DROP TABLE ${old.p}`);
  await tx.$executeRawUnsafe(`ALTER TABLE ledger_lines ATTACH PARTITION ${table} FOR VALUES IN ('${v}')`);
}
