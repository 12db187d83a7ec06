// Global setup: one fresh, migrated database for the whole run, with the shipped factor datasets loaded.
// - Default: an embedded Postgres in a new temp folder on SCOPEBOOK_TEST_PG_PORT (54330), deleted afterwards.
// - DATABASE_URL_TEST set: a new database created on that server (dropped afterwards).
// The URL reaches the test files through provide/inject (test/setup/per-file.ts).
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { loadShippedFactors } from "../../lib/db/shipped-factors";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** Whether the test role is a superuser (needed to disable triggers in the tamper tests). */
    databaseIsSuperuser: boolean;
  }
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function onServer<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  let url: string;
  let cleanup: () => Promise<void>;

  const external = process.env.DATABASE_URL_TEST;
  if (external) {
    const name = `scopebook_test_${process.pid}_${Date.now().toString(36)}`;
    await onServer(external, (c) => c.query(`CREATE DATABASE "${name}"`));
    url = withDatabase(external, name);
    cleanup = async () => {
      await onServer(external, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    };
  } else {
    const port = Number(process.env.SCOPEBOOK_TEST_PG_PORT ?? 54330);
    if (!Number.isInteger(port) || port <= 0) throw new Error(`SCOPEBOOK_TEST_PG_PORT must be a port number, got "${process.env.SCOPEBOOK_TEST_PG_PORT}"`);
    const dataDir = path.join(os.tmpdir(), `scopebook-vitest-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    let server: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
    try {
      server = await startEmbeddedPostgres({ dataDir, port, database: "scopebook_test" });
    } catch (err) {
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(
        `The test database could not start on port ${port}. Another test run or program may use it: ` +
          `set SCOPEBOOK_TEST_PG_PORT to a free port, or DATABASE_URL_TEST to a Postgres server of your own.\n${(err as Error).message}`,
      );
    }
    url = server.url;
    cleanup = async () => {
      try {
        await server.stop();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    };
  }

  try {
    await migrate(url, path.join(ROOT, "prisma", "migrations"));
    await loadShippedFactors(url, path.join(ROOT, "prisma", "data", "factors"));
    const superuser = await onServer(url, async (c) => {
      const r = await c.query<{ rolsuper: boolean }>("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
      return r.rows[0]?.rolsuper === true;
    });
    project.provide("databaseUrl", url);
    project.provide("databaseIsSuperuser", superuser);
  } catch (err) {
    await cleanup();
    throw err;
  }
  console.log(`[vitest] test database ready in ${Date.now() - started} ms${external ? " (DATABASE_URL_TEST)" : " (embedded)"}`);
  return cleanup;
}
