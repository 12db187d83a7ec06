// Runs before each test file: points the app's lazy Prisma client (lib/db/client.ts) at the test database,
// and closes that client after the file so no connection outlives it.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
// Files a test writes (signing keys at sign-off, uploads) go to a throwaway data folder unless the file sets its own.
const ownDataDir = process.env.SCOPEBOOK_DATA_DIR ? null : mkdtempSync(path.join(os.tmpdir(), "scopebook-test-data-"));
if (ownDataDir) process.env.SCOPEBOOK_DATA_DIR = ownDataDir;
afterAll(() => {
  if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
});

afterAll(async () => {
  const holder = globalThis as { scopebookPrisma?: { $disconnect(): Promise<void> } };
  const client = holder.scopebookPrisma;
  holder.scopebookPrisma = undefined;
  await client?.$disconnect();
});
