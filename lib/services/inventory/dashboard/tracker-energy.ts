// The dashboard's tracker panel: totals of tracker runs (each run counted once, with its final totals) and a series
// by day or month. It reads `run_day_totals` — the organization's runs summed per UTC day of last_measured_at, kept
// equal to the runs by statement-level triggers (migration 0016, decision 0025) — never the runs themselves: at most
// a few rows per day the organization has runs on, whatever the number of runs. Months are the day rows grouped, in
// the same query. Sums are exact (numeric in Postgres, strings here); rounding is display-only. This panel reads
// runs, not the ledger: it shows what trackers reported, calculated or not.
import type { Db } from "../../../db/client";
import type { TrackerEnergy } from "../../../views/dashboard";

type Row = { g: number; day: string | null; month: string | null; energy: string; emissions: string; runs: bigint };

/** within: "all", or the date ranges a scoped auditor's engagements cover (runs measured on a day in one of them). */
export async function trackerEnergy(db: Db, organizationId: string, within: "all" | { startDate: Date; endDate: Date }[] = "all"): Promise<TrackerEnergy> {
  const all = within === "all";
  const starts = all ? [] : within.map((r) => r.startDate.toISOString().slice(0, 10));
  const ends = all ? [] : within.map((r) => r.endDate.toISOString().slice(0, 10));
  // A day may be held in several rows (deltas not merged yet): each group sums them. A sum over runs that all lack
  // the quantity is 0, as sum() over runs would give NULL, coalesced to 0 (runs_with_* count the others).
  const [rows, projects, imports] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT GROUPING(day, month)::int AS g, to_char(day, 'YYYY-MM-DD') AS day, to_char(month, 'YYYY-MM') AS month,
             (CASE WHEN sum(runs_with_energy) > 0 THEN sum(energy_kwh) ELSE 0 END)::text AS energy,
             (CASE WHEN sum(runs_with_emissions) > 0 THEN sum(tracker_emissions_kg_co2e) ELSE 0 END)::text AS emissions,
             coalesce(sum(runs), 0)::bigint AS runs
        FROM (SELECT day, date_trunc('month', day)::date AS month, energy_kwh, tracker_emissions_kg_co2e, runs, runs_with_energy, runs_with_emissions
                FROM run_day_totals WHERE organization_id = ${organizationId}::uuid
                 AND (${all} OR EXISTS (SELECT 1 FROM unnest(${starts}::date[], ${ends}::date[]) AS r(s, e) WHERE day BETWEEN r.s AND r.e))) t
       GROUP BY GROUPING SETS ((), (day), (month))
      HAVING GROUPING(day, month) = 3 OR sum(runs) > 0`,
    db.project.count({ where: { organizationId } }),
    db.import.count({ where: { organizationId, status: "COMMITTED" } }),
  ]);
  // GROUPING(day, month): 3 the total, 1 a day, 2 a month. Runs never measured (day null) are in the total only.
  const total = rows.find((r) => r.g === 3) ?? { energy: "0", emissions: "0", runs: BigInt(0) };
  const days = rows.filter((r) => r.g === 1 && r.day !== null).sort((a, b) => (a.day! < b.day! ? -1 : 1));
  const months = rows.filter((r) => r.g === 2 && r.month !== null).sort((a, b) => (a.month! < b.month! ? -1 : 1));
  const at = (day: string) => Date.parse(`${day}T00:00:00Z`);
  const spanDays = days.length ? (at(days[days.length - 1].day!) - at(days[0].day!)) / 86_400_000 : 0;
  const granularity = spanDays > 62 ? "month" : "day";
  return {
    totals: { energyKwh: total.energy, trackerEmissionsKgCo2e: total.emissions, runs: Number(total.runs), projects, imports },
    series: (granularity === "day" ? days.map((r) => [r.day!, r] as const) : months.map((r) => [r.month!, r] as const)).map(([bucket, r]) => ({
      bucket,
      energyKwh: r.energy,
      trackerEmissionsKgCo2e: r.emissions,
    })),
    granularity,
  };
}
