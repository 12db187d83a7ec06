// The cloud-export case of npm run bench:ingest (BENCH_SOURCE=gcp): a synthetic Google Cloud Carbon Footprint
// export of 1,000,000 rows (SCOPEBOOK_BENCH_ROWS to change) through the same services as the UI — upload →
// preview → confirm → committed provider rows — on a throwaway embedded Postgres. Prints rows/s and peak RSS.
// Targets: ≥ 75,000 rows/s, peak RSS < 400 MB.
import { chmodSync, createReadStream, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateGcpCsv } from "./generate-gcp-csv";

const log = (line: string) => console.log(`[bench:ingest gcp] ${line}`);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString("en")} rows/s`;

export async function benchGcpIngest(): Promise<void> {
  const sizes = (process.env.SCOPEBOOK_BENCH_ROWS ?? "1000000").split(",").map(Number);
  const dir = mkdtempSync(path.join(os.tmpdir(), "scopebook-bench-gcp-"));
  chmodSync(dir, 0o755);
  process.env.SCOPEBOOK_DATA_DIR = path.join(dir, "data");
  delete process.env.DATABASE_URL;
  const { startEmbeddedPostgres } = await import("../../lib/db/embedded");
  const { migrate } = await import("../../lib/db/migrate");
  const db = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: Number(process.env.SCOPEBOOK_BENCH_PG_PORT ?? 54460), log });
  process.env.DATABASE_URL = db.url;
  const results: string[] = [];
  try {
    await migrate(db.url, path.join(process.cwd(), "prisma", "migrations"));
    const { prisma } = await import("../../lib/db/client");
    const { requireMembership } = await import("../../lib/auth/context");
    const { createOrganization } = await import("../../lib/services/create-organization");
    const { uploadImport } = await import("../../lib/services/upload-import");
    const { confirmImport } = await import("../../lib/services/confirm-import");
    for (const rows of sizes) {
      const file = path.join(dir, `gcp-${rows}.csv`);
      const bytes = await generateGcpCsv(file, { rows });
      log(`${rows.toLocaleString("en")} rows: generated ${mb(bytes)} (not timed)`);
      const slug = `bench-gcp-${rows}`;
      const email = `engineer@${slug}.test`;
      await createOrganization({ db: prisma, input: { slug, name: slug, members: [{ email, name: "Bench", password: "bench-password-123", role: "ENGINEER" }] } });
      const user = await prisma.user.findUniqueOrThrow({ where: { email } });
      const ctx = await requireMembership({ userId: user.id, orgSlug: slug, requestId: "bench" });

      let peak = process.memoryUsage.rss();
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
      const t0 = performance.now();
      const uploaded = await uploadImport({
        ctx,
        input: { fileName: `gcp-${rows}.csv`, contentType: "text/csv", body: createReadStream(file, { highWaterMark: 1 << 20 }), maxBytes: 4 * 1024 ** 3 },
      });
      const t1 = performance.now();
      log(`  upload + preview: ${((t1 - t0) / 1000).toFixed(1)} s (${rate(rows, t1 - t0)}), ${uploaded.import.rowsFailed} rows with errors`);
      const view = await confirmImport({ ctx, input: { importId: uploaded.importId }, wait: true });
      const t2 = performance.now();
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage.rss());
      if (view.status !== "COMMITTED") throw new Error(`import ended ${view.status}: ${view.failureReason}`);
      const line =
        `${rows.toLocaleString("en").padStart(9)} GCP rows (${mb(bytes)}): ${rate(rows, t2 - t0)} end to end, total ${((t2 - t0) / 1000).toFixed(1)} s ` +
        `(upload+preview ${((t1 - t0) / 1000).toFixed(1)} s at ${rate(rows, t1 - t0)}, commit ${((t2 - t1) / 1000).toFixed(1)} s at ${rate(rows, t2 - t1)}), ` +
        `peak RSS ${mb(peak)}; ${view.rowsImported.toLocaleString("en")} provider rows imported`;
      results.push(line);
      log(line);
      rmSync(file, { force: true });
    }
    await prisma.$disconnect();
  } finally {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log("\nbench:ingest gcp results (targets: ≥ 75,000 rows/s, peak RSS < 400 MB)");
  for (const r of results) console.log(r);
}
