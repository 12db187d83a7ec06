// The cloud-export case of npm run bench:ingest (BENCH_SOURCE=gcp): a synthetic Google Cloud Carbon Footprint
// export of 1,000,000 rows (SCOPEBOOK_BENCH_ROWS to change) through the same services as the UI — upload →
// preview → confirm → committed provider rows — on a throwaway embedded Postgres. Prints rows/s, Node's and the
// database's CPU per row, and peak RSS (with what the heap held at the peak). Targets: ≥ 75,000 rows/s, peak RSS
// < 400 MB.
import { createReadStream, rmSync } from "node:fs";
import path from "node:path";
import { benchMember, generateInChild, withBenchDatabase } from "./database";
import { databaseCpu, loadAverage, mb, nodeCpu } from "./measure";

const log = (line: string) => console.log(`[bench:ingest gcp] ${line}`);
const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString("en")} rows/s`;

/** Peak RSS sampled every 50 ms, with the phase it was reached in and what V8 held then. */
function peakTracker() {
  let phase = "start";
  let peak = { rss: process.memoryUsage.rss(), phase, detail: "" };
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peak.rss) peak = { rss: m.rss, phase, detail: `heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, external ${mb(m.external)}, array buffers ${mb(m.arrayBuffers)}` };
  };
  const timer = setInterval(sample, 50);
  return {
    phase: (p: string) => (phase = p),
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

export async function benchGcpIngest(): Promise<void> {
  const sizes = (process.env.SCOPEBOOK_BENCH_ROWS ?? "1000000").split(",").map(Number);
  const results = await withBenchDatabase("gcp", 54460, log, async ({ dir, pgDir }) => {
    const { uploadImport } = await import("../../lib/services/imports/upload-import");
    const { confirmImport } = await import("../../lib/services/imports/confirm-import");
    const results: string[] = [];
    for (const rows of sizes) {
      const file = path.join(dir, `gcp-${rows}.csv`);
      const bytes = generateInChild("generate-gcp-csv.ts", file, rows);
      log(`${rows.toLocaleString("en")} rows: generated ${mb(bytes)} (not timed)`);
      const ctx = await benchMember(`bench-gcp-${rows}`, "ENGINEER");

      log(`  RSS before: ${mb(process.memoryUsage.rss())}, heap used ${mb(process.memoryUsage().heapUsed)}`);
      const peak = peakTracker();
      peak.phase("upload + preview");
      const cpu0 = process.cpuUsage();
      const db0 = databaseCpu(pgDir);
      const t0 = performance.now();
      const uploaded = await uploadImport({
        ctx,
        input: { fileName: `gcp-${rows}.csv`, contentType: "text/csv", body: createReadStream(file, { highWaterMark: 1 << 20 }), maxBytes: 4 * 1024 ** 3 },
      });
      const t1 = performance.now();
      const cpu1 = process.cpuUsage();
      const db1 = databaseCpu(pgDir);
      peak.phase("commit");
      log(`  upload + preview: ${((t1 - t0) / 1000).toFixed(1)} s (${rate(rows, t1 - t0)}), ${uploaded.import.rowsFailed} rows with errors; RSS ${mb(process.memoryUsage.rss())}`);
      const view = await confirmImport({ ctx, input: { importId: uploaded.importId }, wait: true });
      const t2 = performance.now();
      const cpu2 = process.cpuUsage();
      const db2 = databaseCpu(pgDir);
      const top = peak.stop();
      if (view.status !== "COMMITTED") throw new Error(`import ended ${view.status}: ${view.failureReason}`);
      const perRow = (s: number) => `${s.toFixed(1)} s = ${((s / rows) * 1e6).toFixed(1)} µs/row`;
      const line =
        `${rows.toLocaleString("en").padStart(9)} GCP rows (${mb(bytes)}): ${rate(rows, t2 - t0)} end to end, total ${((t2 - t0) / 1000).toFixed(1)} s ` +
        `(upload+preview ${((t1 - t0) / 1000).toFixed(1)} s at ${rate(rows, t1 - t0)}, commit ${((t2 - t1) / 1000).toFixed(1)} s at ${rate(rows, t2 - t1)}), ` +
        `peak RSS ${mb(top.rss)}; ${view.rowsImported.toLocaleString("en")} provider rows imported`;
      results.push(
        line,
        `    CPU, upload + preview: Node ${perRow(nodeCpu(cpu0, cpu1))}, database ${perRow(db1 - db0)}`,
        `    CPU, commit: Node ${perRow(nodeCpu(cpu1, cpu2))}, database ${perRow(db2 - db1)}`,
        `    peak RSS during ${top.phase} (${top.detail}); load average ${loadAverage()}`,
      );
      for (const r of results.slice(-4)) log(r);
      rmSync(file, { force: true });
    }
    return results;
  });
  console.log("\nbench:ingest gcp results (targets: ≥ 75,000 rows/s, peak RSS < 400 MB)");
  for (const r of results) console.log(r);
}
