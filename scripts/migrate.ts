// npm run db:migrate — applies prisma/migrations to DATABASE_URL (the app does this itself on start).
import { databaseUrl } from "../lib/env";
import { migrate } from "../lib/db/migrate";

migrate(databaseUrl(), undefined, console.log)
  .then((r) => console.log(`${r.applied.length} applied, ${r.alreadyApplied.length} already applied`))
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
