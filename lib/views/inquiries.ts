// Inquiries, review notes and misstatements as the assurance pages and the API see them (issue 14). Masses are kg
// CO2e as exact decimal text; pages show them in tonnes through lib/format.ts.
import type { PersonView } from "./periods";

export type InquiryStatusView = "OPEN" | "ANSWERED" | "REOPENED" | "CLOSED";
export type AnchorTypeView = "DATAPOINT" | "LEDGER_LINE" | "RUN" | "PROVIDER_RECORD" | "ACTIVITY_RECORD" | "IMPORT" | "FACTOR" | "PERIOD";

export interface AnchorView {
  type: AnchorTypeView;
  ref: string;
  label: string;
}

export interface InquiryListItem {
  id: string;
  number: number;
  title: string;
  status: InquiryStatusView;
  period: { id: string; name: string };
  engagement: { id: string; name: string };
  anchor: AnchorView;
  askedBy: PersonView;
  assignee: PersonView | null;
  dueDate: string | null;
  overdue: boolean;
  /** Who the inquiry waits for now. */
  awaiting: "auditor" | "organization" | null;
  messageCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface InquiryAttachmentView {
  evidenceFileId: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
}

export interface InquiryMessageView {
  id: string;
  kind: "QUESTION" | "ANSWER" | "RETURN" | "CLOSE" | "REOPEN";
  body: string;
  author: PersonView;
  createdAt: string;
  attachments: InquiryAttachmentView[];
}

export interface InquiryDetail extends InquiryListItem {
  thread: InquiryMessageView[];
  resolution: "NO_ISSUE" | "MISSTATEMENT" | null;
  misstatement: MisstatementView | null;
  closedBy: PersonView | null;
  closedAt: string | null;
}

export interface ReviewNoteView {
  id: string;
  period: { id: string; name: string };
  engagement: { id: string; name: string };
  anchor: AnchorView;
  body: string;
  author: PersonView;
  createdAt: string;
}

export interface MisstatementView {
  id: string;
  periodId: string;
  engagementId: string;
  source: "INQUIRY" | "SAMPLE" | "OTHER";
  sourceId: string | null;
  description: string;
  amountKgCo2e: string;
  corrected: boolean;
  recordedBy: PersonView;
  createdAt: string;
}

export interface MisstatementSummary {
  period: { id: string; name: string };
  engagement: { id: string; name: string; overallMaterialityKgCo2e: string; performanceMaterialityKgCo2e: string; clearlyTrivialKgCo2e: string } | null;
  misstatements: MisstatementView[];
  /** Sums of the signed amounts and of their absolute values (overstatement and understatement do not cancel out). */
  correctedKgCo2e: string;
  uncorrectedKgCo2e: string;
  uncorrectedAbsKgCo2e: string;
  /** Uncorrected misstatements above the clearly trivial threshold, one by one. */
  aboveTrivial: number;
  /** The absolute uncorrected total against the overall materiality: "below" | "reaches" (≥). */
  againstMateriality: "below" | "reaches" | null;
}

export interface AwaitingCount {
  /** Inquiries waiting for the viewer: open or returned ones assigned to them (or to nobody) for a member, answered ones for an auditor. */
  total: number;
  byPeriod: Record<string, number>;
}
