// A row of a cloud provider's carbon export (GCP, AWS, Azure) or of a Cloud Carbon Footprint estimate, mapped to
// what `provider_emission_records` keeps. Pure data: every quantity is exact decimal text in kg CO2e or kWh (a
// file's tonnes are converted exactly at mapping), never a float. Produced by the cloud adapters
// (sources/<provider>/), written by the provider-emission writer (lib/db/bulk/provider-emission-writer.ts).

export type CloudProviderName = "GCP" | "AWS" | "AZURE" | "CCF";
export type ProviderNature = "PROVIDER_REPORTED" | "ESTIMATED";

export interface ProviderRecord {
  rowNumber: number;
  /**
   * sha256 (hex) of the row's identity and values: key + version + every quantity. The same row in another file
   * has the same hash (a duplicate); a restatement (new version) or a conflicting row has another.
   */
  rowHash: string;
  /** sha256 (hex) of the supersession key: provider, accounts, project, service, location/region, period. */
  keyHash: string;
  /**
   * What orders two rows of one key: GCP's carbon_model_version (zero-padded), AWS' refresh timestamp then model
   * version; a larger text is newer. Two rows of one key and one version must have the same values.
   */
  versionRank: string;
  provider: CloudProviderName;
  nature: ProviderNature;
  billingAccountId: string | null;
  accountId: string | null;
  cloudProjectId: string | null;
  service: string | null;
  location: string | null;
  region: string | null;
  /** "YYYY-MM-DD", first day covered. */
  periodStart: string;
  /** "YYYY-MM-DD", first day after the period (exclusive). */
  periodEnd: string;
  modelVersion: string | null;
  /** ISO 8601 UTC, e.g. AWS' last_refresh_timestamp. */
  refreshedAt: string | null;
  energyKwh: string | null;
  scope1KgCo2e: string | null;
  scope2LbKgCo2e: string | null;
  /** null = not reported (GCP before 2023): not zero. */
  scope2MbKgCo2e: string | null;
  scope3KgCo2e: string | null;
  /** AWS' scope-split export reports Scope 3 location- and market-based. */
  scope3LbKgCo2e: string | null;
  scope3MbKgCo2e: string | null;
  totalLbKgCo2e: string | null;
  totalMbKgCo2e: string | null;
  /** The file's totals differ from the sum of its scopes: flagged, kept as the file states them. */
  totalsMismatch: boolean;
  /** The unit the file stated for its quantities (e.g. "MTCO2e", "kgCO2e"). */
  sourceUnit: string | null;
  /** Resource tags / labels the export carries (used by tag mappings). */
  tags: Record<string, string> | null;
}
