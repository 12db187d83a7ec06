// ledger_lines is partitioned by calculation version (docs/decisions/0019). A recalculation creates the version's
// table in its own transaction from the set-based lines (CREATE TABLE … AS SELECT: Postgres may run its query in
// parallel, an INSERT it may not; with wal_level=minimal the table is written without WAL and flushed at commit),
// adds the lines computed one by one, then constrains and indexes it once filled and attaches it as the version's
// partition, replacing the partition an in-place recalculation of an open period supersedes. Invisible to everyone
// else until the commit, rolled back with the transaction.
import type { Tx } from "../../../db/client";
import { isUuid } from "../../../db/scope";
import { Prisma } from "../../../generated/prisma/client";

/** ledger_lines' columns, in order: a version's table is made of exactly these. */
export const LINE_COLUMNS = ["organization_id", "calculation_version_id", "resolution_id", "source_record_id", "import_id", "project_id", "site_id", "month", "activity_quantity", "emissions_kg_co2e"] as const;
const NOT_NULL = ["organization_id", "calculation_version_id", "resolution_id", "source_record_id", "month", "activity_quantity"];

function checked(versionId: string): string {
  if (!isUuid(versionId)) throw new Error(`not a calculation version id: ${versionId}`);
  return versionId.toLowerCase();
}

/** Runs `f` with parallel plans encouraged (the planner cannot estimate the period filter and would not pick them). */
export async function withParallelPlans<T>(tx: Tx, f: () => Promise<T>): Promise<T> {
  const [was] = await tx.$queryRaw<{ setup: string; tuple: string }[]>`SELECT current_setting('parallel_setup_cost') AS setup, current_setting('parallel_tuple_cost') AS tuple`;
  await tx.$queryRaw`SELECT set_config('parallel_setup_cost', '0', true), set_config('parallel_tuple_cost', '0', true)`;
  const out = await f();
  await tx.$queryRaw`SELECT set_config('parallel_setup_cost', ${was.setup}, true), set_config('parallel_tuple_cost', ${was.tuple}, true)`;
  return out;
}

/** Creates the table of a version's lines from `select` (LINE_COLUMNS, in order and ledger_lines' types). */
export async function createVersionTable(tx: Tx, versionId: string, select: Prisma.Sql): Promise<string> {
  const v = checked(versionId);
  const name = `"ledger_lines_${v.replace(/-/g, "")}_${Date.now().toString(36)}"`;
  await withParallelPlans(tx, () => tx.$executeRaw`CREATE TABLE ${Prisma.raw(name)} AS ${select}`);
  return name;
}

/**
 * Constrains (NOT NULL as ledger_lines, and a CHECK on the version that lets ATTACH skip its own scan: one scan for
 * all of them), indexes and attaches the filled table. The partition it replaces (an open period recalculated in
 * place) is dropped first: that takes an exclusive lock on ledger_lines until the commit, so it happens last.
 */
export async function attachVersionTable(tx: Tx, versionId: string, table: string): Promise<void> {
  const v = checked(versionId);
  await tx.$executeRawUnsafe(`ALTER TABLE ${table} ${NOT_NULL.map((c) => `ALTER COLUMN ${c} SET NOT NULL`).join(", ")}, ADD CHECK (calculation_version_id = '${v}'::uuid)`);
  await tx.$queryRaw`SELECT set_config('maintenance_work_mem', '256MB', true)`;
  await tx.$executeRawUnsafe(`CREATE INDEX ON ${table} (resolution_id)`);
  await tx.$executeRawUnsafe(`ANALYZE ${table}`);
  const [old] = await tx.$queryRaw<{ p: string | null }[]>`SELECT scopebook_ledger_partition_of(${v}::uuid)::text AS p`;
  if (old.p) await tx.$executeRawUnsafe(`DROP TABLE ${old.p}`);
  await tx.$executeRawUnsafe(`ALTER TABLE ledger_lines ATTACH PARTITION ${table} FOR VALUES IN ('${v}')`);
}
