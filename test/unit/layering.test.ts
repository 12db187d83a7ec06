// The house (docs/ARCHITECTURE.md) as a test: every file of app/, components/ and lib/ stands on a floor, imports only
// from the floors its own may use, and no two files import each other, even through others. The floors are data in
// test/support/house.ts; imports are read with TypeScript's own pre-processor (static, type-only, re-exports, dynamic
// import() and require()), so comments and strings do not count. A failure names the offending import.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FLOORS, ROOT, edgesOf, floorOf, floorViolations, importCycles, readTree, type Tree } from "../support/house";

/** A synthetic project: files written under a temporary root, read back as a tree. */
function synthetic(files: Record<string, string>): { root: string; tree: Tree; done(): void } {
  const root = mkdtempSync(path.join(os.tmpdir(), "scopebook-house-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return { root, tree: readTree(root), done: () => rmSync(root, { recursive: true, force: true }) };
}

function check(files: Record<string, string>): { broken: string[]; cycles: string[][] } {
  const project = synthetic(files);
  try {
    const edges = edgesOf(project.tree, project.root);
    return { broken: floorViolations(edges), cycles: importCycles(edges) };
  } finally {
    project.done();
  }
}

describe("the import reader and the floors, on a synthetic project", () => {
  it.each([
    ["app/(app)/[org]/page.tsx", 'import { prisma } from "@/lib/db/client";', "app → db"],
    ["app/api/x/route.ts", 'const m = await import("../../../lib/ingest/registry");', "app → ingest"],
    ["app/api/x/route.ts", 'import { PrismaClient } from "@prisma/client/runtime/library";', "package not allowed in app"],
    ["components/x/Table.tsx", 'import type { View } from "@/lib/services/imports/import-view";', "components → services"],
    ["components/x/Table.tsx", 'export { prisma } from "@/lib/db/client";', "components → db"],
    ["lib/ghg/calc.ts", 'import { readFileSync } from "node:fs";', "package not allowed in pure domain"],
    ["lib/ghg/calc.ts", 'import { x } from "../services/inventory/get-inventory";', "pure domain → services"],
    ["lib/ingest/reader.ts", 'import { prisma } from "../db/client";', "ingest → db"],
    ["lib/db/bulk/writer.ts", 'import type { Row } from "../../ingest/sources/codecarbon-csv/map-row";', "db → ingest"],
    ["lib/db/scope.ts", 'import type { ServiceContext } from "../auth/context";', "db → auth"],
    ["lib/services/imports/x.ts", 'import { Table } from "../../../components/x/Table";', "services → components"],
    ["lib/pdf/Report.tsx", 'import { Card } from "@/components/ui/Card";', "pdf → components"],
    ["lib/views/x.ts", 'import type { Import } from "../generated/prisma/client";', "views → db"],
  ])("%s: %s is refused (%s)", (file, line, why) => {
    const { broken } = check({
      [file]: `${line}\n`,
      "lib/db/client.ts": "export const prisma = {};\n",
      "lib/ingest/registry.ts": "export const r = 1;\n",
      "lib/ingest/sources/codecarbon-csv/map-row.ts": "export type Row = {};\n",
      "lib/auth/context.ts": "export type ServiceContext = {};\n",
      "lib/services/imports/import-view.ts": "export type View = {};\n",
      "lib/services/inventory/get-inventory.ts": "export const x = 1;\n",
      "components/x/Table.tsx": file === "components/x/Table.tsx" ? `${line}\n` : "export const Table = 1;\n",
      "components/ui/Card.tsx": "export const Card = 1;\n",
    });
    expect(broken).toHaveLength(1);
    expect(broken[0]).toContain(file);
    expect(broken[0]).toContain(why);
  });

  it.each([
    ["app/(app)/[org]/page.tsx", 'import { getImport } from "@/lib/services/imports/get-import";\nimport { Card } from "@/components/ui/Card";\nimport type { ImportView } from "@/lib/views/imports";'],
    ["components/x/Table.tsx", 'import type { ImportView } from "@/lib/views/imports";\nimport { formatKwh } from "@/lib/format";\nimport type { E16 } from "@/lib/ghg/aggregate";'],
    ["lib/services/imports/get-import.ts", 'import { prisma } from "../../db/client";\nimport { toView } from "./import-view";\nimport { renderPdf } from "../../pdf/render";'],
    ["lib/db/bulk/writer.ts", 'import type { MappedRow } from "../../records/measurement";\nimport pg from "pg";'],
    ["lib/ghg/calc.ts", 'import Decimal from "decimal.js";\n// import { prisma } from "../db/client";\nconst s = "import { x } from \'../services/y\'";'],
  ])("%s may import what its floor allows", (file, text) => {
    const { broken } = check({
      [file]: `${text}\n`,
      "lib/services/imports/get-import.ts": file.endsWith("get-import.ts") ? `${text}\n` : "export const getImport = 1;\n",
      "lib/services/imports/import-view.ts": "export const toView = 1;\n",
      "lib/views/imports.ts": "export type ImportView = {};\n",
      "lib/format.ts": "export const formatKwh = 1;\n",
      "lib/ghg/aggregate.ts": "export type E16 = {};\n",
      "lib/db/client.ts": "export const prisma = {};\n",
      "lib/pdf/render.ts": "export const renderPdf = 1;\n",
      "lib/records/measurement.ts": "export type MappedRow = {};\n",
      "components/ui/Card.tsx": "export const Card = 1;\n",
    });
    expect(broken).toEqual([]);
  });

  it("names every file of an import cycle, type-only imports included", () => {
    const { cycles } = check({
      "lib/auth/context.ts": 'import { isUuid } from "../db/scope";\nexport type ServiceContext = {};\n',
      "lib/db/scope.ts": 'import type { ServiceContext } from "../auth/context";\nexport const isUuid = 1;\n',
      "lib/ingest/a.ts": 'import { b } from "./b";\nexport const a = 1;\n',
      "lib/ingest/b.ts": 'import { c } from "./c";\nexport const b = 1;\n',
      "lib/ingest/c.ts": 'import type { a } from "./a";\nexport const c = 1;\n',
      "lib/ingest/d.ts": 'import { a } from "./a";\n',
    });
    expect(cycles).toEqual([
      ["lib/auth/context.ts", "lib/db/scope.ts"],
      ["lib/ingest/a.ts", "lib/ingest/b.ts", "lib/ingest/c.ts"],
    ]);
  });

  it("a file on no floor, or an import out of the house, is named", () => {
    const { broken } = check({
      "lib/new-thing.ts": "export const x = 1;\n",
      "lib/services/x.ts": 'import { x } from "../new-thing";\nimport { h } from "../../scripts/lib/helper";\n',
      "scripts/lib/helper.ts": "export const h = 1;\n",
    });
    expect(broken).toEqual([
      'lib/services/x.ts imports "../new-thing" (lib/new-thing.ts is on no floor: add it to one in test/support/house.ts)',
      'lib/services/x.ts imports "../../scripts/lib/helper" (services reaches outside the house, into scripts/lib/helper.ts)',
    ]);
  });
});

describe("the real source tree", () => {
  const tree = readTree(ROOT);
  const edges = edgesOf(tree);

  it("is read whole: every floor holds files and the imports are resolved", () => {
    expect(tree.files.size).toBeGreaterThan(300);
    const onFloors = new Set([...tree.files.keys()].map((f) => floorOf(f)?.name));
    for (const name of ["app", "components", "services", "views", "pdf", "db", "ingest", "pure domain", "records", "text", "kernel", "http"])
      expect(onFloors.has(name), `no file read on the ${name} floor`).toBe(true);
    expect(edges.filter((e) => "file" in e.to).length).toBeGreaterThan(1000);
  });

  it("puts every file on a floor", () => {
    expect([...tree.files.keys()].filter((f) => floorOf(f) === null)).toEqual([]);
  });

  for (const floor of FLOORS)
    it(`${floor.name} (${floor.holds.join(", ")}) imports only from ${floor.mayImport.join(", ") || "itself"}: ${floor.why}`, () => {
      expect(floorViolations(edges.filter((e) => floorOf(e.from) === floor))).toEqual([]);
    });

  it("has no import cycle", () => {
    expect(importCycles(edges).map((c) => c.join(" ↔ "))).toEqual([]);
  });

  it("keeps files of lib/ under 400 lines", () => {
    const long = [...tree.files].filter(([f, text]) => f.startsWith("lib/") && text.split("\n").length > 400).map(([f]) => f);
    expect(long).toEqual([]);
  });
});
