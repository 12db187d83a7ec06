// Scopebook's own migration runner (Prisma's migrate engine cannot be downloaded here: docs/decisions/0001).
// Applies prisma/migrations/NNNN_name/migration.sql in order, each in its own transaction, and records
// each with the sha256 of its SQL. An applied migration whose file has changed is refused.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export const MIGRATIONS_TABLE = "_scopebook_migrations";
const NAME_PATTERN = /^(\d{4})_[a-z0-9_]+$/;
// Any constant: one migration runner at a time per database (two app starts racing).
const ADVISORY_LOCK_KEY = 727_001;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

export function sha256Hex(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

export function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) throw new MigrationError(`Migrations folder not found: ${dir}`);
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const seen = new Map<string, string>();
  return names.map((name) => {
    const match = NAME_PATTERN.exec(name);
    if (!match) throw new MigrationError(`Migration folder "${name}" is not named NNNN_snake_case.`);
    const clash = seen.get(match[1]);
    if (clash) throw new MigrationError(`Migrations "${clash}" and "${name}" share the number ${match[1]}.`);
    seen.set(match[1], name);
    const file = path.join(dir, name, "migration.sql");
    if (!existsSync(file)) throw new MigrationError(`Migration "${name}" has no migration.sql.`);
    const sql = readFileSync(file, "utf8");
    return { name, sql, checksum: sha256Hex(sql) };
  });
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

export async function migrate(
  connectionString: string,
  dir = path.join(process.cwd(), "prisma", "migrations"),
  log: (line: string) => void = () => {},
): Promise<MigrateResult> {
  const migrations = readMigrations(dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (
         name text PRIMARY KEY,
         checksum char(64) NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ name: string; checksum: string }>(
      `SELECT name, checksum FROM "${MIGRATIONS_TABLE}" ORDER BY name`,
    );
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    const known = new Set(migrations.map((m) => m.name));
    const orphans = [...applied.keys()].filter((n) => !known.has(n));
    if (orphans.length)
      throw new MigrationError(
        `The database has migrations this code does not know: ${orphans.join(", ")}. ` +
          `It was migrated by a newer version of Scopebook; use that version or a fresh database.`,
      );
    const result: MigrateResult = { applied: [], alreadyApplied: [] };
    for (const m of migrations) {
      const recorded = applied.get(m.name);
      if (recorded) {
        if (recorded !== m.checksum)
          throw new MigrationError(
            `Migration "${m.name}" was already applied, but its migration.sql has changed since ` +
              `(recorded sha256 ${recorded.slice(0, 12)}…, file now ${m.checksum.slice(0, 12)}…). ` +
              `Applied migrations are immutable: restore the file and put the change in a new migration.`,
          );
        result.alreadyApplied.push(m.name);
        continue;
      }
      try {
        await client.query("BEGIN");
        await client.query(m.sql);
        await client.query(`INSERT INTO "${MIGRATIONS_TABLE}" (name, checksum) VALUES ($1, $2)`, [
          m.name,
          m.checksum,
        ]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        throw new MigrationError(`Migration "${m.name}" failed and was rolled back: ${(err as Error).message}`);
      }
      log(`migration applied: ${m.name}`);
      result.applied.push(m.name);
    }
    return result;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
