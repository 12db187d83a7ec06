// The inquiry's state machine as data (issue 14): open → answered → closed; the auditor may return an answer
// (answered → reopened → answered); a closed inquiry is reopened only with a reason. Who may take each step is the
// actor's side: the auditor raises, returns, closes and reopens; a member of the organization answers.
// Pure: no I/O, the services call it before they write.

export const INQUIRY_STATUSES = ["OPEN", "ANSWERED", "REOPENED", "CLOSED"] as const;
export type InquiryStatusName = (typeof INQUIRY_STATUSES)[number];

export const INQUIRY_ACTIONS = ["answer", "return", "close", "reopen"] as const;
export type InquiryAction = (typeof INQUIRY_ACTIONS)[number];

/** Who takes an action: the auditor (assurance:work) or the organization (inquiry:answer). */
export const ACTION_SIDE: Record<InquiryAction, "auditor" | "organization"> = { answer: "organization", return: "auditor", close: "auditor", reopen: "auditor" };

/** From which statuses each action may be taken, and where it leads. */
export const TRANSITIONS: Record<InquiryAction, { from: readonly InquiryStatusName[]; to: InquiryStatusName }> = {
  answer: { from: ["OPEN", "REOPENED"], to: "ANSWERED" },
  return: { from: ["ANSWERED"], to: "REOPENED" },
  // The auditor may close an inquiry answered, or one that turned out moot before an answer.
  close: { from: ["OPEN", "ANSWERED", "REOPENED"], to: "CLOSED" },
  reopen: { from: ["CLOSED"], to: "REOPENED" },
};

/** The status an action leads to, or the reason it is refused from this status. */
export function transition(status: InquiryStatusName, action: InquiryAction): { ok: true; to: InquiryStatusName } | { ok: false; reason: string } {
  const t = TRANSITIONS[action];
  if (t.from.includes(status)) return { ok: true, to: t.to };
  const allowed = INQUIRY_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
  return { ok: false, reason: `an inquiry ${status.toLowerCase()} cannot be ${PAST[action]}${allowed.length ? ` (it can be ${allowed.map((a) => PAST[a]).join(" or ")})` : ""}` };
}

const PAST: Record<InquiryAction, string> = { answer: "answered", return: "returned", close: "closed", reopen: "reopened" };

/** Does the inquiry wait for this side? Open and returned ones wait for the organization, answered ones for the auditor. */
export function awaits(status: InquiryStatusName): "auditor" | "organization" | null {
  if (status === "OPEN" || status === "REOPENED") return "organization";
  if (status === "ANSWERED") return "auditor";
  return null;
}

/** A ledger line's anchor reference: "<calculation version>:<resolution>:<source record>:<YYYY-MM-DD>". */
export function parseLineRef(ref: string): { calculationVersionId: string; resolutionId: number; sourceRecordId: string; month: string } | null {
  const m = /^([0-9a-f-]{36}):(\d{1,9}):([0-9a-f-]{36}):(\d{4}-\d{2}-\d{2})$/i.exec(ref);
  if (!m) return null;
  return { calculationVersionId: m[1], resolutionId: Number(m[2]), sourceRecordId: m[3], month: m[4] };
}

export function lineRef(l: { calculationVersionId: string; resolutionId: number; sourceRecordId: string; month: string }): string {
  return `${l.calculationVersionId}:${l.resolutionId}:${l.sourceRecordId}:${l.month}`;
}
