// npm run bench:dashboard — the dashboard's queries on a year of tracker runs (bench:recalc's generator: 100
// projects, 3 sites, 2 cloud regions, 12 months; 1.6 ledger lines per run: 60 % on own hardware → LB + MB, 40 % on
// cloud → one line), recalculated, beside an N-1 year of a tenth of the runs (its rollups are what the movers and N-1
// cards read; their size depends on the groups, not the line count). Prints p50 and p95 of every query the dashboard
// runs, in both methods, then of what the page waits for (getDashboardInventory), of the tracker panel (read from
// run_day_totals, decision 0025), of the API (getDashboard: GET /api/orgs/{org}/dashboard, with the tracker panel)
// and of the lines page opened from a bar. Target (issue 13): p95 < 150 ms at 10,000,000 ledger lines.
//   SCOPEBOOK_BENCH_LINES (or BENCH_LINES; default 10000000): FY2025's ledger lines, comma-separated for several
//     sizes; the runs generated are lines / 1.6 (SCOPEBOOK_BENCH_RECORDS=<runs> sets the runs instead).
//     10,000,000 lines take ~15 min to generate and recalculate on 2 cores and over 7 GB of disk; 1000000 is a quick check.
//   SCOPEBOOK_BENCH_RUNS (default 40 per query)   SCOPEBOOK_BENCH_PG_PORT=54471   database port
import { execSync } from "node:child_process";
import os from "node:os";
import { benchMember, withBenchDatabase } from "./bench/database";
import { benchFactors, benchProjectsAndSites, benchRuns } from "./bench/generate-runs";

const log = (line: string) => console.log(`[bench:dashboard] ${line}`);
/** Ledger lines per generated run (60 % two lines, 40 % one). */
const LINES_PER_RUN = 1.6;
const load = () => execSync("uptime").toString().trim();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(name: string, runs: number, fn: () => Promise<unknown>): Promise<string> {
  await fn(); // warm: plans cached, pages in memory
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const line = `${name.padEnd(44)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms`;
  log(`  ${line}`);
  return line;
}

async function main() {
  const lineSizes = process.env.SCOPEBOOK_BENCH_LINES ?? process.env.BENCH_LINES ?? "10000000";
  const sizes = process.env.SCOPEBOOK_BENCH_RECORDS
    ? process.env.SCOPEBOOK_BENCH_RECORDS.split(",").map(Number)
    : lineSizes.split(",").map((l) => Math.round(Number(l) / LINES_PER_RUN));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`SCOPEBOOK_BENCH_LINES / SCOPEBOOK_BENCH_RECORDS must be positive numbers, got ${process.env.SCOPEBOOK_BENCH_RECORDS ?? lineSizes}`);
  const runs = Number(process.env.SCOPEBOOK_BENCH_RUNS ?? 40);
  const results = await withBenchDatabase("dashboard", 54471, log, async () => {
    const { prisma } = await import("../lib/db/client");
    const { recalculatePeriod } = await import("../lib/services/inventory/recalculate-period");
    const { getDashboard, getDashboardInventory } = await import("../lib/services/inventory/get-dashboard");
    const { getLedgerLines } = await import("../lib/services/inventory/get-ledger-lines");
    const { latestInputChange } = await import("../lib/services/inventory/staleness/input-changes");
    const { cardsQuery, monthlySplit, breakdowns, movers } = await import("../lib/services/inventory/dashboard/inventory-figures");
    const { sumsBy } = await import("../lib/services/inventory/dashboard/dimensions");
    const { trackerEnergy } = await import("../lib/services/inventory/dashboard/tracker-energy");
    await benchFactors(prisma);
    const out: string[] = [];
    for (const n of sizes) {
      const ctx = await benchMember(`dash-${n}`, "OFFICER");
      const org = ctx.organization.id;
      let t = performance.now();
      await benchProjectsAndSites(prisma, org);
      await benchRuns(prisma, org, n, 2025);
      await benchRuns(prisma, org, Math.max(1, Math.round(n / 10)), 2024);
      log(`${n.toLocaleString("en")} + ${Math.round(n / 10).toLocaleString("en")} runs generated in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed)`);
      const mk = (name: string, y: number) =>
        prisma.reportingPeriod.create({ data: { organizationId: org, name, startDate: new Date(`${y}-01-01T00:00:00Z`), endDate: new Date(`${y}-12-31T00:00:00Z`), consolidationApproach: "OPERATIONAL_CONTROL" } });
      const [p24, p25] = [await mk("FY2024", 2024), await mk("FY2025", 2025)];
      t = performance.now();
      const r24 = await recalculatePeriod({ ctx, input: { periodId: p24.id } });
      const r25 = await recalculatePeriod({ ctx, input: { periodId: p25.id } });
      const [rollups] = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM ledger_rollups WHERE organization_id = ${org}::uuid AND calculation_version_id = ${r25.versionId}::uuid`;
      log(`  recalculated in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed): FY2025 ${r25.lines.toLocaleString("en")} ledger lines in ${Number(rollups.n).toLocaleString("en")} rollup rows, FY2024 ${r24.lines.toLocaleString("en")} lines`);
      await prisma.$executeRawUnsafe("ANALYZE ledger_rollups");
      await prisma.$executeRawUnsafe("ANALYZE ledger_resolutions");
      await prisma.$executeRawUnsafe("ANALYZE run_day_totals");
      const [summary] = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM run_day_totals WHERE organization_id = ${org}::uuid`;
      log(`  tracker panel: ${(n + Math.round(n / 10)).toLocaleString("en")} runs held in ${Number(summary.n).toLocaleString("en")} run_day_totals rows`);
      log(`  load before: ${load()}`);
      const v = { organizationId: org, versionId: r25.versionId };
      const period = { startDate: p25.startDate, endDate: p25.endDate };
      const version = await prisma.calculationVersion.findFirstOrThrow({ where: { id: r25.versionId, organizationId: org }, select: { id: true, createdAt: true } });
      const lines = `${r25.lines.toLocaleString("en")} lines`;
      out.push(`${lines} (FY2025) + ${r24.lines.toLocaleString("en")} (FY2024), ${runs} runs per query:`);
      for (const method of ["market", "location"] as const) {
        log(` ${method}-based:`);
        const m = (name: string, fn: () => Promise<unknown>) => measure(`${method} ${name}`, runs, fn).then((l) => out.push(`  ${l}`));
        await m("cards (version breakdown)", () => cardsQuery(prisma, v));
        await m("cards N-1 (version breakdown)", () => cardsQuery(prisma, { organizationId: org, versionId: r24.versionId }));
        await m("monthly scope split", () => monthlySplit(prisma, v, method));
        for (const d of ["category", "project", "site", "source", "location"] as const) await m(`by ${d}`, () => sumsBy(prisma, org, r25.versionId, method, d));
        await m("breakdowns (5 in parallel)", () => breakdowns(prisma, v, method));
        await m("movers against N-1", () => movers(prisma, v, r24.versionId, method));
        await m("page: getDashboardInventory (all of the above)", () => getDashboardInventory({ ctx, input: { period: p25.id, method } }));
        await m("API: getDashboard (+ tracker panel)", () => getDashboard({ ctx, input: { period: p25.id, method } }));
        await m("lines page from a month bar (500 lines)", () => getLedgerLines({ ctx, input: { periodId: p25.id, view: method === "market" ? "mb" : "lb", month: "2025-03", scope: "SCOPE_2" } }));
      }
      log(" method-independent:");
      const m = (name: string, fn: () => Promise<unknown>) => measure(name, runs, fn).then((l) => out.push(`  ${l}`));
      await m("periods (picker, current versions)", () => prisma.reportingPeriod.findMany({ where: { organizationId: org }, include: { calcVersions: { where: { isCurrent: true } } } }));
      await m("staleness (audit events since)", () => latestInputChange(prisma, org, version, period));
      await m("tracker energy panel (run_day_totals; streamed)", () => trackerEnergy(prisma, org));
      log(`  load after: ${load()}`);
    }
    return out;
  });
  log(`machine: ${os.cpus().length} cores; ${load()}`);
  for (const r of results) log(r);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
