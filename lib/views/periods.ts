// Reporting periods as pages and the API see them: status, the current calculation, and who prepared and approved
// the signed report version with its hash.

export type PeriodStatusName = "OPEN" | "CLOSED" | "IN_REVIEW" | "SIGNED_OFF";

export interface PersonView {
  name: string;
  email: string;
}

export interface SignedVersionView {
  id: string;
  number: number;
  sha256: string;
  auditHeadHash: string;
  preparedBy: PersonView;
  submittedAt: string;
  /** Null on versions signed before the reviewer step (issue 14). */
  reviewedBy: PersonView | null;
  reviewedAt: string | null;
  approvedBy: PersonView;
  approvedAt: string;
  calculationVersion: number;
}

export interface PeriodSummary {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  status: PeriodStatusName;
  netRevenue: string | null;
  netRevenueCurrency: string | null;
  currentVersion: number | null;
  /** Submitted for review: by whom and when (IN_REVIEW). */
  submittedBy: PersonView | null;
  submittedAt: string | null;
  /** Reviewed while in review: by whom, when, with the reviewer's note. */
  reviewedBy: PersonView | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  /** The latest signed report version, if any (a reopened period keeps its earlier ones). */
  signed: SignedVersionView | null;
  /** The current calculation is not the one the latest signed version was built from. */
  changedSinceSigned: boolean;
}
