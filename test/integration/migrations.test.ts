// The migration runner (lib/db/migrate.ts) against real databases: each case gets its own scratch database and,
// when it edits migrations, its own temp copy of prisma/migrations.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS_TABLE, MigrationError, migrate, readMigrations, sha256Hex } from "../../lib/db/migrate";
import { createScratchDatabase, databaseUrl, withPg, type ScratchDatabase } from "../helpers/db";

const MIGRATIONS = path.join(process.cwd(), "prisma", "migrations");
const REAL = readMigrations(MIGRATIONS).map((m) => m.name);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function scratch(): Promise<ScratchDatabase> {
  const db = await createScratchDatabase("mig");
  cleanups.push(() => db.drop());
  return db;
}

function copyOfMigrations(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "scopebook-migrations-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(MIGRATIONS, dir, { recursive: true });
  return dir;
}

function addMigration(dir: string, name: string, sql: string) {
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

async function recorded(url: string): Promise<{ name: string; checksum: string }[]> {
  return withPg(async (c) => (await c.query(`SELECT name, checksum FROM "${MIGRATIONS_TABLE}" ORDER BY name`)).rows, url);
}

async function tableExists(url: string, table: string): Promise<boolean> {
  return withPg(async (c) => (await c.query("SELECT to_regclass($1) IS NOT NULL AS present", [`public.${table}`])).rows[0].present, url);
}

async function migrationError(run: () => Promise<unknown>): Promise<MigrationError> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(MigrationError);
    return err as MigrationError;
  }
  throw new Error("expected a MigrationError");
}

describe("migration runner", () => {
  it("the repository's migrations are well-formed: NNNN_snake_case, numbered in strictly increasing order, starting at 0001", () => {
    expect(REAL.length).toBeGreaterThanOrEqual(2);
    expect(REAL.slice(0, 2)).toEqual(["0001_init", "0002_audit_append_only"]);
    // Numbers are reserved per branch when work runs in parallel (0004 speed, 0005 cloud, …): a branch may lack
    // another's number until they are merged, so gaps are allowed; order and uniqueness are not negotiable.
    const numbers = REAL.map((name) => Number(name.slice(0, 4)));
    numbers.forEach((n, i) => expect(n).toBeGreaterThan(i === 0 ? 0 : numbers[i - 1]));
  });

  it("applies every migration once to an empty database, records each checksum, and a second run is a no-op", async () => {
    const db = await scratch();
    const first = await migrate(db.url, MIGRATIONS);
    expect(first).toEqual({ applied: REAL, alreadyApplied: [] });
    const rows = await recorded(db.url);
    expect(rows.map((r) => r.name)).toEqual(REAL);
    for (const m of readMigrations(MIGRATIONS)) expect(rows.find((r) => r.name === m.name)?.checksum).toBe(m.checksum);

    const second = await migrate(db.url, MIGRATIONS);
    expect(second).toEqual({ applied: [], alreadyApplied: REAL });
    expect(await recorded(db.url)).toEqual(rows);
  });

  it("the shared test database is fully migrated: migrating it again applies nothing", async () => {
    expect(await migrate(databaseUrl(), MIGRATIONS)).toEqual({ applied: [], alreadyApplied: REAL });
  });

  it("refuses an already-applied migration whose migration.sql was edited, naming it and saying it changed", async () => {
    const db = await scratch();
    const dir = copyOfMigrations();
    await migrate(db.url, dir);
    const before = await recorded(db.url);
    appendFileSync(path.join(dir, "0002_audit_append_only", "migration.sql"), "\n-- a harmless-looking edit\n");
    addMigration(dir, "0099_would_be_next", 'CREATE TABLE "should_not_exist" (id int);');

    const err = await migrationError(() => migrate(db.url, dir));
    expect(err.message).toContain("0002_audit_append_only");
    expect(err.message).toContain("changed");
    // Nothing after the refusal ran.
    expect(await recorded(db.url)).toEqual(before);
    expect(await tableExists(db.url, "should_not_exist")).toBe(false);
  });

  it("rolls back a failing new migration completely: its table does not exist and it is not recorded", async () => {
    const db = await scratch();
    const dir = copyOfMigrations();
    await migrate(db.url, dir);
    addMigration(
      dir,
      "0099_half_done",
      'CREATE TABLE "half_done_probe" (id int);\nINSERT INTO "half_done_probe" VALUES (1);\nSELECT 1 / 0;\n',
    );
    const err = await migrationError(() => migrate(db.url, dir));
    expect(err.message).toContain("0099_half_done");
    expect(err.message).toMatch(/rolled back/);
    expect(err.message).toMatch(/division by zero/);
    expect(await tableExists(db.url, "half_done_probe")).toBe(false);
    expect((await recorded(db.url)).map((r) => r.name)).toEqual(REAL);

    // Once fixed, it applies.
    writeFileSync(path.join(dir, "0099_half_done", "migration.sql"), 'CREATE TABLE "half_done_probe" (id int);\n');
    expect(await migrate(db.url, dir)).toEqual({ applied: ["0099_half_done"], alreadyApplied: REAL });
    expect(await tableExists(db.url, "half_done_probe")).toBe(true);
  });

  it("a failure on a fresh database keeps the migrations before it and nothing of the failing one", async () => {
    const db = await scratch();
    const dir = copyOfMigrations();
    addMigration(dir, "0099_broken", 'CREATE TABLE "broken_probe" (id int);\nALTER TABLE "no_such_table" ADD COLUMN x int;\n');
    await migrationError(() => migrate(db.url, dir));
    expect((await recorded(db.url)).map((r) => r.name)).toEqual(REAL);
    expect(await tableExists(db.url, "organizations")).toBe(true);
    expect(await tableExists(db.url, "broken_probe")).toBe(false);
  });

  it("refuses two migrations sharing a number, before touching the database", async () => {
    const db = await scratch();
    const dir = copyOfMigrations();
    addMigration(dir, "0002_clashing_number", "SELECT 1;");
    const err = await migrationError(() => migrate(db.url, dir));
    expect(err.message).toMatch(/share the number 0002/);
    expect(err.message).toContain("0002_audit_append_only");
    expect(err.message).toContain("0002_clashing_number");
    expect(await tableExists(db.url, MIGRATIONS_TABLE)).toBe(false);
    expect(await tableExists(db.url, "organizations")).toBe(false);
  });

  it.each(["3_short_number", "0003-dashes", "0003_CamelCase", "0003", "abcd_letters", "0003_trailing_space "])(
    "refuses a migration folder named %j",
    async (name) => {
      const db = await scratch();
      const dir = copyOfMigrations();
      addMigration(dir, name, "SELECT 1;");
      const err = await migrationError(() => migrate(db.url, dir));
      expect(err.message).toContain(`"${name}"`);
      expect(err.message).toMatch(/NNNN_snake_case/);
      expect(await tableExists(db.url, MIGRATIONS_TABLE)).toBe(false);
    },
  );

  it("refuses a migration folder without migration.sql", async () => {
    const dir = copyOfMigrations();
    mkdirSync(path.join(dir, "0099_empty_folder"));
    expect(() => readMigrations(dir)).toThrow(/"0099_empty_folder" has no migration.sql/);
  });

  it("refuses a database migrated by a newer version (a recorded migration this code does not know)", async () => {
    const db = await scratch();
    const dir = copyOfMigrations();
    addMigration(dir, "0099_from_the_future", "SELECT 1;");
    await migrate(db.url, dir);
    const err = await migrationError(() => migrate(db.url, MIGRATIONS));
    expect(err.message).toContain("0099_from_the_future");
  });

  it("checksums are sha256 of the exact file text", () => {
    const [first] = readMigrations(MIGRATIONS);
    expect(first.checksum).toBe(sha256Hex(first.sql));
    expect(first.checksum).toMatch(/^[0-9a-f]{64}$/);
  });
});
