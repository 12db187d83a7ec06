// npm run bench:recalc — recalculation of a full year and the E1-6 aggregate, on a throwaway embedded Postgres.
// Generates ledger-producing records in SQL (generate_series): tracker runs across 100 projects and 12 months,
// 60 % on the organization's own hardware in three sites (Scope 2: LB + MB lines), 40 % on cloud regions (Scope 3
// cat. 1), then times recalculatePeriod (the service the inventory page calls) and the E1-6 query from rollups.
//   SCOPEBOOK_BENCH_RECORDS (default 1000000,10000000: the 10M case; 10M takes ~20 min to generate)      SCOPEBOOK_BENCH_PG_PORT=54470   database port
import { execSync } from "node:child_process";
import os from "node:os";
import { benchMember, withBenchDatabase } from "./bench/database";
import { databaseCpu } from "./bench/database-cpu";
import { benchFactors, benchProjectsAndSites, benchRuns } from "./bench/generate-runs";

const log = (line: string) => console.log(`[bench:recalc] ${line}`);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = () => execSync("uptime").toString().trim();

async function main() {
  process.env.SCOPEBOOK_RECALC_PHASES = "1"; // recalculatePeriod prints where its time goes
  const sizes = (process.env.SCOPEBOOK_BENCH_RECORDS ?? "1000000,10000000").split(",").map(Number);
  const results = await withBenchDatabase("recalc", 54470, log, async ({ pgDir }) => {
    const { prisma } = await import("../lib/db/client");
    const results: string[] = [];
    const { recalculatePeriod } = await import("../lib/services/inventory/recalculate-period");
    const { versionE16 } = await import("../lib/services/inventory/ledger/version-figures");
    const { e1Datapoints } = await import("../lib/services/inventory/e1-datapoints");

    await benchFactors(prisma);

    for (const n of sizes) {
      const ctx = await benchMember(`bench-${n}`, "OFFICER");
      const org = ctx.organization.id;
      const t0 = performance.now();
      await benchProjectsAndSites(prisma, org);
      await benchRuns(prisma, org, n);
      log(`${n.toLocaleString("en")} runs generated in ${s(performance.now() - t0)} (not timed)`);
      const period = await prisma.reportingPeriod.create({ data: { organizationId: org, name: "FY2025", startDate: new Date("2025-01-01T00:00:00Z"), endDate: new Date("2025-12-31T00:00:00Z"), consolidationApproach: "OPERATIONAL_CONTROL", netRevenue: "250000000" } });

      log(`  load before: ${load()}`);
      const cpu0 = databaseCpu(pgDir);
      const t1 = performance.now();
      const out = await recalculatePeriod({ ctx, input: { periodId: period.id } });
      const recalcMs = performance.now() - t1;
      const cpuPerLine = `${(((databaseCpu(pgDir) - cpu0) * 1e6) / out.lines).toFixed(1)} µs`;
      log(`  recalculation: ${s(recalcMs)} — ${out.lines.toLocaleString("en")} ledger lines (${out.unresolvedLines.toLocaleString("en")} unresolved), version ${out.versionNumber}; database CPU ${cpuPerLine} per line`);
      const t2 = performance.now();
      const again = await recalculatePeriod({ ctx, input: { periodId: period.id } });
      log(`  second recalculation (unchanged, idempotent): ${s(performance.now() - t2)}, changed=${again.changed}`);
      const [size] = await prisma.$queryRaw<{ lines: string; rollups: string }[]>`
        SELECT pg_size_pretty(pg_total_relation_size(scopebook_ledger_partition_of(${out.versionId}::uuid))) AS lines, pg_size_pretty(pg_total_relation_size('ledger_rollups')) AS rollups`;
      log(`  the version's lines take ${size.lines} with their index; rollups ${size.rollups}`);
      // An open period after new data: one run changed, the version recalculated in place (its partition replaced).
      await prisma.$executeRaw`UPDATE runs SET energy_kwh = energy_kwh + 1 WHERE id = (SELECT id FROM runs WHERE organization_id = ${org}::uuid LIMIT 1)`;
      const t3 = performance.now();
      const inPlace = await recalculatePeriod({ ctx, input: { periodId: period.id } });
      log(`  recalculation after one run changed (open period, in place): ${s(performance.now() - t3)}, changed=${inPlace.changed}, version ${inPlace.versionNumber}`);
      const times: number[] = [];
      let e16;
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        e16 = await versionE16(prisma, org, out.versionId, "250000000");
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)];
      log(`  E1-6 aggregate from rollups: median ${median.toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms (20 runs); total LB ${e16!.totalLbKgCo2e} kg, MB ${e16!.totalMbKgCo2e} kg`);
      // E1-5 and the E1-6 extras read the version's rollups grouped by resolution (decisions 0019, 0020): no target in the issue; measured.
      const e1Times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await e1Datapoints(prisma, org, out.versionId);
        e1Times.push(performance.now() - t);
      }
      e1Times.sort((a, b) => a - b);
      const e1Median = e1Times[2];
      log(`  E1-5 and E1-6 extras (version breakdown from rollups): median ${e1Median.toFixed(1)} ms, max ${e1Times[4].toFixed(1)} ms (5 runs)`);
      log(`  load after: ${load()}`);
      results.push(`${n.toLocaleString("en")} records: recalculation ${s(recalcMs)} (target < 60 s; database CPU ${cpuPerLine} per line), E1-6 aggregate ${median.toFixed(1)} ms median (target < 150 ms), E1-5/E1-6 extras ${e1Median.toFixed(1)} ms median, ${out.lines.toLocaleString("en")} lines`);
    }
    return results;
  });
  log(`machine: ${os.cpus().length} cores; ${load()}`);
  for (const r of results) log(r);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
