// The benchmarks' ledger-producing records, generated in SQL (generate_series): tracker runs across 100 projects and
// 12 months of `year`, 60 % on the organization's own hardware in three sites (Scope 2: LB + MB lines), 40 % on cloud
// regions (Scope 3 cat. 1), and the grid factors they resolve against (2024 and 2025: some fall back).
// Used by bench:recalc and bench:dashboard.
import type { PrismaClient } from "../../lib/generated/prisma/client";

/** Shipped-style grid factors for the countries and cloud regions the runs use, in a dataset of their own. */
export async function benchFactors(prisma: PrismaClient): Promise<void> {
  const ds = await prisma.emissionFactorDataset.create({ data: { publisher: "Bench", title: "Bench grid", version: "1", year: 2025, licence: "test" } });
  const factors: [string, string, number, string, string?][] = [
    ["COUNTRY", "FRA", 2025, "0.056", "LOCATION_GRID_AVERAGE"], ["COUNTRY", "DEU", 2024, "0.38", "LOCATION_GRID_AVERAGE"], ["COUNTRY", "USA", 2025, "0.37", "LOCATION_GRID_AVERAGE"],
    ["CLOUD_REGION", "gcp:europe-west4", 2025, "0.29", "LOCATION_GRID_AVERAGE"], ["CLOUD_REGION", "aws:us-east-1", 2024, "0.379", "LOCATION_GRID_AVERAGE"],
    ["GRID_REGION", "DE-LU", 2024, "0.52", "RESIDUAL_MIX"], ["COUNTRY", "FR", 2025, "0.06", "RESIDUAL_MIX"],
  ];
  for (const [keyType, key, year, value, method] of factors) {
    await prisma.emissionFactor.create({ data: { datasetId: ds.id, keyType: keyType as never, key, year, value, unit: "kgCO2e/kWh", method: method as never } });
  }
}

/** The organization's 100 projects and 3 sites (Frankfurt, Paris, Ashburn), once. */
export async function benchProjectsAndSites(prisma: PrismaClient, org: string): Promise<void> {
  await prisma.$executeRaw`INSERT INTO projects (organization_id, name, updated_at) SELECT ${org}::uuid, 'project-' || i, now() FROM generate_series(1, 100) i`;
  await prisma.$executeRaw`INSERT INTO sites (organization_id, name, country_iso_code, market, pue, updated_at) VALUES
    (${org}::uuid, 'Frankfurt', 'DEU', 'DE-LU', 1.3, now()), (${org}::uuid, 'Paris', 'FRA', 'FR', NULL, now()), (${org}::uuid, 'Ashburn', 'USA', 'US-PJM', 1.2, now())`;
}

/** `n` runs in `year` (run ids bench-<year>-<i>), then ANALYZE. */
export async function benchRuns(prisma: PrismaClient, org: string, n: number, year = 2025): Promise<void> {
  const start = `${year}-01-01`;
  await prisma.$executeRaw`
    WITH p AS (SELECT array_agg(id ORDER BY name) AS ids FROM projects WHERE organization_id = ${org}::uuid),
         st AS (SELECT array_agg(id ORDER BY name) AS ids, array_agg(country_iso_code ORDER BY name) AS cc FROM sites WHERE organization_id = ${org}::uuid)
    INSERT INTO runs (organization_id, project_id, external_run_id, started_at, last_measured_at, energy_kwh, pue, on_cloud, cloud_provider, cloud_region, country_iso_code, site_id, updated_at)
    SELECT ${org}::uuid, p.ids[1 + i % 100], 'bench-' || ${String(year)} || '-' || i, ts, ts, round((random() * 50)::numeric, 9), CASE WHEN i % 5 = 0 THEN 1.2 ELSE 1 END,
           i % 5 < 2, CASE WHEN i % 5 < 2 THEN (CASE WHEN i % 2 = 0 THEN 'gcp' ELSE 'aws' END) END,
           CASE WHEN i % 5 < 2 THEN (CASE WHEN i % 2 = 0 THEN 'europe-west4' ELSE 'us-east-1' END) END,
           CASE WHEN i % 5 < 2 THEN NULL ELSE st.cc[1 + i % 3] END, CASE WHEN i % 5 < 2 THEN NULL ELSE st.ids[1 + i % 3] END, now()
      FROM generate_series(1, ${n}::int) i, p, st, LATERAL (SELECT ${start}::timestamp + ((i % 12) || ' months')::interval + ((i % 27) || ' days')::interval AS ts) t`;
  await prisma.$executeRawUnsafe("ANALYZE runs");
}
