// npm start: the whole app on http://127.0.0.1:3000 with demo data, on the embedded database unless
// DATABASE_URL is set. Safe to kill at any point and start again.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { EnvError, parseEnv } from "../lib/env";
import { ROOT, ensureBuild, ensureDatabase, startNext, superviseChild } from "./lib/boot";

const log = (line: string) => console.log(`[scopebook] ${line}`);
const dev = process.argv.includes("--dev");

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  if (existsSync(path.join(ROOT, ".env"))) process.loadEnvFile(path.join(ROOT, ".env"));
  const dataDir = path.resolve(ROOT, process.env.SCOPEBOOK_DATA_DIR ?? ".data");
  mkdirSync(dataDir, { recursive: true });
  if (!process.env.NEXTAUTH_SECRET) {
    const file = path.join(dataDir, "nextauth-secret");
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
    process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
    log(`NEXTAUTH_SECRET not set: using a generated one kept in ${path.relative(ROOT, file)}`);
  }
  const host = process.env.HOST ?? "127.0.0.1";
  const port = Number(process.env.PORT ?? 3000);
  process.env.NEXTAUTH_URL ??= `http://${host}:${port}`;

  const db = await ensureDatabase({
    dataDir: path.join(dataDir, "postgres"),
    port: Number(process.env.SCOPEBOOK_EMBEDDED_PG_PORT ?? 54320),
    log,
  });
  try {
    parseEnv(process.env);
    if (process.env.SCOPEBOOK_SEED_DEMO !== "false") {
      const { seedDemo, DEMO_USERS, DEMO_PASSWORD } = await import("../prisma/seed");
      if (await seedDemo(log)) log("demo data: created");
      log("demo logins (password for all: " + DEMO_PASSWORD + "):");
      for (const u of DEMO_USERS) log(`  ${u.role.padEnd(8)} ${u.email}`);
    }
    const { prisma } = await import("../lib/db/client");
    await prisma.$disconnect();
    if (!dev) ensureBuild(log, { ...process.env, NODE_ENV: "production" });
  } catch (err) {
    await db.stop();
    throw err;
  }
  log(`starting on http://${host}:${port}`);
  superviseChild(startNext({ dev, host, port, env: process.env }), db.stop);
}

main().catch((err) => {
  console.error(err instanceof EnvError ? err.message : `[scopebook] start failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
