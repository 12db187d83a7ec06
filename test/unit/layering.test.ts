// Dependencies point one way (docs: architecture): app/ and components/ never reach the database layer, and
// lib/ghg is a pure domain core. This test reads every source file's imports (static, type-only, re-exports,
// dynamic import() and require()) with TypeScript's own pre-processor, so comments and strings do not count.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

interface Rule {
  /** Folders (relative to the root) the rule applies to. */
  scope: string[];
  why: string;
  /** Bare package specifiers, matched exactly or as a prefix followed by "/". */
  packages: string[];
  /** Project folders (relative to the root), reached through a relative path or the "@/" alias. */
  folders: string[];
}

export const RULES: Rule[] = [
  {
    scope: ["app", "components"],
    why: "routes and components go through lib/services; they never touch Prisma, pg or lib/db",
    // "@prisma" covers every package of the scope (@prisma/client, @prisma/adapter-pg, …).
    packages: ["@prisma", "prisma", "pg"],
    folders: ["lib/db", "lib/generated"],
  },
  {
    scope: ["lib/ghg", "lib/factors", "lib/activity"],
    why: "lib/ghg, lib/factors and lib/activity are the pure domain core (accounting rules, factor units and parsers, activity units and entry checks): no I/O, no database, no framework",
    packages: ["node:fs", "fs", "node:net", "net", "node:http", "http", "node:https", "https", "pg", "prisma", "@prisma", "next", "next-auth"],
    folders: ["lib/db", "lib/generated", "lib/services"],
  },
];

function matchesPackage(specifier: string, pkg: string): boolean {
  return specifier === pkg || specifier.startsWith(`${pkg}/`);
}

/** The project folder a specifier points into, or null for a package. */
function resolveProjectPath(root: string, fromFile: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return path.join(root, specifier.slice(2));
  if (specifier.startsWith("./") || specifier.startsWith("../") || specifier === "." || specifier === "..")
    return path.resolve(path.dirname(fromFile), specifier);
  if (specifier.startsWith("/")) return specifier;
  return null;
}

function isInside(root: string, target: string, folder: string): boolean {
  const rel = path.relative(path.join(root, folder), target);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

export function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** Violations of the rule in one file's source text (file is an absolute path used to resolve relative imports). */
export function violations(file: string, source: string, rule: Rule, root = ROOT): string[] {
  const out: string[] = [];
  for (const specifier of importsOf(source)) {
    const target = resolveProjectPath(root, file, specifier);
    const bad =
      target === null
        ? rule.packages.some((p) => matchesPackage(specifier, p))
        : rule.folders.some((f) => isInside(root, target, f)) ||
          rule.packages.some((p) => matchesPackage(path.relative(path.join(root, "node_modules"), target), p));
    if (bad) out.push(`${path.relative(root, file)} imports "${specifier}"`);
  }
  return out;
}

function sourceFiles(root: string, folder: string): string[] {
  const dir = path.join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && SOURCE.test(d.name) && !d.name.endsWith(".d.ts"))
    .map((d) => path.join(d.parentPath, d.name))
    .filter((f) => !f.split(path.sep).includes("node_modules"));
}

describe("the import detector itself", () => {
  const appFile = path.join(ROOT, "app", "(app)", "[org]", "page.tsx");
  const ghgFile = path.join(ROOT, "lib", "ghg", "calculate.ts");
  const [appRule, ghgRule] = RULES;

  it.each([
    'import { prisma } from "../../../lib/db/client";',
    'import { prisma } from "@/lib/db/client";',
    'import { inOrg } from "@/lib/db";',
    'import type { Role } from "@/lib/generated/prisma/enums";',
    'import { PrismaClient } from "@prisma/client";',
    'import { PrismaClient } from "@prisma/client/runtime/library";',
    'export { prisma } from "@/lib/db/client";',
    'const pg = require("pg");',
    'const mod = await import("@/lib/db/client");',
    'import "pg";',
    'import pg from "pg/lib/client";',
  ])("flags %s in app/", (line) => {
    expect(violations(appFile, line, appRule)).toHaveLength(1);
  });

  it.each([
    'import { readFileSync } from "node:fs";',
    'import { readFile } from "fs/promises";',
    'import net from "node:net";',
    'import { NextResponse } from "next/server";',
    'import { prisma } from "../db/client";',
    'import { Prisma } from "../generated/prisma/client";',
    'import pg from "pg";',
    'import { getDashboard } from "../services/get-dashboard";',
    'import type { PrismaClient } from "@prisma/client";',
  ])("flags %s in lib/ghg/", (line) => {
    expect(violations(ghgFile, line, ghgRule)).toHaveLength(1);
  });

  it.each([
    'import { getDashboard } from "@/lib/services/get-dashboard";',
    'import { formatKwh } from "../../lib/format";',
    'import { dbLabel } from "./db";',
    'import format from "pg-format-like-name";',
    'import { x } from "prismatic";',
    'import { Card } from "@/components/ui/card";',
    '// import { prisma } from "@/lib/db/client";',
    'const text = "import { prisma } from \'@/lib/db/client\'";',
  ])("does not flag %s in app/", (line) => {
    expect(violations(appFile, line, appRule)).toEqual([]);
  });

  it("does not flag pure imports in lib/ghg/", () => {
    expect(violations(ghgFile, 'import Decimal from "decimal.js";\nimport { x } from "./units";', ghgRule)).toEqual([]);
  });
});

/** Every violation of the rule under root, and how many files were read. */
function scan(root: string, rule: Rule): { files: string[]; found: string[] } {
  const files = rule.scope.flatMap((folder) => sourceFiles(root, folder));
  return { files, found: files.flatMap((file) => violations(file, readFileSync(file, "utf8"), rule, root)) };
}

describe("the tree walker finds violations in nested folders of a synthetic project", () => {
  it("reports exactly the bad files", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "scopebook-layering-"));
    try {
      const write = (rel: string, text: string) => {
        mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        writeFileSync(path.join(root, rel), text);
      };
      write("app/(app)/[org]/imports/page.tsx", 'import { prisma } from "../../../../lib/db/client";\nexport default function P() { return null; }\n');
      write("app/api/ok/route.ts", 'import { getImport } from "@/lib/services/get-import";\n');
      write("components/charts/Bar.tsx", 'import type { Run } from "@/lib/generated/prisma/client";\n');
      write("lib/ghg/calc/energy.ts", 'import { readFileSync } from "node:fs";\n');
      write("lib/ghg/units.ts", 'import Decimal from "decimal.js";\n');
      const [appRule, ghgRule] = RULES;
      const app = scan(root, appRule);
      expect(app.files).toHaveLength(3);
      expect([...app.found].sort()).toEqual([
        'app/(app)/[org]/imports/page.tsx imports "../../../../lib/db/client"',
        'components/charts/Bar.tsx imports "@/lib/generated/prisma/client"',
      ]);
      const ghg = scan(root, ghgRule);
      expect(ghg.files).toHaveLength(2);
      expect(ghg.found).toEqual(['lib/ghg/calc/energy.ts imports "node:fs"']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("layering of the real source tree", () => {
  for (const rule of RULES) {
    it(`${rule.scope.join(", ")}: ${rule.why}`, () => {
      const { files, found } = scan(ROOT, rule);
      // Scopes that exist must actually be scanned (a broken walker would pass vacuously); lib/ghg may not exist yet.
      for (const folder of rule.scope) {
        const dir = path.join(ROOT, folder);
        if (existsSync(dir) && readdirSync(dir, { recursive: true }).some((f) => SOURCE.test(String(f))))
          expect(files.some((f) => isInside(ROOT, f, folder)), `no file scanned under ${folder}`).toBe(true);
      }
      expect(found).toEqual([]);
    });
  }
});
