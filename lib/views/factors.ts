// The factor library as screens see it (Factors page, PDF credits): plain data, dates as ISO strings, exact
// decimals as text. The factor services return these shapes (their return types are checked against them).
import type { FactorKeyType, FactorMethod, FactorProvenance, FactorRow } from "../factors/types";
import type { RowError } from "../records/row-error";

export type FactorDatasetKindName = "SHIPPED" | "IMPORTED" | "CUSTOM";

export type { FactorProvenance };

export interface DatasetView extends FactorProvenance {
  id: string;
  kind: FactorDatasetKindName;
  shipped: boolean;
  sha256: string | null;
  previousVersionId: string | null;
  lockedAt: string | null;
  createdAt: string;
}

export interface FactorDatasetListItem extends DatasetView {
  factorCount: number;
  /** Newer versions of this dataset in the organization: the newest is the one in use. */
  supersededBy: { id: string; version: string }[];
}

/** The credit line of a factor dataset (shipped open data must be credited wherever its factors are shown). */
export interface FactorAttribution {
  datasetId: string;
  publisher: string;
  title: string;
  version: string;
  licence: string;
  url: string | null;
  attribution: string;
}

/** What an officer sees before importing a factor CSV. */
export interface FactorImportPreview {
  fileName: string;
  sha256: string;
  provenance: FactorProvenance;
  rowsTotal: number;
  rowsValid: number;
  rowErrors: RowError[];
  firstRows: FactorRow[];
  /** The same bytes were imported before: importing again changes nothing. */
  alreadyImported: { id: string; title: string; version: string } | null;
  /** Publisher, title and version are taken: give another version. */
  versionTaken: boolean;
  canImport: boolean;
}

/** A factor as the library lists it: the stored row with its id, its dataset, and whether evidence is attached. */
export interface FactorView extends Omit<FactorRow, "unit" | "sourceValue" | "sourceUnit" | "energyKwhPerUnit" | "biogenicKgCo2PerUnit"> {
  id: string;
  unit: string;
  sourceValue: string | null;
  sourceUnit: string | null;
  energyKwhPerUnit: string | null;
  biogenicKgCo2PerUnit: string | null;
  hasEvidence: boolean;
  dataset: { id: string; title: string; version: string; publisher: string; shipped: boolean; locked: boolean };
}

export interface FactorSearchQuery {
  keyType?: FactorKeyType;
  key?: string;
  year?: number;
  method?: FactorMethod;
  datasetId?: string;
  page: number;
}

export interface FactorSearchResult {
  query: FactorSearchQuery;
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  factors: FactorView[];
}
