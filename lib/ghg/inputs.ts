// The records a recalculation reads, as plain data (the service loads them; lib/ghg never touches the database).
import type { FactorInput, Nature, Scope } from "./types";
import type { ActivityCategoryName } from "../activity/categories";

export interface PeriodInput {
  /** YYYY-MM-DD, inclusive. */
  startDate: string;
  endDate: string;
  netRevenue: string | null;
}

export interface SiteInput {
  id: string;
  countryIsoCode: string | null;
  gridRegion: string | null;
  market: string | null;
  pue: string | null;
}

export interface RunInput {
  id: string;
  projectId: string;
  importId: string | null;
  siteId: string | null;
  /** YYYY-MM-01 of the run's last measurement (a run counts once, with its final cumulative totals). */
  month: string;
  /** Already includes the run's PUE (CodeCarbon multiplies it in). */
  energyKwh: string | null;
  pue: string | null;
  trackerEmissionsKgCo2e: string | null;
  onCloud: boolean;
  cloudProvider: string | null;
  cloudRegion: string | null;
  countryIsoCode: string | null;
}

/** The ActivityCategory enum of the database, as lib/activity (pure too) names it. */
export type ActivityCategory = ActivityCategoryName;

export interface ActivityInput {
  id: string;
  importId: string | null;
  siteId: string | null;
  category: ActivityCategory;
  activityType: string | null;
  /** YYYY-MM-01 of the record's start (kept for readers; the engine splits periodStart..periodEnd by days). */
  month: string;
  /** YYYY-MM-DD, inclusive: a record spanning months counts in each, pro rata by days (pro-rata.ts). */
  periodStart: string;
  periodEnd: string;
  quantity: string;
  unit: string;
  normalizedQuantity: string | null;
  normalizedUnit: string | null;
  supplierFactorValue: string | null;
  supplierFactorUnit: string | null;
  proposedScope: Scope;
  proposedScope3Category: number | null;
}

export interface ProviderRecordInput {
  id: string;
  importId: string | null;
  provider: "GCP" | "AWS" | "AZURE" | "CCF";
  nature: Nature;
  accountId: string | null;
  cloudProjectId: string | null;
  projectId: string | null;
  month: string;
  energyKwh: string | null;
  scope1KgCo2e: string | null;
  scope2LbKgCo2e: string | null;
  scope2MbKgCo2e: string | null;
  scope3KgCo2e: string | null;
  totalLbKgCo2e: string | null;
  totalMbKgCo2e: string | null;
  supersededById: string | null;
}

export interface InstrumentInput {
  id: string;
  type: string;
  volumeMwh: string;
  market: string;
  /** YYYY-MM-DD inclusive. */
  vintageStart: string;
  vintageEnd: string;
  retiredOnBehalf: boolean;
  emissionRateKgCo2ePerKwh: string;
  trackingSystem: string | null;
  certificateId: string | null;
  /** MWh of this instrument already allocated by the currently stated figures of other periods. */
  alreadyUsedMwh: string;
}

export interface CalculationInput {
  period: PeriodInput;
  factors: FactorInput[];
  sites: SiteInput[];
  runs: RunInput[];
  activities: ActivityInput[];
  /** All of the organization's provider rows of the period, superseded ones included (the engine skips them). */
  providerRecords: ProviderRecordInput[];
  instruments: InstrumentInput[];
}
