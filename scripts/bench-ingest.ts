// npm run bench:ingest — a synthetic CodeCarbon 3.x emissions.csv of 100,000 and 1,000,000 rows, ingested end to
// end through the services the UI uses (upload → preview → confirm → committed), on a throwaway embedded Postgres.
// Prints rows/s, total time and peak RSS per size. Targets: ≥ 75,000 rows/s, peak RSS < 400 MB.
//   SCOPEBOOK_BENCH_ROWS=100000,1000000   sizes to run       SCOPEBOOK_BENCH_PG_PORT=54460   database port
//   BENCH_SOURCE=gcp                      the cloud-export case instead (scripts/bench/ingest-gcp.ts)
import { createReadStream, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchMember, generateInChild, withBenchDatabase } from "./bench/database";
import { databaseCpu, loadAverage, mb, nodeCpu, rssSampler } from "./bench/measure";

const log = (line: string) => console.log(`[bench:ingest] ${line}`);

async function main() {
  process.env.SCOPEBOOK_IMPORT_PHASES = "1"; // the commit prints how its time splits between Node and the database
  // BENCH_SOURCE=gcp: the cloud-export case (1,000,000 Google Cloud Carbon Footprint rows), scripts/bench/ingest-gcp.ts.
  if (process.env.BENCH_SOURCE === "gcp") return (await import("./bench/ingest-gcp")).benchGcpIngest();
  log(`RSS at start: ${mb(process.memoryUsage.rss())}; load average ${loadAverage()} on ${os.cpus().length} cores`);
  const sizes = (process.env.SCOPEBOOK_BENCH_ROWS ?? "100000,1000000").split(",").map(Number);
  const results = await withBenchDatabase("ingest", 54460, log, async ({ dir, pgDir }) => {
    log(`RSS after database start and migrations: ${mb(process.memoryUsage.rss())}`);
    const { uploadImport } = await import("../lib/services/imports/upload-import");
    const { confirmImport } = await import("../lib/services/imports/confirm-import");
    const { getImport } = await import("../lib/services/imports/get-import");
    const results: string[] = [];

    for (const rows of sizes) {
      const file = path.join(dir, `emissions-${rows}.csv`);
      const bytes = generateInChild("generate-codecarbon-csv.ts", file, rows);
      log(`${rows.toLocaleString("en")} rows: generated ${mb(bytes)} (not timed)`);
      const ctx = await benchMember(`bench-${rows}`, "ENGINEER");
      log(`  RSS after creating the organization: ${mb(process.memoryUsage.rss())}`);

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
      results.push(line, `    CPU: Node ${perRow(nodeCpu(cpu0, cpu2))}, database ${perRow(db2 - db0)} (load average: ${loadAverage()})`);
      log(line);
      rmSync(file, { force: true });
    }
    return results;
  });
  console.log("\nbench:ingest results (targets: ≥ 75,000 rows/s, peak RSS < 400 MB)");
  for (const r of results) console.log(r);
  console.log(`process peak RSS (maxRSS): ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
