// The migrated database and prisma/schema.prisma agree: tables, columns (type, nullability), indexes (name,
// columns, uniqueness), foreign keys (columns, referenced table and columns, ON DELETE) and enums, both ways.
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_TABLE } from "../../lib/db/migrate";
import { schemaShape, type SchemaShape } from "../../lib/db/schema-shape";
import { withPg } from "../helpers/db";

interface DbShape {
  enums: Record<string, string[]>;
  tables: { name: string; columns: { name: string; type: string; nullable: boolean }[] }[];
  indexes: { name: string; table: string; columns: string[]; unique: boolean; primary: boolean }[];
  foreignKeys: { name: string; table: string; columns: string[]; refTable: string; refColumns: string[]; onDelete: string }[];
}

const ON_DELETE: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

async function introspect(client: pg.Client): Promise<DbShape> {
  const tables = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> $1
        AND table_name NOT IN (SELECT relname FROM pg_catalog.pg_class WHERE relispartition) ORDER BY table_name`,
    [MIGRATIONS_TABLE],
  );
  const columns = await client.query<{ table_name: string; column_name: string; type: string; is_nullable: "YES" | "NO" }>(
    `SELECT c.table_name, c.column_name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, c.is_nullable
       FROM information_schema.columns c
       JOIN pg_catalog.pg_class t ON t.relname = c.table_name
       JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace AND n.nspname = c.table_schema
       JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attname = c.column_name
      WHERE c.table_schema = 'public' AND c.table_name <> $1 AND NOT t.relispartition
      ORDER BY c.table_name, c.ordinal_position`,
    [MIGRATIONS_TABLE],
  );
  const indexes = await client.query<{ name: string; table: string; columns: string[]; unique: boolean; primary: boolean }>(
    `SELECT i.relname AS name, t.relname AS table, ix.indisunique AS unique, ix.indisprimary AS primary,
            ARRAY(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
       FROM pg_catalog.pg_index ix
       JOIN pg_catalog.pg_class i ON i.oid = ix.indexrelid
       JOIN pg_catalog.pg_class t ON t.oid = ix.indrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND t.relname <> $1 AND NOT t.relispartition
      ORDER BY i.relname`,
    [MIGRATIONS_TABLE],
  );
  // Expression or partial indexes would have attnum 0 / a predicate: the schema cannot express them, so flag them.
  const odd = await client.query<{ name: string }>(
    `SELECT i.relname AS name FROM pg_catalog.pg_index ix JOIN pg_catalog.pg_class i ON i.oid = ix.indexrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace
      WHERE n.nspname = 'public' AND (ix.indpred IS NOT NULL OR ix.indexprs IS NOT NULL)`,
  );
  const fks = await client.query<{ name: string; table: string; ref_table: string; columns: string[]; ref_columns: string[]; deltype: string }>(
    `SELECT con.conname AS name, t.relname AS table, rt.relname AS ref_table, con.confdeltype AS deltype,
            ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS ref_columns
       FROM pg_catalog.pg_constraint con
       JOIN pg_catalog.pg_class t ON t.oid = con.conrelid
       JOIN pg_catalog.pg_class rt ON rt.oid = con.confrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = con.connamespace
      WHERE con.contype = 'f' AND n.nspname = 'public'
      ORDER BY con.conname`,
  );
  const enums = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
       FROM pg_catalog.pg_type t
       JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
       JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public'
      GROUP BY t.typname ORDER BY t.typname`,
  );
  expect(odd.rows, "partial or expression indexes cannot be described by schema.prisma").toEqual([]);
  return {
    enums: Object.fromEntries(enums.rows.map((e) => [e.name, e.values])),
    tables: tables.rows.map((t) => ({
      name: t.table_name,
      columns: columns.rows
        .filter((c) => c.table_name === t.table_name)
        .map((c) => ({ name: c.column_name, type: c.type, nullable: c.is_nullable === "YES" })),
    })),
    indexes: indexes.rows,
    foreignKeys: fks.rows.map((f) => ({
      name: f.name,
      table: f.table,
      columns: f.columns,
      refTable: f.ref_table,
      refColumns: f.ref_columns,
      onDelete: ON_DELETE[f.deltype] ?? `?${f.deltype}`,
    })),
  };
}

/**
 * ledger_lines is partitioned by calculation version (one table per version, its partitions are not in
 * schema.prisma) and has no primary key: Prisma needs @@id([calculationVersionId, id]) to name a line, the database
 * would need a unique index over millions of lines rebuilt at every recalculation; ids come from one sequence
 * (docs/decisions/0019). The one index schema.prisma implies that the database does not have.
 */
const NOT_IN_DATABASE = new Set(["ledger_lines_pkey"]);

/** Every difference between what schema.prisma implies and what the database has, as readable lines. */
export function compareShapes(expected: SchemaShape, actual: DbShape): string[] {
  const diffs: string[] = [];
  expected = { ...expected, indexes: expected.indexes.filter((i) => !NOT_IN_DATABASE.has(i.name)) };
  const both = <T>(a: Map<string, T>, b: Map<string, T>, what: string, same: (x: T, y: T) => string | null) => {
    for (const [key, x] of a) {
      const y = b.get(key);
      if (!y) diffs.push(`${what} ${key}: in schema.prisma, missing in the database`);
      else {
        const d = same(x, y);
        if (d) diffs.push(`${what} ${key}: ${d}`);
      }
    }
    for (const key of b.keys()) if (!a.has(key)) diffs.push(`${what} ${key}: in the database, not in schema.prisma`);
  };
  const list = (xs: string[]) => xs.join(", ");

  both(new Map(Object.entries(expected.enums)), new Map(Object.entries(actual.enums)), "enum", (x, y) =>
    list(x) === list(y) ? null : `values [${list(x)}] in schema.prisma, [${list(y)}] in the database`,
  );
  both(new Map(expected.tables.map((t) => [t.name, t])), new Map(actual.tables.map((t) => [t.name, t])), "table", () => null);
  const columnsOf = (tables: { name: string; columns: { name: string; type: string; nullable: boolean }[] }[]) =>
    new Map(tables.flatMap((t) => t.columns.map((c) => [`${t.name}.${c.name}`, c] as const)));
  both(columnsOf(expected.tables), columnsOf(actual.tables), "column", (x, y) => {
    const d: string[] = [];
    if (x.type !== y.type) d.push(`type ${x.type} in schema.prisma, ${y.type} in the database`);
    if (x.nullable !== y.nullable) d.push(`${x.nullable ? "nullable" : "NOT NULL"} in schema.prisma, ${y.nullable ? "nullable" : "NOT NULL"} in the database`);
    return d.length ? d.join("; ") : null;
  });
  both(new Map(expected.indexes.map((i) => [i.name, i])), new Map(actual.indexes.map((i) => [i.name, i])), "index", (x, y) => {
    const d: string[] = [];
    if (x.table !== y.table) d.push(`on ${x.table} in schema.prisma, on ${y.table} in the database`);
    if (list(x.columns) !== list(y.columns)) d.push(`columns (${list(x.columns)}) in schema.prisma, (${list(y.columns)}) in the database`);
    if (x.unique !== y.unique) d.push(`${x.unique ? "unique" : "not unique"} in schema.prisma, ${y.unique ? "unique" : "not unique"} in the database`);
    if (x.primary !== y.primary) d.push(`${x.primary ? "primary key" : "not primary"} in schema.prisma, ${y.primary ? "primary key" : "not primary"} in the database`);
    return d.length ? d.join("; ") : null;
  });
  both(new Map(expected.foreignKeys.map((f) => [f.name, f])), new Map(actual.foreignKeys.map((f) => [f.name, f])), "foreign key", (x, y) => {
    const d: string[] = [];
    if (x.table !== y.table || list(x.columns) !== list(y.columns))
      d.push(`${x.table}(${list(x.columns)}) in schema.prisma, ${y.table}(${list(y.columns)}) in the database`);
    if (x.refTable !== y.refTable || list(x.refColumns) !== list(y.refColumns))
      d.push(`references ${x.refTable}(${list(x.refColumns)}) in schema.prisma, ${y.refTable}(${list(y.refColumns)}) in the database`);
    if (x.onDelete !== y.onDelete) d.push(`ON DELETE ${x.onDelete} in schema.prisma, ${y.onDelete} in the database`);
    return d.length ? d.join("; ") : null;
  });
  return diffs;
}

describe("schema drift: migrated database vs schema.prisma", () => {
  const expected = schemaShape("prisma/schema.prisma");
  let actual: DbShape;

  it("introspects a non-trivial database", async () => {
    actual = await withPg(introspect);
    expect(actual.tables.length).toBeGreaterThanOrEqual(20);
    expect(actual.foreignKeys.length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(actual.enums).length).toBeGreaterThanOrEqual(10);
    expect(actual.tables.map((t) => t.name)).not.toContain(MIGRATIONS_TABLE);
  });

  it("the expected shape from schema.prisma is non-trivial too (DMMF parsed)", () => {
    expect(expected.tables.map((t) => t.name)).toEqual(expect.arrayContaining(["organizations", "audit_events", "measurements", "runs"]));
    expect(expected.indexes.filter((i) => i.primary)).toHaveLength(expected.tables.length);
  });

  it("no difference in tables, columns, indexes, foreign keys or enums (both directions)", async () => {
    actual ??= await withPg(introspect);
    expect(compareShapes(expected, actual)).toEqual([]);
  });

  it("every default name fits Postgres' 63-byte identifiers", () => {
    for (const name of [...expected.indexes, ...expected.foreignKeys].map((x) => x.name)) expect(Buffer.byteLength(name), name).toBeLessThanOrEqual(63);
  });

  it("spot checks: types Prisma does not print by default are what the schema says", async () => {
    actual ??= await withPg(introspect);
    const col = (t: string, c: string) => actual.tables.find((x) => x.name === t)?.columns.find((x) => x.name === c);
    expect(col("measurements", "energy_kwh")).toEqual({ name: "energy_kwh", type: "numeric(65,30)", nullable: true });
    expect(col("audit_events", "hash")).toEqual({ name: "hash", type: "character(64)", nullable: false });
    expect(col("memberships", "role")).toEqual({ name: "role", type: '"Role"', nullable: false });
    expect(col("ledger_resolutions", "quality_flags")).toEqual({ name: "quality_flags", type: "text[]", nullable: false });
    expect(col("ledger_lines", "emissions_kg_co2e")).toEqual({ name: "emissions_kg_co2e", type: "numeric", nullable: true });
    expect(col("organizations", "created_at")?.type).toBe("timestamp(3) without time zone");
    const fk = actual.foreignKeys.find((f) => f.name === "audit_events_organization_id_fkey");
    expect(fk).toMatchObject({ refTable: "organizations", refColumns: ["id"], onDelete: "RESTRICT" });
  });
});

describe("ledger_lines: partitioned by calculation version (decision 0019)", () => {
  it("is a partitioned table by LIST (calculation_version_id), with the resolution index and no primary key", async () => {
    const shape = await withPg(async (c) => {
      const t = await c.query<{ kind: string; key: string }>(`SELECT c.relkind::text AS kind, pg_get_partkeydef(c.oid) AS key FROM pg_class c WHERE c.relname = 'ledger_lines'`);
      const pk = await c.query(`SELECT 1 FROM pg_constraint WHERE conrelid = 'ledger_lines'::regclass AND contype = 'p'`);
      return { ...t.rows[0], pk: pk.rowCount };
    });
    expect(shape).toEqual({ kind: "p", key: "LIST (calculation_version_id)", pk: 0 });
  });
});

describe("the comparison itself catches drift (negative self-check)", () => {
  const expected = schemaShape("prisma/schema.prisma");
  const mutate = (fn: (s: SchemaShape) => void): SchemaShape => {
    const copy = structuredClone(expected);
    fn(copy);
    return copy;
  };

  it.each<[string, (s: SchemaShape) => void, RegExp]>([
    ["a flipped nullability", (s) => { const c = s.tables.find((t) => t.name === "organizations")!.columns.find((c) => c.name === "name")!; c.nullable = !c.nullable; }, /column organizations\.name: nullable in schema\.prisma, NOT NULL in the database/],
    ["a changed type", (s) => { s.tables.find((t) => t.name === "runs")!.columns.find((c) => c.name === "energy_kwh")!.type = "double precision"; }, /column runs\.energy_kwh: type double precision/],
    ["a column only the database has", (s) => { const t = s.tables.find((t) => t.name === "users")!; t.columns = t.columns.filter((c) => c.name !== "disabled_at"); }, /column users\.disabled_at: in the database, not in schema\.prisma/],
    ["a column only the schema has", (s) => { s.tables.find((t) => t.name === "users")!.columns.push({ name: "nickname", type: "text", nullable: true, default: null }); }, /column users\.nickname: in schema\.prisma, missing in the database/],
    ["a table only the schema has", (s) => { s.tables.push({ name: "ghosts", columns: [] }); }, /table ghosts: in schema\.prisma, missing in the database/],
    ["a table only the database has", (s) => { s.tables = s.tables.filter((t) => t.name !== "budgets"); s.indexes = s.indexes.filter((i) => i.table !== "budgets"); s.foreignKeys = s.foreignKeys.filter((f) => f.table !== "budgets"); }, /table budgets: in the database, not in schema\.prisma/],
    ["an index no longer unique", (s) => { s.indexes.find((i) => i.name === "organizations_slug_key")!.unique = false; }, /index organizations_slug_key: not unique in schema\.prisma, unique in the database/],
    ["index columns in another order", (s) => { s.indexes.find((i) => i.name === "memberships_organization_id_user_id_key")!.columns.reverse(); }, /index memberships_organization_id_user_id_key: columns/],
    ["an index only the database has", (s) => { s.indexes = s.indexes.filter((i) => i.name !== "memberships_user_id_idx"); }, /index memberships_user_id_idx: in the database/],
    ["another ON DELETE", (s) => { s.foreignKeys.find((f) => f.name === "memberships_user_id_fkey")!.onDelete = "RESTRICT"; }, /foreign key memberships_user_id_fkey: ON DELETE RESTRICT in schema\.prisma, CASCADE in the database/],
    ["another referenced table", (s) => { s.foreignKeys.find((f) => f.name === "memberships_user_id_fkey")!.refTable = "organizations"; }, /foreign key memberships_user_id_fkey: references organizations/],
    ["an enum value only the schema has", (s) => { s.enums.Role.push("OWNER"); }, /enum Role: values \[ADMIN, OFFICER, ENGINEER, AUDITOR, OWNER\]/],
    ["an enum only the database has", (s) => { delete s.enums.BudgetKind; }, /enum BudgetKind: in the database, not in schema\.prisma/],
  ])("reports %s", async (label, change, message) => {
    const actual = await withPg(introspect);
    const diffs = compareShapes(mutate(change), actual);
    expect(diffs.filter((d) => message.test(d))).toHaveLength(1);
    // A removed table also brings its columns, indexes and foreign keys up, and nothing else.
    if (label.startsWith("a table only the database has")) for (const d of diffs) expect(d).toMatch(/budgets/);
    else expect(diffs).toHaveLength(1);
  });
});
