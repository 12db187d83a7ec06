// A plain pg pool for the few hot paths where Prisma's per-query overhead matters (the tracker API's
// POST /emissions: thousands per second). Statements run here are named prepared statements (parsed and
// planned once per connection). Everything else goes through the Prisma client (lib/db/client.ts).
// allowExitOnIdle: idle connections never keep a script or a test process alive.
import pg from "pg";
import { databaseUrl } from "../env";

const holder = globalThis as unknown as { scopebookPgPool?: pg.Pool };

export function pgPool(): pg.Pool {
  return (holder.scopebookPgPool ??= new pg.Pool({ connectionString: databaseUrl(), max: 10, allowExitOnIdle: true }));
}

/** Ends the pool (tests and scripts that want every connection closed). */
export async function endPgPool(): Promise<void> {
  const pool = holder.scopebookPgPool;
  holder.scopebookPgPool = undefined;
  await pool?.end();
}
