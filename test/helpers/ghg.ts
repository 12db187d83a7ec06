// Plain inputs for the pure accounting engine (lib/ghg): factors, runs, activities, instruments with defaults.
import type { ActivityInput, CalculationInput, InstrumentInput, ProviderRecordInput, RunInput } from "../../lib/ghg/inputs";
import type { FactorInput } from "../../lib/ghg/types";

let n = 0;
const id = (prefix: string) => `${prefix}-${String(++n).padStart(6, "0")}`;

export function factor(over: Partial<FactorInput> & Pick<FactorInput, "keyType" | "key" | "value">): FactorInput {
  return { id: id("f"), datasetId: "ds-1", datasetTitle: "Test factors", datasetVersion: "1", custom: false, year: 2025, unit: "kgCO2e/kWh", method: "LOCATION_GRID_AVERAGE", ...over };
}

export function run(over: Partial<RunInput> = {}): RunInput {
  return {
    id: id("run"), projectId: "p-1", importId: null, siteId: null, month: "2025-03-01", energyKwh: "1", pue: "1", trackerEmissionsKgCo2e: null,
    onCloud: false, cloudProvider: null, cloudRegion: null, countryIsoCode: "USA", ...over,
  };
}

/** An activity; without periodStart/periodEnd it lies within its month's first day (one month, one part). */
export function activity(over: Partial<ActivityInput> = {}): ActivityInput {
  const periodStart = over.periodStart ?? over.month ?? "2025-03-01";
  return {
    id: id("act"), importId: null, siteId: null, category: "PURCHASED_ELECTRICITY", activityType: null, month: `${periodStart.slice(0, 7)}-01`, periodStart, periodEnd: periodStart,
    quantity: "1", unit: "kWh", normalizedQuantity: null, normalizedUnit: null, supplierFactorValue: null, supplierFactorUnit: null, proposedScope: "SCOPE_2", proposedScope3Category: null, ...over,
  };
}

export function instrument(over: Partial<InstrumentInput> = {}): InstrumentInput {
  return {
    id: id("inst"), type: "GUARANTEE_OF_ORIGIN", volumeMwh: "1", market: "DE-LU", vintageStart: "2025-01-01", vintageEnd: "2025-12-31", retiredOnBehalf: true,
    emissionRateKgCo2ePerKwh: "0", trackingSystem: "AIB", certificateId: id("cert"), alreadyUsedMwh: "0", ...over,
  };
}

export function providerRow(over: Partial<ProviderRecordInput> = {}): ProviderRecordInput {
  return {
    id: id("prov"), importId: null, provider: "GCP", nature: "PROVIDER_REPORTED", accountId: "acct", cloudProjectId: "cp", projectId: "p-1", month: "2025-03-01",
    energyKwh: null, scope1KgCo2e: null, scope2LbKgCo2e: null, scope2MbKgCo2e: null, scope3KgCo2e: null, totalLbKgCo2e: null, totalMbKgCo2e: null, supersededById: null, ...over,
  };
}

export function calcInput(over: Partial<CalculationInput> = {}): CalculationInput {
  return { period: { startDate: "2025-01-01", endDate: "2025-12-31", netRevenue: null }, factors: [], sites: [], runs: [], activities: [], providerRecords: [], instruments: [], ...over };
}
