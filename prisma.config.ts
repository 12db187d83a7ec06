// Prisma 7 reads its datasource URL from here, not from schema.prisma or .env.
// The CLI is only used for `prisma generate` here (see docs/decisions/0001-migrations-without-prisma-engine.md);
// migrations are applied by lib/db/migrate.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://scopebook:scopebook@127.0.0.1:54320/scopebook",
  },
});
