// Shared start-up steps for `npm start` and the e2e server: database (embedded unless DATABASE_URL is set),
// migrations, the shipped factor datasets, a production build when the sources changed, and `next start` as a child process.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { migrate } from "../../lib/db/migrate";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { loadShippedFactors } from "../../lib/db/shipped-factors";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

export async function ensureDatabase(opts: { dataDir: string; port: number; log: (l: string) => void }) {
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const db = await startEmbeddedPostgres({ dataDir: opts.dataDir, port: opts.port, log: opts.log });
    url = db.url;
    stop = db.stop;
  } else {
    opts.log(`database: using DATABASE_URL (${url.replace(/\/\/[^@]*@/, "//***@")})`);
  }
  process.env.DATABASE_URL = url;
  const result = await migrate(url, path.join(ROOT, "prisma", "migrations"), opts.log);
  opts.log(`migrations: ${result.applied.length} applied, ${result.alreadyApplied.length} already applied`);
  await loadShippedFactors(url, path.join(ROOT, "prisma", "data", "factors"), opts.log);
  return { url, stop };
}

const BUILD_INPUTS = ["app", "components", "lib", "public", "proxy.ts", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

function fingerprint(): string {
  const hash = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (name !== "generated" && name !== "node_modules") walk(path.join(p, name));
    } else if (!/\.test\.tsx?$/.test(p)) {
      hash.update(`${path.relative(ROOT, p)}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  for (const input of BUILD_INPUTS) walk(path.join(ROOT, input));
  return hash.digest("hex");
}

/** Builds when there is no complete build (a killed build leaves no BUILD_ID) or when the sources changed. */
export function ensureBuild(log: (l: string) => void, env: NodeJS.ProcessEnv): void {
  const distDir = path.join(ROOT, process.env.SCOPEBOOK_NEXT_DIST_DIR || ".next");
  const stampFile = path.join(distDir, "scopebook-build-stamp");
  const want = fingerprint();
  const complete = existsSync(path.join(distDir, "BUILD_ID"));
  if (complete && existsSync(stampFile) && readFileSync(stampFile, "utf8") === want) {
    log("build: up to date");
    return;
  }
  log("build: running `next build` (first start or changed sources; about a minute)");
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, stdio: "inherit", env });
  if (r.status !== 0) throw new Error("next build failed; see the output above.");
  writeFileSync(stampFile, want);
}

export function startNext(opts: { dev: boolean; host: string; port: number; env: NodeJS.ProcessEnv }): ChildProcess {
  // Production: the same build, served by scripts/lib/server.ts, which answers the trackers' POST
  // /api/codecarbon/emissions without Next's router (docs/decisions/0006); SCOPEBOOK_TRACKER_FAST_PATH=0: `next start`.
  if (!opts.dev && opts.env.SCOPEBOOK_TRACKER_FAST_PATH !== "0") {
    const server = path.join(ROOT, "scripts", "lib", "server.ts");
    return spawn(process.execPath, ["--import", "tsx", server, opts.host, String(opts.port)], { cwd: ROOT, stdio: "inherit", env: opts.env });
  }
  const args = [NEXT_BIN, opts.dev ? "dev" : "start", "-H", opts.host, "-p", String(opts.port)];
  return spawn(process.execPath, args, { cwd: ROOT, stdio: "inherit", env: opts.env });
}

/** Stops the child and the database on SIGINT/SIGTERM, and exits when the child exits. */
export function superviseChild(child: ChildProcess, stopDatabase: () => Promise<void>) {
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null) child.kill("SIGTERM");
    await stopDatabase().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  child.on("exit", (code) => void shutdown(code ?? 0));
}
