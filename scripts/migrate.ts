// npm run db:migrate — applies prisma/migrations to DATABASE_URL and loads the shipped factor datasets (the app
// does both itself on start).
import path from "node:path";
import { databaseUrl } from "../lib/env";
import { migrate } from "../lib/db/migrate";
import { loadShippedFactors } from "../lib/db/shipped-factors";

async function main() {
  const r = await migrate(databaseUrl(), undefined, console.log);
  console.log(`${r.applied.length} applied, ${r.alreadyApplied.length} already applied`);
  await loadShippedFactors(databaseUrl(), path.join(process.cwd(), "prisma", "data", "factors"), console.log);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
