// npm run bench:pack — the evidence pack (decision 0028) of a signed year, on a throwaway embedded Postgres: a
// demo-like year and a year of ~1M ledger lines (bench-recalc's generator: tracker runs, 60 % on own hardware with a
// location- and a market-based line each, 40 % in cloud regions with one). Times exportEvidencePack with the zip
// drained to a file (as a download would), samples the process's RSS every 20 ms while it runs, then runs
// verify-pack.mjs on the zip. Target: < 10 s for 1M lines, memory flat.
//   SCOPEBOOK_BENCH_RUNS (default 3000,625000)   SCOPEBOOK_BENCH_PG_PORT=54480
import { spawnSync } from "node:child_process";
import { createWriteStream, statSync } from "node:fs";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { withBenchDatabase } from "./bench/database";
import { benchFactors, benchProjectsAndSites, benchRuns } from "./bench/generate-runs";

const log = (line: string) => console.log(`[bench:pack] ${line}`);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

async function main() {
  process.env.SCOPEBOOK_PACK_PHASES = "1";
  const sizes = (process.env.SCOPEBOOK_BENCH_RUNS ?? "3000,625000").split(",").map(Number);
  const results = await withBenchDatabase("pack", 54480, log, async ({ dir }) => {
    const { prisma } = await import("../lib/db/client");
    const { requireMembership } = await import("../lib/auth/context");
    const { createOrganization } = await import("../lib/services/organizations/create-organization");
    const { recalculatePeriod } = await import("../lib/services/inventory/recalculate-period");
    const { submitPeriod } = await import("../lib/services/periods/submit-period");
    const { approvePeriod } = await import("../lib/services/periods/approve-period");
    const { exportEvidencePack } = await import("../lib/services/assurance/export-evidence-pack");
    await benchFactors(prisma);
    const out: string[] = [];
    for (const n of sizes) {
      const slug = `pack-${n}`;
      await createOrganization({ db: prisma, input: { slug, name: `Bench ${n}`, members: [{ email: `officer@${slug}.test`, name: "Olga Officer", password: "bench-password-123", role: "OFFICER" }, { email: `admin@${slug}.test`, name: "Adam Admin", password: "bench-password-123", role: "ADMIN" }] } });
      const ctxOf = async (email: string) => requireMembership({ userId: (await prisma.user.findUniqueOrThrow({ where: { email } })).id, orgSlug: slug, requestId: "bench" });
      const officer = await ctxOf(`officer@${slug}.test`), admin = await ctxOf(`admin@${slug}.test`);
      const org = officer.organization.id;
      await benchProjectsAndSites(prisma, org);
      await benchRuns(prisma, org, n);
      const period = await prisma.reportingPeriod.create({ data: { organizationId: org, name: "FY2025", startDate: new Date("2025-01-01T00:00:00Z"), endDate: new Date("2025-12-31T00:00:00Z"), consolidationApproach: "OPERATIONAL_CONTROL", netRevenue: "250000000" } });
      const calc = await recalculatePeriod({ ctx: officer, input: { periodId: period.id } });
      await submitPeriod({ ctx: officer, input: { periodId: period.id } });
      await approvePeriod({ ctx: admin, input: { periodId: period.id } });
      log(`${n.toLocaleString("en")} runs → ${calc.lines.toLocaleString("en")} ledger lines, signed (not timed)`);

      global.gc?.();
      const rss0 = process.memoryUsage().rss;
      let peak = rss0;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const t0 = performance.now();
      const pack = await exportEvidencePack({ ctx: admin, input: { periodId: period.id } });
      const file = path.join(dir, pack.fileName);
      const sink = createWriteStream(file);
      await pipeline(pack.stream, sink);
      if (!sink.closed) await once(sink, "close");
      const ms = performance.now() - t0;
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      const size = statSync(file).size;
      log(`  pack: ${s(ms)}, ${mb(size)} zip; RSS before ${mb(rss0)}, peak while packing ${mb(peak)} (+${mb(peak - rss0)})`);
      const t1 = performance.now();
      const v = spawnSync(process.execPath, ["scripts/verify-pack.mjs", file], { encoding: "utf8", maxBuffer: 1 << 24 });
      const failedChecks = v.stdout.split("\n").filter((l) => l.startsWith("FAIL"));
      log(`  verify-pack.mjs: exit ${v.status} in ${s(performance.now() - t1)}${failedChecks.length ? `; ${failedChecks.join(" | ")}` : ""}`);
      out.push(`${calc.lines.toLocaleString("en")} lines: pack ${s(ms)} (target < 10 s for 1M), peak RSS ${mb(peak)} (+${mb(peak - rss0)} over ${mb(rss0)}), zip ${mb(size)}; verifier exit ${v.status} in ${s(performance.now() - t1)}`);
    }
    const { endPgPool } = await import("../lib/db/pool");
    await endPgPool();
    return out;
  });
  log(`machine: ${os.cpus().length} cores`);
  for (const r of results) log(r);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
