// Shapes of the auditor's procedures (issue 14): re-performance, factor register, analytical review, samples.
// Masses in kgCO2e as exact decimal text; display converts through lib/format.ts.
import type { DatapointCheck } from "../assurance/reperform";
import type { MisstatementSummary } from "../assurance/sampling";

/** Lines' quantities checked against their source records (activity: unit conversion and parts; runs: energy × PUE). */
export interface SourceChecks {
  activityRecords: number;
  activityDiffering: number;
  runLines: number;
  runDiffering: number;
  examples: { kind: "ACTIVITY" | "RUN"; recordId: string; what: string; expected: string | null; stated: string | null }[];
}

export interface ReperformLine {
  lineId: string;
  scope: string;
  scope3Category: number | null;
  method: string;
  status: string;
  activityQuantity: string;
  activityUnit: string;
  /** The factor value stored on the line's resolution, and the one re-read from the library / instrument. */
  statedFactorValue: string | null;
  libraryFactorValue: string | null;
  factorUnit: string | null;
  storedKgCo2e: string | null;
  recomputedKgCo2e: string | null;
}

export interface ReperformResult {
  period: { id: string; name: string };
  calculationNumber: number;
  reportVersionNumber: number | null;
  lines: number;
  differingLines: number;
  allEqual: boolean;
  datapoints: DatapointCheck[];
  sources: SourceChecks;
  differing: { page: number; pageSize: number; lines: ReperformLine[] };
}

export interface FactorRegisterRow {
  factorId: string;
  publisher: string;
  dataset: string;
  datasetVersion: string;
  year: number | null;
  keyType: string;
  key: string;
  method: string;
  value: string;
  unit: string;
  sourceValue: string | null;
  sourceUnit: string | null;
  licence: string;
  url: string | null;
  gwpBasis: string | null;
  lines: number;
  kgCo2e: string;
}

export interface FactorChangeRow {
  /** keyType:key (method, unit): the identity compared across years. */
  key: string;
  change: "CHANGED" | "NEW" | "DROPPED";
  prior: { factorId: string; dataset: string; datasetVersion: string; year: number | null; value: string; unit: string } | null;
  current: { factorId: string; dataset: string; datasetVersion: string; year: number | null; value: string; unit: string } | null;
}

export interface FactorRegister {
  period: { id: string; name: string };
  reportVersionNumber: number | null;
  priorPeriod: string | null;
  factors: FactorRegisterRow[];
  changes: FactorChangeRow[];
}

export type AnalyticStatus = "NO_PRIOR" | "TRIVIAL" | "WITHIN" | "FLAGGED" | "NO_THRESHOLD";

export interface AnalyticRow {
  rowKey: string;
  dimension: "scope" | "category" | "site" | "project";
  label: string;
  priorKgCo2e: string | null;
  /** Default prior × activity change (per activity unit), or the auditor's entered value. */
  expectationKgCo2e: string | null;
  expectationSource: "DEFAULT" | "ENTERED" | "NONE";
  expectationNote: string | null;
  /** N / N-1 activity quantity of the row (one unit only; null when mixed or absent). */
  activityRatio: string | null;
  actualKgCo2e: string;
  differenceKgCo2e: string | null;
  differencePercent: string | null;
  status: AnalyticStatus;
  explanation: string | null;
  inquiryId: string | null;
  evidenceFileId: string | null;
  /** Flagged without an explanation yet. */
  needsExplanation: boolean;
}

export interface AnalyticReview {
  period: { id: string; name: string };
  reportVersionNumber: number | null;
  priorPeriod: string | null;
  view: "lb" | "mb";
  /** From the engagement covering the period (the lowest, when several do); null: no engagement. */
  performanceMaterialityKgCo2e: string | null;
  clearlyTrivialKgCo2e: string | null;
  rows: AnalyticRow[];
}

/** Which lines a sample is drawn from (all filters optional: none = every line of the version). */
export interface PopulationFilter {
  scope?: "SCOPE_1" | "SCOPE_2" | "SCOPE_3";
  category?: number;
  /** lb: lines counted in the location-based figures; mb: in the market-based ones. */
  view?: "lb" | "mb";
  siteId?: string;
  projectId?: string;
}

export interface SampleListItem {
  id: string;
  number: number;
  name: string;
  method: "ATTRIBUTE" | "MUS";
  populationSize: number;
  populationKgCo2e: string;
  sampleSize: number;
  items: number;
  tested: number;
  exceptions: number;
  createdAt: string;
}

export interface SampleItemView {
  position: number;
  lineId: string;
  selection: "KEY_ITEM" | "STATISTICAL";
  hits: number;
  bookKgCo2e: string | null;
  result: "AGREED" | "EXCEPTION" | null;
  misstatementKgCo2e: string | null;
  note: string | null;
  evidenceFileId: string | null;
}

export interface SampleDetail {
  id: string;
  periodId: string;
  number: number;
  name: string;
  method: "ATTRIBUTE" | "MUS";
  calculationVersionId: string;
  reportVersionNumber: number | null;
  population: PopulationFilter;
  populationSize: number;
  populationKgCo2e: string;
  populationSha256: string;
  statisticalSize: number;
  statisticalKgCo2e: string;
  keyItemThresholdKgCo2e: string | null;
  keySiteIds: string[];
  confidence: string;
  tolerableRate: string | null;
  tolerableMisstatementKgCo2e: string | null;
  sampleSize: number;
  intervalKgCo2e: string | null;
  randomStartKgCo2e: string | null;
  seed: string;
  createdAt: string;
  items: SampleItemView[];
  summary: MisstatementSummary;
}

export interface RedrawComparison {
  identical: boolean;
  populationSha256: { stored: string; redrawn: string };
  populationSize: { stored: number; redrawn: number };
  /** Positions whose line, selection or hits differ (first 100). */
  differences: { position: number; stored: string | null; redrawn: string | null }[];
}
