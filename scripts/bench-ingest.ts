// npm run bench:ingest — a synthetic CodeCarbon 3.x emissions.csv of 100,000 and 1,000,000 rows, ingested end to
// end through the services the UI uses (upload → preview → confirm → committed), on a throwaway embedded Postgres.
// Prints rows/s, total time and peak RSS per size. Targets: ≥ 75,000 rows/s, peak RSS < 400 MB.
//   SCOPEBOOK_BENCH_ROWS=100000,1000000   sizes to run       SCOPEBOOK_BENCH_PG_PORT=54460   database port
import { chmodSync, createReadStream, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { databaseCpu } from "./bench/database-cpu";

/** Generated in a child process: 400 MB of generated text would otherwise sit in this process's heap, measured. */
function generateCodecarbonCsv(file: string, opts: { rows: number }): number {
  const script = path.join(process.cwd(), "scripts", "bench", "generate-codecarbon-csv.ts");
  return Number(execFileSync(process.execPath, [...process.execArgv, script, file, String(opts.rows)], { encoding: "utf8" }).trim());
}

const log = (line: string) => console.log(`[bench:ingest] ${line}`);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Peak RSS over a stretch of work, sampled every 50 ms (process.resourceUsage().maxRSS never goes down). */
function rssSampler() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss());
  };
}

async function main() {
  log(`RSS at start: ${mb(process.memoryUsage.rss())}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} cores`);
  const sizes = (process.env.SCOPEBOOK_BENCH_ROWS ?? "100000,1000000").split(",").map(Number);
  const dir = mkdtempSync(path.join(os.tmpdir(), "scopebook-bench-ingest-"));
  chmodSync(dir, 0o755); // when root, Postgres runs as a created user that must reach its data folder
  process.env.SCOPEBOOK_DATA_DIR = path.join(dir, "data");
  delete process.env.DATABASE_URL;
  const { startEmbeddedPostgres } = await import("../lib/db/embedded");
  const { migrate } = await import("../lib/db/migrate");
  const pgDir = path.join(dir, "pg");
  const db = await startEmbeddedPostgres({ dataDir: pgDir, port: Number(process.env.SCOPEBOOK_BENCH_PG_PORT ?? 54460), log });
  process.env.DATABASE_URL = db.url;
  const results: string[] = [];
  try {
    await migrate(db.url, path.join(process.cwd(), "prisma", "migrations"));
    log(`RSS after database start and migrations: ${mb(process.memoryUsage.rss())}`);
    const { prisma } = await import("../lib/db/client");
    const { requireMembership } = await import("../lib/auth/context");
    const { createOrganization } = await import("../lib/services/create-organization");
    const { uploadImport } = await import("../lib/services/upload-import");
    const { confirmImport } = await import("../lib/services/confirm-import");
    const { getImport } = await import("../lib/services/get-import");

    for (const rows of sizes) {
      const file = path.join(dir, `emissions-${rows}.csv`);
      const bytes = generateCodecarbonCsv(file, { rows });
      log(`${rows.toLocaleString("en")} rows: generated ${mb(bytes)} (not timed)`);
      const slug = `bench-${rows}`;
      const email = `engineer@${slug}.test`;
      await createOrganization({ db: prisma, input: { slug, name: slug, members: [{ email, name: "Bench", password: "bench-password-123", role: "ENGINEER" }] } });
      log(`  RSS after creating the organization: ${mb(process.memoryUsage.rss())}`);
      const user = await prisma.user.findUniqueOrThrow({ where: { email } });
      const ctx = await requireMembership({ userId: user.id, orgSlug: slug, requestId: "bench" });

      log(`  RSS before: ${mb(process.memoryUsage.rss())}, heap used ${mb(process.memoryUsage().heapUsed)}`);
      const peakRss = rssSampler();
      const cpu0 = process.cpuUsage();
      const db0 = databaseCpu(pgDir);
      const t0 = performance.now();
      const uploaded = await uploadImport({
        ctx,
        input: { fileName: `emissions-${rows}.csv`, contentType: "text/csv", body: createReadStream(file, { highWaterMark: 1 << 20 }), maxBytes: 4 * 1024 ** 3 },
      });
      const t1 = performance.now();
      const cpu1 = process.cpuUsage();
      const db1 = databaseCpu(pgDir);
      log(`  RSS after preview: ${mb(process.memoryUsage.rss())}, heap used ${mb(process.memoryUsage().heapUsed)}, total ${mb(process.memoryUsage().heapTotal)}, external ${mb(process.memoryUsage().external)}, arrayBuffers ${mb(process.memoryUsage().arrayBuffers)}`);
      log(`  upload + preview: ${((t1 - t0) / 1000).toFixed(1)} s — ${uploaded.import.rowsTotal.toLocaleString("en")} rows, ${uploaded.import.runs} runs, ${uploaded.import.rowsFailed} with errors`);
      await confirmImport({ ctx, input: { importId: uploaded.importId } });
      // Poll like the page does, until the background commit is done.
      let view = await getImport({ ctx, input: { importId: uploaded.importId } });
      let lastLog = 0;
      while (view.status === "PROCESSING") {
        await new Promise((r) => setTimeout(r, 250));
        view = await getImport({ ctx, input: { importId: uploaded.importId } });
        if (performance.now() - lastLog > 2000) {
          lastLog = performance.now();
          const mu = process.memoryUsage();
          log(`  memory: rss ${mb(mu.rss)} heapUsed ${mb(mu.heapUsed)} heapTotal ${mb(mu.heapTotal)} external ${mb(mu.external)} arrayBuffers ${mb(mu.arrayBuffers)}`);
          log(`  writing: ${view.progress.percent}% of the file, ${view.progress.rowsProcessed.toLocaleString("en")} rows, ${view.progress.rowsPerSecond?.toLocaleString("en") ?? "…"} rows/s`);
        }
      }
      const t2 = performance.now();
      const cpu2 = process.cpuUsage();
      const db2 = databaseCpu(pgDir);
      const peak = peakRss();
      const nodeCpu = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user + b.system - a.user - a.system) / 1e6;
      const perRow = (s: number) => `${s.toFixed(1)} s = ${((s / rows) * 1e6).toFixed(1)} µs/row`;
      log(`  CPU, upload + preview: Node ${perRow(nodeCpu(cpu0, cpu1))}, database ${perRow(db1 - db0)}`);
      log(`  CPU, commit: Node ${perRow(nodeCpu(cpu1, cpu2))}, database ${perRow(db2 - db1)}`);
      if (view.status !== "COMMITTED") throw new Error(`import ended ${view.status}: ${view.failureReason}`);
      const total = (t2 - t0) / 1000;
      const line =
        `${rows.toLocaleString("en").padStart(9)} rows (${mb(bytes)}): ${Math.round(rows / total).toLocaleString("en")} rows/s end to end, ` +
        `total ${total.toFixed(1)} s (upload+preview ${((t1 - t0) / 1000).toFixed(1)} s at ${Math.round(rows / ((t1 - t0) / 1000)).toLocaleString("en")} rows/s, ` +
        `commit ${((t2 - t1) / 1000).toFixed(1)} s at ${Math.round(rows / ((t2 - t1) / 1000)).toLocaleString("en")} rows/s), peak RSS ${mb(peak)}; ` +
        `${view.rowsImported.toLocaleString("en")} imported, ${view.measurements.toLocaleString("en")} measurements`;
      results.push(line, `    CPU: Node ${perRow(nodeCpu(cpu0, cpu2))}, database ${perRow(db2 - db0)} (load average: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")})`);
      log(line);
      rmSync(file, { force: true });
    }
    await prisma.$disconnect();
  } finally {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log("\nbench:ingest results (targets: ≥ 75,000 rows/s, peak RSS < 400 MB)");
  for (const r of results) console.log(r);
  console.log(`process peak RSS (maxRSS): ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
