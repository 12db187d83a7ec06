// "Kill the app during start-up and start again: it comes back without manual repair."
// A child process runs the same start-up steps as `npm start`; it is killed with SIGKILL at two moments
// (during initdb, and once up — leaving an orphaned Postgres); a new start on the same folder must succeed.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

// Beside the main test database port, so parallel test runs with different SCOPEBOOK_TEST_PG_PORT do not clash.
const PORT = Number(process.env.SCOPEBOOK_TEST_PG_PORT ?? 54330) + 21;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function freshDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "scopebook-restart-"));
  chmodSync(dir, 0o755);
  dirs.push(dir);
  return path.join(dir, "pg");
}

/** Starts the child and SIGKILLs it as soon as a line matching `killOn` appears; resolves once it is dead. */
function startAndKill(dataDir: string, killOn: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/support/boot-db-child.ts", dataDir, String(PORT)], {
      cwd: process.cwd(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (killOn.test(out) && child.exitCode === null) child.kill("SIGKILL");
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", () => resolve(out));
    child.on("error", reject);
    setTimeout(() => child.kill("SIGKILL"), 60_000);
  });
}

async function startsCleanly(dataDir: string) {
  const db = await startEmbeddedPostgres({ dataDir, port: PORT });
  try {
    const result = await migrate(db.url);
    expect([...result.applied, ...result.alreadyApplied].length).toBeGreaterThan(0);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query("SELECT count(*)::int AS n FROM _scopebook_migrations");
    await client.end();
    expect(rows[0].n).toBe(result.applied.length + result.alreadyApplied.length);
  } finally {
    await db.stop();
  }
}

describe("start-up survives being killed", () => {
  it("killed during initdb: the half-made data folder is re-created on the next start", async () => {
    const dataDir = freshDir();
    const out = await startAndKill(dataDir, /initialising/);
    expect(out).toMatch(/initialising/);
    await startsCleanly(dataDir);
  }, 120_000);

  it("killed once up: the orphaned Postgres is stopped and a new one starts on the same folder", async () => {
    const dataDir = freshDir();
    const out = await startAndKill(dataDir, /READY/);
    expect(out).toMatch(/READY/);
    await startsCleanly(dataDir);
  }, 120_000);
});
