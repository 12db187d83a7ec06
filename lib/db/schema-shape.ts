// The database shape schema.prisma implies, computed from Prisma's DMMF (via its schema wasm, no engine).
// Used by the drift test (test/integration/schema-drift.test.ts) and by scripts/draft-migration.ts.
// Dev-only: imports a devDependency; never import it from app code.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export interface ColumnShape {
  name: string;
  type: string; // as Postgres' format_type() prints it
  nullable: boolean;
  default: string | null; // SQL expression, for the draft only (not compared)
}
export interface IndexShape {
  name: string;
  table: string;
  columns: string[];
  unique: boolean;
  primary: boolean;
}
export interface ForeignKeyShape {
  name: string;
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string; // CASCADE, RESTRICT, SET NULL, NO ACTION
}
export interface TableShape {
  name: string;
  columns: ColumnShape[];
}
export interface SchemaShape {
  enums: Record<string, string[]>;
  tables: TableShape[];
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
}

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  type: string;
  nativeType: [string, string[]] | null;
  default?: unknown;
  hasDefaultValue: boolean;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  fields: { name: string }[];
}

// Prisma's default constraint names (psl ConstraintNames): {table}_{columns}_{suffix}, the part before the suffix
// cut so the whole name fits Postgres' 63-byte identifiers (a longer name would be silently truncated by Postgres).
const MAX_IDENTIFIER_LENGTH = 63;
function defaultConstraintName(base: string, suffix: "pkey" | "key" | "idx" | "fkey"): string {
  return `${base.slice(0, MAX_IDENTIFIER_LENGTH - suffix.length - 1)}_${suffix}`;
}

function loadDmmf(schemaPath: string) {
  const require = createRequire(import.meta.url);
  const wasm = require("@prisma/prisma-schema-wasm") as { get_dmmf(params: string): string };
  const prismaSchema = readFileSync(schemaPath, "utf8");
  return JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema }))).datamodel as {
    models: DmmfModel[];
    enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[];
    indexes: DmmfIndex[];
  };
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Decimal: "numeric(65,30)",
  Json: "jsonb",
  Bytes: "bytea",
  Float: "double precision",
};

function nativeTypeSql([name, args]: [string, string[]]): string {
  switch (name) {
    case "Uuid":
      return "uuid";
    case "Char":
      return `character(${args[0]})`;
    case "VarChar":
      return `character varying(${args[0]})`;
    case "SmallInt":
      return "smallint";
    case "Date":
      return "date";
    case "Decimal":
      return args.length ? `numeric(${args.join(",")})` : "numeric"; // @db.Decimal without arguments: unconstrained
    default:
      throw new Error(`schema-shape: native type @db.${name} is not mapped yet`);
  }
}

function defaultSql(field: DmmfField): string | null {
  const d = field.default as { name?: string; args?: unknown[] } | string | number | boolean | undefined;
  if (d === undefined) return null;
  if (typeof d === "object" && d !== null && "name" in d) {
    if (d.name === "now") return "CURRENT_TIMESTAMP";
    if (d.name === "dbgenerated") return String(d.args?.[0]);
    if (d.name === "autoincrement") return "autoincrement";
    return null; // client-side defaults (uuid(), cuid()) have no SQL default
  }
  if (typeof d === "string") return field.kind === "enum" ? `'${d}'` : `'${d.replace(/'/g, "''")}'`;
  return String(d);
}

export function schemaShape(schemaPath = "prisma/schema.prisma"): SchemaShape {
  const dm = loadDmmf(schemaPath);
  const tableOf = new Map(dm.models.map((m) => [m.name, m.dbName ?? m.name]));
  const colOf = (model: string, field: string) => {
    const f = dm.models.find((m) => m.name === model)!.fields.find((x) => x.name === field)!;
    return f.dbName ?? f.name;
  };
  const enums: Record<string, string[]> = {};
  for (const e of dm.enums) enums[e.dbName ?? e.name] = e.values.map((v) => v.dbName ?? v.name);

  const tables: TableShape[] = [];
  const foreignKeys: ForeignKeyShape[] = [];
  for (const m of dm.models) {
    const table = tableOf.get(m.name)!;
    const columns: ColumnShape[] = [];
    for (const f of m.fields) {
      if (f.kind === "object") {
        if (f.relationFromFields?.length) {
          const cols = f.relationFromFields.map((x) => colOf(m.name, x));
          foreignKeys.push({
            name: defaultConstraintName(`${table}_${cols.join("_")}`, "fkey"),
            table,
            columns: cols,
            refTable: tableOf.get(f.type)!,
            refColumns: (f.relationToFields ?? []).map((x) => colOf(f.type, x)),
            onDelete: (f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull"))
              .replace("SetNull", "SET NULL")
              .replace("NoAction", "NO ACTION")
              .toUpperCase(),
          });
        }
        continue;
      }
      let type =
        f.kind === "enum" ? `"${f.type}"` : f.nativeType ? nativeTypeSql(f.nativeType) : SCALAR_TYPES[f.type];
      if (!type) throw new Error(`schema-shape: type ${f.type} is not mapped yet`);
      if (f.isList) type += "[]";
      columns.push({ name: f.dbName ?? f.name, type, nullable: !f.isRequired, default: defaultSql(f) });
    }
    tables.push({ name: table, columns });
  }

  const indexes: IndexShape[] = dm.indexes.map((ix) => {
    const table = tableOf.get(ix.model)!;
    const columns = ix.fields.map((x) => colOf(ix.model, x.name));
    const suffix = ix.type === "id" ? "pkey" : ix.type === "unique" ? "key" : "idx";
    return {
      name: ix.dbName ?? defaultConstraintName(ix.type === "id" ? table : `${table}_${columns.join("_")}`, suffix),
      table,
      columns,
      unique: ix.type !== "normal",
      primary: ix.type === "id",
    };
  });
  return { enums, tables, indexes, foreignKeys };
}

/** A first draft of the SQL that creates the shape; review it before it becomes a migration. */
export function draftSql(shape: SchemaShape): string {
  const out: string[] = [];
  for (const [name, values] of Object.entries(shape.enums))
    out.push(`CREATE TYPE "${name}" AS ENUM (${values.map((v) => `'${v}'`).join(", ")});`);
  for (const t of shape.tables) {
    const cols = t.columns.map((c) => {
      if (c.default === "autoincrement") return `  "${c.name}" ${c.type === "bigint" ? "BIGSERIAL" : "SERIAL"} NOT NULL`;
      const def = c.default ? ` DEFAULT ${c.default}` : "";
      return `  "${c.name}" ${c.type.startsWith('"') ? c.type : c.type.toUpperCase()}${c.nullable ? "" : " NOT NULL"}${def}`;
    });
    const pk = shape.indexes.find((i) => i.table === t.name && i.primary)!;
    cols.push(`  CONSTRAINT "${pk.name}" PRIMARY KEY (${pk.columns.map((c) => `"${c}"`).join(", ")})`);
    out.push(`CREATE TABLE "${t.name}" (\n${cols.join(",\n")}\n);`);
  }
  for (const i of shape.indexes.filter((i) => !i.primary))
    out.push(
      `CREATE ${i.unique ? "UNIQUE " : ""}INDEX "${i.name}" ON "${i.table}"(${i.columns.map((c) => `"${c}"`).join(", ")});`,
    );
  for (const fk of shape.foreignKeys)
    out.push(
      `ALTER TABLE "${fk.table}" ADD CONSTRAINT "${fk.name}" FOREIGN KEY (${fk.columns.map((c) => `"${c}"`).join(", ")}) REFERENCES "${fk.refTable}"(${fk.refColumns.map((c) => `"${c}"`).join(", ")}) ON DELETE ${fk.onDelete} ON UPDATE CASCADE;`,
    );
  return out.join("\n\n") + "\n";
}
