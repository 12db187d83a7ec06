// npm test: every suite, in order — typecheck, eslint, vitest (unit + integration on a real embedded Postgres),
// production build, Playwright on Debian's Chromium — then one plain line: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./lib/boot";

const CHROMIUM = process.env.SCOPEBOOK_CHROMIUM ?? "/usr/bin/chromium";
const OUT = path.join(ROOT, ".data", "test-results");
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);
const started = Date.now();
process.env.NEXT_TELEMETRY_DISABLED = "1"; // no network calls from the build on offline machines

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n━━ ${label} ━━ ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  return r.status === 0;
}

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    console.error(
      `Chromium is missing at ${CHROMIUM}. Install it with: sudo apt-get update && sudo apt-get install -y chromium\n` +
        `(or set SCOPEBOOK_CHROMIUM to a Chromium binary). Playwright's own browser download does not work offline.`,
    );
    process.exit(1);
  }
  console.log("Chromium is missing: installing Debian's chromium (apt-get) …");
  const ok =
    run("apt-get update", "apt-get", ["update"]) &&
    run("apt-get install chromium", "apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { DEBIAN_FRONTEND: "noninteractive" });
  if (!ok || !existsSync(CHROMIUM)) {
    console.error("Installing chromium failed; see the output above.");
    process.exit(1);
  }
}

interface Tally {
  passed: number;
  failed: number;
}

function vitestTally(file: string): Tally | null {
  if (!existsSync(file)) return null;
  const json = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; numFailedTestSuites: number };
  // A file that fails to load counts as a failure even with no test in it.
  const brokenFiles = json.numFailedTestSuites > 0 && json.numFailedTests === 0 ? json.numFailedTestSuites : 0;
  return { passed: json.numPassedTests, failed: json.numFailedTests + brokenFiles };
}

function playwrightTally(file: string): Tally | null {
  if (!existsSync(file)) return null;
  const json = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number }; errors?: unknown[] };
  return { passed: json.stats.expected + json.stats.flaky, failed: json.stats.unexpected + (json.errors?.length ?? 0) };
}

function main() {
  ensureChromium();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const total: Tally = { passed: 0, failed: 0 };
  const lines: string[] = [];
  const add = (suite: string, t: Tally | null, ok: boolean) => {
    const tally = t ?? { passed: 0, failed: 1 };
    if (!ok && tally.failed === 0) tally.failed = 1; // the runner failed without failing a test (e.g. crashed set-up)
    total.passed += tally.passed;
    total.failed += tally.failed;
    lines.push(`${suite}: ${tally.passed} passed, ${tally.failed} failed`);
  };

  const typesOk = run("typecheck", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
  add("typecheck", { passed: typesOk ? 1 : 0, failed: typesOk ? 0 : 1 }, typesOk);

  const lintOk = run("eslint (layering rules)", bin("eslint"), ["."]);
  add("eslint", { passed: lintOk ? 1 : 0, failed: lintOk ? 0 : 1 }, lintOk);

  const vitestJson = path.join(OUT, "vitest.json");
  const vitestOk = run("vitest (unit + integration)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
  add("vitest", vitestTally(vitestJson), vitestOk);

  const buildOk = run("next build (production)", bin("next"), ["build"], { NODE_ENV: "production" });
  if (!buildOk) {
    add("e2e", { passed: 0, failed: 1 }, false);
  } else {
    const pwJson = path.join(OUT, "playwright.json");
    const pwOk = run("playwright (Chromium)", bin("playwright"), ["test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson, CI: "1" });
    add("e2e", playwrightTally(pwJson), pwOk);
  }

  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  console.log(`\n${lines.join("\n")}\nall suites in ${minutes} min`);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  process.exit(total.failed === 0 ? 0 : 1);
}

main();
