// The dashboard's tracker panel: totals of tracker runs (each run counted once, with its final totals) and a series
// by day or month, in one scan of the organization's runs (both granularities grouped at once; the span picks one).
// Sums are exact (numeric in Postgres, strings here); rounding is display-only. This panel reads runs, not the
// ledger: it shows what trackers reported, calculated or not.
import type { Db } from "../../../db/client";
import type { TrackerEnergy } from "../../../views/dashboard";

type Row = { g: number; day: Date | null; month: Date | null; energy: string; emissions: string; runs: bigint };

/** within: "all", or the date ranges a scoped auditor's engagements cover (runs measured in one of them). */
export async function trackerEnergy(db: Db, organizationId: string, within: "all" | { startDate: Date; endDate: Date }[] = "all"): Promise<TrackerEnergy> {
  const all = within === "all";
  const starts = all ? [] : within.map((r) => r.startDate.toISOString().slice(0, 10));
  const ends = all ? [] : within.map((r) => r.endDate.toISOString().slice(0, 10));
  const [rows, projects, imports] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT GROUPING(date_trunc('day', last_measured_at), date_trunc('month', last_measured_at))::int AS g, date_trunc('day', last_measured_at) AS day, date_trunc('month', last_measured_at) AS month,
             coalesce(sum(energy_kwh), 0)::text AS energy, coalesce(sum(tracker_emissions_kg_co2e), 0)::text AS emissions, count(*) AS runs
        FROM runs WHERE organization_id = ${organizationId}::uuid
         AND (${all} OR EXISTS (SELECT 1 FROM unnest(${starts}::date[], ${ends}::date[]) AS r(s, e) WHERE last_measured_at >= r.s AND last_measured_at < r.e + 1))
       GROUP BY GROUPING SETS ((), (date_trunc('day', last_measured_at)), (date_trunc('month', last_measured_at)))`,
    db.project.count({ where: { organizationId } }),
    db.import.count({ where: { organizationId, status: "COMMITTED" } }),
  ]);
  // GROUPING(day, month): 3 the total, 1 a day, 2 a month. Runs never measured are in the total only.
  const total = rows.find((r) => r.g === 3) ?? { energy: "0", emissions: "0", runs: BigInt(0) };
  const days = rows.filter((r) => r.g === 1 && r.day !== null).sort((a, b) => a.day!.getTime() - b.day!.getTime());
  const months = rows.filter((r) => r.g === 2 && r.month !== null).sort((a, b) => a.month!.getTime() - b.month!.getTime());
  const spanDays = days.length ? (days[days.length - 1].day!.getTime() - days[0].day!.getTime()) / 86_400_000 : 0;
  const granularity = spanDays > 62 ? "month" : "day";
  return {
    totals: { energyKwh: total.energy, trackerEmissionsKgCo2e: total.emissions, runs: Number(total.runs), projects, imports },
    series: (granularity === "day" ? days.map((r) => [r.day!, r] as const) : months.map((r) => [r.month!, r] as const)).map(([at, r]) => ({
      bucket: at.toISOString().slice(0, granularity === "day" ? 10 : 7),
      energyKwh: r.energy,
      trackerEmissionsKgCo2e: r.emissions,
    })),
    granularity,
  };
}
