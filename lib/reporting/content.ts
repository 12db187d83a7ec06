// What a report version holds: every datapoint of a period's CSRD E1 report as plain data, frozen at sign-off as
// canonical JSON (canonical-json.ts) and rendered from that — the PDF, the datapoint export, the assurance views.
// Exact decimals as text, kg throughout (tonnes and MWh are display conversions, except E1-5 which is MWh).
// A draft has the same shape, built from the period's current calculation version.
import type { E16 } from "../ghg/aggregate";
import type { E16Extras } from "../ghg/e16-extras";
import type { E15 } from "../ghg/energy-mix";
import type { TargetProgress, TrajectoryPoint } from "../ghg/targets";

/**
 * The schema a new version is frozen with. 2 adds the comparatives' E1-6 extras and ETS share (`e16Extras`,
 * `scope1EtsPercent` on `previous` and `base`); a version signed with 1 has neither and is rendered as it was.
 */
export const REPORT_SCHEMA = "scopebook.report.esrs-e1/2";

export interface ReportPerson {
  name: string;
  email: string;
}

export interface ReportComparative {
  periodName: string;
  startDate: string;
  endDate: string;
  /** SIGNED_OFF (its signed version), or the status of the period whose current calculation is shown. */
  status: string;
  e16: E16;
  e15: E15 | null;
  /** Added in schema 2 (absent from versions signed before): the period's E1-6 extras and ETS share. */
  e16Extras?: E16Extras | null;
  scope1EtsPercent?: string | null;
}

export interface ReportScope3Category {
  category: number;
  label: string;
  status: "CALCULATED" | "NOT_RELEVANT" | "NOT_CALCULATED";
  lbKgCo2e: string | null;
  mbKgCo2e: string | null;
  /** The officer's reason for a category without a figure (null: none given). */
  reason: string | null;
}

export interface ReportSeriesRow {
  /** Month (YYYY-MM), project or site name. */
  key: string;
  scope1KgCo2e: string;
  scope2LbKgCo2e: string;
  scope2MbKgCo2e: string;
  scope3LbKgCo2e: string;
  scope3MbKgCo2e: string;
}

export interface ReportTarget {
  name: string;
  kind: "ABSOLUTE" | "INTENSITY";
  /** e.g. "Scope 1 + Scope 2 (market-based)". */
  coverage: string;
  baseYear: number;
  baseValue: string;
  /** "kgCO2e" or "kgCO2e per EUR". */
  unit: string;
  baseSource: "PERIOD" | "ENTERED";
  baseEvidence: string | null;
  targetYear: number;
  reductionPercent: string;
  milestones: { year: number; reductionPercent: string }[];
  trajectory: TrajectoryPoint[];
  progress: TargetProgress;
}

export interface ReportInstrument {
  type: string;
  certificateId: string | null;
  market: string;
  vintage: string;
  appliedMwh: string;
  status: string;
}

export interface ReportRestatement {
  datapoint: string;
  previousNumber: number;
  previousKgCo2e: string | null;
  currentKgCo2e: string | null;
  reason: string | null;
  note: string | null;
}

export interface ReportFactorSource {
  publisher: string;
  title: string;
  version: string;
  licence: string;
  url: string | null;
  attribution: string;
}

export interface ReportContent {
  /** REPORT_SCHEMA when frozen; older versions keep theirs. */
  schema: string;
  organization: { name: string; slug: string; consolidationApproach: string; reportingCurrency: string };
  period: { id: string; name: string; startDate: string; endDate: string; netRevenue: string | null; netRevenueCurrency: string | null };
  calculation: { versionId: string; number: number; engineVersion: string; calculatedAt: string; linesSha256: string | null };
  /** Who prepared (submitted) and approved; null in a draft not yet submitted. */
  signoff: { preparedBy: ReportPerson | null; submittedAt: string | null; reviewedBy?: ReportPerson | null; reviewedAt?: string | null; approvedBy: ReportPerson | null; approvedAt: string | null };
  e16: E16;
  e15: E15;
  e16Extras: E16Extras;
  /** % of Scope 1 from regulated emission trading schemes, where entered (null: not entered). */
  scope1EtsPercent: string | null;
  previous: ReportComparative | null;
  base: (ReportComparative & { year: number }) | null;
  scope3Categories: ReportScope3Category[];
  monthly: ReportSeriesRow[];
  bySite: ReportSeriesRow[];
  byProject: ReportSeriesRow[];
  bySource: ReportSeriesRow[];
  targets: ReportTarget[];
  instruments: ReportInstrument[];
  methodology: string[];
  boundary: { approach: string; gwpBasis: string[]; exclusions: string[] };
  factorSources: ReportFactorSource[];
  restatements: ReportRestatement[];
  dataQuality: {
    resolvedLines: number;
    unresolvedLines: number;
    /** Unresolved lines were acknowledged at submission: the report lists them. */
    unresolvedAcknowledged: boolean;
    unresolved: { label: string; lines: number }[];
    fallbackLines: number;
    estimatedKgCo2e: string;
    primaryScope3Percent: string | null;
  };
}

/** A report version as read: its content and the seals of the signed version (null for a draft). */
export interface ReportDocument {
  status: "DRAFT" | "SIGNED_OFF";
  content: ReportContent;
  /** Report version number, sha256 of the canonical content, audit chain head at signing. */
  seal: { number: number; sha256: string; auditHeadSeq: number; auditHeadHash: string } | null;
}
