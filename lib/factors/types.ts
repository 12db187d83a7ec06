// A factor as Scopebook stores it, before it has an id: what the parsers of shipped files and of factor CSVs produce.
import type { FactorUnit } from "./units";

export const FACTOR_KEY_TYPES = ["COUNTRY", "GRID_REGION", "CLOUD_REGION", "FUEL", "REFRIGERANT", "ACTIVITY", "SPEND"] as const;
export type FactorKeyType = (typeof FACTOR_KEY_TYPES)[number];

export const FACTOR_METHODS = ["LOCATION_GRID_AVERAGE", "RESIDUAL_MIX", "SUPPLIER_SPECIFIC", "ACTIVITY_AVERAGE"] as const;
export type FactorMethod = (typeof FACTOR_METHODS)[number];

/** Where a factor dataset comes from: publisher, title, version, licence, and the credit it asks for. */
export interface FactorProvenance {
  publisher: string;
  title: string;
  version: string;
  year: number | null;
  licence: string;
  url: string | null;
  /** yyyy-mm-dd */
  retrievedAt: string | null;
  gwpBasis: string | null;
  attribution: string | null;
}

export interface FactorRow {
  keyType: FactorKeyType;
  key: string;
  year: number | null;
  /** yyyy-mm-dd, inclusive */
  validFrom: string | null;
  validTo: string | null;
  /** kgCO2e per the unit's denominator, exact decimal string */
  value: string;
  unit: FactorUnit;
  /** as the source gave them */
  sourceValue: string;
  sourceUnit: string;
  method: FactorMethod;
  gwpBasis: string | null;
  fossilShare: string | null;
  nuclearShare: string | null;
  renewableShare: string | null;
  /** Energy content, kWh per the denominator of `unit` (fuels), for E1-5; absent = not convertible. */
  energyKwhPerUnit?: string | null;
  /** Biogenic CO2, kg CO2 per the denominator of `unit`, reported outside the scopes (E1-6). */
  biogenicKgCo2PerUnit?: string | null;
  description: string | null;
}

/** Duplicate identity inside one dataset: key type + key + year + method (the database's unique key). */
export function factorIdentity(f: Pick<FactorRow, "keyType" | "key" | "year" | "method">): string {
  return `${f.keyType}|${f.key}|${f.year ?? ""}|${f.method}`;
}
