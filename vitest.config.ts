// Vitest: unit tests (pure) and integration tests against a real Postgres (no mocked database).
// test/setup/global-db.ts starts a fresh embedded Postgres (or a fresh database on DATABASE_URL_TEST), migrates it
// and provides its URL; test/setup/per-file.ts puts it in process.env.DATABASE_URL before any test code runs.
// Files run one after another against that one database; every test creates its own organizations.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: { "@": root },
  },
  test: {
    environment: "node",
    include: ["test/**/*.test.ts", "lib/**/*.test.ts"],
    globalSetup: ["test/setup/global-db.ts"],
    setupFiles: ["test/setup/per-file.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      // Only for code that validates the environment (lib/env.ts); never a real secret.
      NEXTAUTH_SECRET: "vitest-only-secret-0123456789abcdef0123456789",
      NEXTAUTH_URL: "http://127.0.0.1:3000",
    },
  },
});
