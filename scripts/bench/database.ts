// What every benchmark sets up the same way: a throwaway embedded Postgres with the migrations applied (its data
// folder removed afterwards), an organization with one member to act as, and generated input files.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ServiceContext } from "../../lib/auth/context";

export interface BenchDatabase {
  /** The benchmark's temporary folder (generated files go here too). */
  dir: string;
  /** The database's data folder, for databaseCpu(). */
  pgDir: string;
}

/**
 * Starts the database on SCOPEBOOK_BENCH_PG_PORT (else `defaultPort`), migrates it, runs `run`, then disconnects,
 * stops it and removes the folder. DATABASE_URL points at it from before the first import of lib/db/client.
 */
export async function withBenchDatabase<T>(name: string, defaultPort: number, log: (line: string) => void, run: (db: BenchDatabase) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `scopebook-bench-${name}-`));
  chmodSync(dir, 0o755); // when root, Postgres runs as a created user that must reach its data folder
  process.env.SCOPEBOOK_DATA_DIR = path.join(dir, "data");
  delete process.env.DATABASE_URL;
  const { startEmbeddedPostgres } = await import("../../lib/db/embedded");
  const { migrate } = await import("../../lib/db/migrate");
  const pgDir = path.join(dir, "pg");
  const db = await startEmbeddedPostgres({ dataDir: pgDir, port: Number(process.env.SCOPEBOOK_BENCH_PG_PORT ?? defaultPort), log });
  process.env.DATABASE_URL = db.url;
  try {
    await migrate(db.url, path.join(process.cwd(), "prisma", "migrations"));
    const result = await run({ dir, pgDir });
    const { prisma } = await import("../../lib/db/client");
    await prisma.$disconnect();
    return result;
  } finally {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A new organization `slug` with one member of `role`, and that member's context (as a request would build it). */
export async function benchMember(slug: string, role: "ENGINEER" | "OFFICER"): Promise<ServiceContext> {
  const { prisma } = await import("../../lib/db/client");
  const { requireMembership } = await import("../../lib/auth/context");
  const { createOrganization } = await import("../../lib/services/organizations/create-organization");
  const email = `${role.toLowerCase()}@${slug}.test`;
  await createOrganization({ db: prisma, input: { slug, name: slug, members: [{ email, name: "Bench", password: "bench-password-123", role }] } });
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  return requireMembership({ userId: user.id, orgSlug: slug, requestId: "bench" });
}

/**
 * Runs a generator script of scripts/bench (`<script> <file> <rows>`, printing the bytes written) in a child
 * process, so the generated text never sits in the measured process's heap. Returns the bytes written.
 */
export function generateInChild(script: string, file: string, rows: number): number {
  const scriptPath = path.join(process.cwd(), "scripts", "bench", script);
  return Number(execFileSync(process.execPath, [...process.execArgv, scriptPath, file, String(rows)], { encoding: "utf8" }).trim());
}
