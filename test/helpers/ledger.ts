// Rows the accounting engine reads, written straight into the test database (the import branches write them in
// production): factor datasets and factors, sites, runs, activities, provider rows, instruments, periods.
import { randomUUID } from "node:crypto";
import { prisma } from "../../lib/db/client";
import { coverAllPeriods } from "./db";
import { versionRank } from "../../lib/ingest/sources/cloud/values";

export async function factorDataset(organizationId: string | null, title = `Factors ${randomUUID().slice(0, 8)}`) {
  return prisma.emissionFactorDataset.create({ data: { organizationId, publisher: "Test", title, version: "1", year: 2025, licence: "test" } });
}

export async function factorRow(datasetId: string, organizationId: string | null, over: { keyType: "COUNTRY" | "GRID_REGION" | "CLOUD_REGION"; key: string; value: string; method?: "LOCATION_GRID_AVERAGE" | "RESIDUAL_MIX"; year?: number; sourceValue?: string; sourceUnit?: string; renewableShare?: string; fossilShare?: string; nuclearShare?: string }) {
  const { method = "LOCATION_GRID_AVERAGE", year = 2025, ...rest } = over;
  return prisma.emissionFactor.create({ data: { datasetId, organizationId, unit: "kgCO2e/kWh", method, year, ...rest } });
}

export async function period(organizationId: string, name = "FY2025", start = "2025-01-01", end = "2025-12-31", netRevenue?: string) {
  const created = await prisma.reportingPeriod.create({
    data: { organizationId, name, startDate: new Date(`${start}T00:00:00Z`), endDate: new Date(`${end}T00:00:00Z`), consolidationApproach: "OPERATIONAL_CONTROL", netRevenue, netRevenueCurrency: netRevenue ? "EUR" : null },
  });
  await coverAllPeriods(organizationId); // the org's auditor reads it through the standing test engagement
  return created;
}

export async function project(organizationId: string, name = `p-${randomUUID().slice(0, 8)}`) {
  return prisma.project.create({ data: { organizationId, name } });
}

export async function runRow(organizationId: string, projectId: string, over: { energyKwh: string; at?: string; countryIsoCode?: string; onCloud?: boolean; cloudProvider?: string; cloudRegion?: string; siteId?: string; pue?: string; trackerEmissionsKgCo2e?: string }) {
  const { at = "2025-03-10T12:00:00Z", ...rest } = over;
  return prisma.run.create({ data: { organizationId, projectId, externalRunId: randomUUID(), lastMeasuredAt: new Date(at), startedAt: new Date(at), ...rest } });
}

export async function site(organizationId: string, over: { countryIsoCode?: string; gridRegion?: string; market?: string; pue?: string } = {}) {
  return prisma.site.create({ data: { organizationId, name: `site-${randomUUID().slice(0, 8)}`, ...over } });
}

export async function electricity(organizationId: string, siteId: string, kwh: string, start = "2025-03-01") {
  return prisma.activityRecord.create({
    data: {
      organizationId, siteId, rowHash: randomUUID(), category: "PURCHASED_ELECTRICITY", periodStart: new Date(`${start}T00:00:00Z`), periodEnd: new Date(`${start}T00:00:00Z`),
      quantity: kwh, unit: "kWh", normalizedQuantity: kwh, normalizedUnit: "kWh", proposedScope: "SCOPE_2",
    },
  });
}

export async function instrumentRow(organizationId: string, over: { volumeMwh: string; market: string; vintageStart?: string; vintageEnd?: string; rate?: string; retired?: boolean }) {
  return prisma.contractualInstrument.create({
    data: {
      organizationId, type: "GUARANTEE_OF_ORIGIN", volumeMwh: over.volumeMwh, market: over.market, trackingSystem: "AIB", certificateId: randomUUID(),
      vintageStart: new Date(`${over.vintageStart ?? "2025-01-01"}T00:00:00Z`), vintageEnd: new Date(`${over.vintageEnd ?? "2025-12-31"}T00:00:00Z`),
      retiredOnBehalf: over.retired ?? true, emissionRateKgCo2ePerKwh: over.rate ?? "0",
    },
  });
}

/** The GCP Carbon Footprint fixture's rows as provider records (what the cloud branch's adapter stores). */
export async function gcpRows(organizationId: string, csv: string, projectIds: Record<string, string>) {
  const [header, ...rows] = csv.trim().split("\n");
  const cols = header.split(",");
  const created = [];
  for (const [i, line] of rows.entries()) {
    const v = Object.fromEntries(line.split(",").map((x, k) => [cols[k], x]));
    const n = (k: string) => (v[k] === "" ? null : v[k]);
    created.push(
      await prisma.providerEmissionRecord.create({
        data: {
          organizationId, rowNumber: i + 1, rowHash: randomUUID(), provider: "GCP", nature: "PROVIDER_REPORTED", billingAccountId: v.billing_account_id, cloudProjectId: n("project.id"),
          service: v["service.description"], location: v["location.location"], region: n("location.region"), periodStart: new Date(`${v.usage_month}T00:00:00Z`),
          periodEnd: new Date(`${v.usage_month}T00:00:00Z`), modelVersion: v.carbon_model_version, scope1KgCo2e: n("carbon_footprint_kgCO2e.scope1"),
          scope2LbKgCo2e: n("carbon_footprint_kgCO2e.scope2.location_based"), scope2MbKgCo2e: n("carbon_footprint_kgCO2e.scope2.market_based"), scope3KgCo2e: n("carbon_footprint_kgCO2e.scope3"),
          totalLbKgCo2e: n("carbon_footprint_total_kgCO2e.location_based"), totalMbKgCo2e: n("carbon_footprint_total_kgCO2e.market_based"),
          projectId: n("project.id") ? (projectIds[v["project.id"]] ?? null) : null,
          keyHash: [v.billing_account_id, v["project.id"], v["service.id"], v["location.location"], v.usage_month].join("|"),
          versionRank: versionRank(v.carbon_model_version),
        },
      }),
    );
  }
  return created;
}
