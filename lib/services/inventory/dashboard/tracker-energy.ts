// The dashboard's tracker panel: totals of tracker runs (each run counted once, with its final totals) and a series
// by day or month. Sums are exact (numeric in Postgres, strings here); rounding is display-only.
import type { Db } from "../../../db/client";
import type { TrackerEnergy } from "../../../views/dashboard";

export async function trackerEnergy(db: Db, organizationId: string): Promise<TrackerEnergy> {
  const org = organizationId;
  const [totals] = await db.$queryRaw<{ energy: string | null; emissions: string | null; runs: bigint; first: Date | null; last: Date | null }[]>`
    SELECT coalesce(sum(energy_kwh), 0)::text AS energy, coalesce(sum(tracker_emissions_kg_co2e), 0)::text AS emissions,
           count(*) AS runs, min(last_measured_at) AS first, max(last_measured_at) AS last
      FROM runs WHERE organization_id = ${org}::uuid`;
  const spanDays = totals.first && totals.last ? (totals.last.getTime() - totals.first.getTime()) / 86_400_000 : 0;
  const granularity = spanDays > 62 ? "month" : "day";
  const series = await db.$queryRaw<{ bucket: Date; energy: string; emissions: string }[]>`
    SELECT date_trunc(${granularity}, last_measured_at) AS bucket,
           coalesce(sum(energy_kwh), 0)::text AS energy, coalesce(sum(tracker_emissions_kg_co2e), 0)::text AS emissions
      FROM runs WHERE organization_id = ${org}::uuid AND last_measured_at IS NOT NULL
     GROUP BY 1 ORDER BY 1`;
  const [projects, imports] = await Promise.all([
    db.project.count({ where: { organizationId: org } }),
    db.import.count({ where: { organizationId: org, status: "COMMITTED" } }),
  ]);
  return {
    totals: { energyKwh: totals.energy ?? "0", trackerEmissionsKgCo2e: totals.emissions ?? "0", runs: Number(totals.runs), projects, imports },
    series: series.map((s) => ({ bucket: s.bucket.toISOString().slice(0, granularity === "day" ? 10 : 7), energyKwh: s.energy, trackerEmissionsKgCo2e: s.emissions })),
    granularity,
  };
}
