// Plain inputs and outputs of the accounting engine: no Prisma, no Next. Quantities are exact decimal strings.

export type FactorKeyType = "COUNTRY" | "GRID_REGION" | "CLOUD_REGION" | "FUEL" | "REFRIGERANT" | "ACTIVITY" | "SPEND";
export type FactorMethod = "LOCATION_GRID_AVERAGE" | "RESIDUAL_MIX" | "SUPPLIER_SPECIFIC" | "ACTIVITY_AVERAGE";
export type Scope = "SCOPE_1" | "SCOPE_2" | "SCOPE_3";
export type LineMethod = "LOCATION_BASED" | "MARKET_BASED" | "NOT_APPLICABLE";
export type LineSource = "RUN" | "MEASUREMENT" | "PROVIDER_RECORD" | "ACTIVITY" | "INSTRUMENT";
export type Nature = "MEASURED" | "PROVIDER_REPORTED" | "ESTIMATED";

/** A factor row as the resolver sees it (value already normalized to kgCO2e per denominator unit). */
export interface FactorInput {
  id: string;
  datasetId: string;
  datasetTitle: string;
  datasetVersion: string;
  /** true: the organization's own dataset (custom factors, imports); preferred over shipped data for the same key. */
  custom: boolean;
  keyType: FactorKeyType;
  key: string;
  year: number | null;
  value: string;
  unit: string;
  method: FactorMethod;
  fossilShare?: string | null;
  nuclearShare?: string | null;
  renewableShare?: string | null;
}

/** One ledger line as computed (what is persisted in ledger_lines, minus ids of the version and period). */
export interface LineDraft {
  scope: Scope;
  scope3Category: number | null;
  method: LineMethod;
  status: "RESOLVED" | "UNRESOLVED";
  activityQuantity: string;
  activityUnit: string;
  factorId: string | null;
  factorValue: string | null;
  factorUnit: string | null;
  datasetVersion: string | null;
  instrumentId: string | null;
  emissionsKgCo2e: string | null;
  sourceKind: LineSource;
  sourceRecordId: string;
  importId: string | null;
  projectId: string | null;
  siteId: string | null;
  /** First day of the month, YYYY-MM-01. */
  month: string;
  nature: Nature;
  qualityFlags: string[];
  resolution: string;
}

export const FLAGS = {
  yearFallback: "factor-year-fallback",
  exactYear: "factor-exact-year",
  gridInsteadOfResidual: "grid-average-instead-of-residual-mix",
  sitePue: "site-pue-applied",
  measured: "measured",
  providerReported: "provider-reported",
  estimated: "estimated",
  primary: "primary-data",
  secondary: "secondary-data",
  allocatedFromProvider: "allocated-from-provider-export",
  proRata: "pro-rata-by-days",
  /** Renewable energy generated and consumed on site (E1-5 self-generated; no combustion, 0 kgCO2e). */
  selfGenerated: "self-generated",
} as const;
