// Use case: the organization dashboard: totals of tracker runs (each run counted once, with its final totals)
// and a series by day or month. Sums are exact (numeric in Postgres, strings here); rounding is display-only.
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";

export interface DashboardData {
  totals: { energyKwh: string; trackerEmissionsKgCo2e: string; runs: number; projects: number; imports: number };
  series: { bucket: string; energyKwh: string; trackerEmissionsKgCo2e: string }[];
  granularity: "day" | "month";
}

export async function getDashboard({ ctx }: { ctx: ServiceContext }): Promise<DashboardData> {
  authorize(ctx, "org:read");
  const org = ctx.organization.id;
  const [totals] = await prisma.$queryRaw<
    { energy: string | null; emissions: string | null; runs: bigint; first: Date | null; last: Date | null }[]
  >`SELECT coalesce(sum(energy_kwh), 0)::text AS energy, coalesce(sum(tracker_emissions_kg_co2e), 0)::text AS emissions,
           count(*) AS runs, min(last_measured_at) AS first, max(last_measured_at) AS last
      FROM runs WHERE organization_id = ${org}::uuid`;
  const spanDays = totals.first && totals.last ? (totals.last.getTime() - totals.first.getTime()) / 86_400_000 : 0;
  const granularity = spanDays > 62 ? "month" : "day";
  const series = await prisma.$queryRaw<{ bucket: Date; energy: string; emissions: string }[]>`
    SELECT date_trunc(${granularity}, last_measured_at) AS bucket,
           coalesce(sum(energy_kwh), 0)::text AS energy, coalesce(sum(tracker_emissions_kg_co2e), 0)::text AS emissions
      FROM runs WHERE organization_id = ${org}::uuid AND last_measured_at IS NOT NULL
     GROUP BY 1 ORDER BY 1`;
  const [projects, imports] = await Promise.all([
    prisma.project.count({ where: { organizationId: org } }),
    prisma.import.count({ where: { organizationId: org, status: "COMMITTED" } }),
  ]);
  return {
    totals: {
      energyKwh: totals.energy ?? "0",
      trackerEmissionsKgCo2e: totals.emissions ?? "0",
      runs: Number(totals.runs),
      projects,
      imports,
    },
    series: series.map((s) => ({
      bucket: s.bucket.toISOString().slice(0, granularity === "day" ? 10 : 7),
      energyKwh: s.energy,
      trackerEmissionsKgCo2e: s.emissions,
    })),
    granularity,
  };
}
