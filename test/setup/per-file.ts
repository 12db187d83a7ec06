// Runs before each test file: points the app's lazy Prisma client (lib/db/client.ts) at the test database,
// and closes that client after the file so no connection outlives it.
import { afterAll, inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");

afterAll(async () => {
  const holder = globalThis as { scopebookPrisma?: { $disconnect(): Promise<void> } };
  const client = holder.scopebookPrisma;
  holder.scopebookPrisma = undefined;
  await client?.$disconnect();
});
