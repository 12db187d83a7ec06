// The period's way to sign-off: status, who prepared and approved the signed version with its hash, and the action
// the member may take now (submit, approve, return or reopen with a reason). Plain data in.
import { ApiForm } from "@/components/inventory/ApiForm";
import { Card } from "@/components/ui/Card";
import { RenderedDownload } from "@/components/ui/RenderedDownload";
import type { PeriodSummary } from "@/lib/views/periods";

const STATUS: Record<PeriodSummary["status"], string> = { OPEN: "Open", CLOSED: "Closed for input", IN_REVIEW: "In review", SIGNED_OFF: "Signed off" };
const DOWNLOAD = "rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50";
const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

export function SignoffPanel({ period, api, unresolvedLines, canSubmit, canReview = false, canApprove, userEmail, downloads, inquiriesAwaiting = 0, inquiriesHref }: {
  period: PeriodSummary;
  api: string;
  unresolvedLines: number;
  canSubmit: boolean;
  /** report:review: the middle step of preparer → reviewer → approver. */
  canReview?: boolean;
  canApprove: boolean;
  /** Inquiries of this period waiting for the viewer (the badge), with a link to them. */
  inquiriesAwaiting?: number;
  inquiriesHref?: string;
  userEmail: string | null;
  /** rendered: a document the server renders on request (shows "Rendering… n s" while it does). */
  downloads: { label: string; href: string; rendered?: boolean }[];
}) {
  const own = period.submittedBy?.email === userEmail;
  const reviewedByMe = period.reviewedBy?.email === userEmail;
  return (
    <Card title="Sign-off and report">
      <div className="flex flex-col gap-3 text-sm text-slate-700" data-testid="signoff-panel">
        <p>
          Status: <strong data-testid="period-status">{STATUS[period.status]}</strong>
          {period.status === "IN_REVIEW" && period.submittedBy && period.submittedAt && <> · submitted by {period.submittedBy.name} on {when(period.submittedAt)}</>}
        </p>
        {period.status === "IN_REVIEW" && (
          <p data-testid="reviewed-by">
            {period.reviewedBy && period.reviewedAt ? (
              <>Reviewed by {period.reviewedBy.name} on {when(period.reviewedAt)}{period.reviewNote ? `: “${period.reviewNote}”` : ""}</>
            ) : (
              "Not reviewed yet: a second member reviews it, then a third approves it."
            )}
          </p>
        )}
        {inquiriesAwaiting > 0 && inquiriesHref && (
          <p role="status" className="rounded-md bg-sky-50 p-2 text-sky-900" data-testid="inquiries-badge">
            <a href={inquiriesHref} className="underline">{inquiriesAwaiting} inquiry(ies) of this period await you</a>
          </p>
        )}
        {period.signed && (
          <p data-testid="signed-version">
            Report version {period.signed.number}: prepared by {period.signed.preparedBy.name}{period.signed.reviewedBy ? `, reviewed by ${period.signed.reviewedBy.name}` : ""}, approved by {period.signed.approvedBy.name} on {when(period.signed.approvedAt)} · sha256{" "}
            <code className="break-all text-xs text-slate-600">{period.signed.sha256}</code>
          </p>
        )}
        {period.changedSinceSigned && (
          <p role="status" className="rounded-md bg-amber-50 p-2 text-amber-900" data-testid="changed-since-signed">
            Inputs changed since signed: the current calculation is not the one report version {period.signed?.number} froze. The signed version stays as it was.
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          {downloads.map((d) =>
            d.rendered ? (
              <RenderedDownload key={d.href} href={d.href} label={d.label} className={DOWNLOAD} />
            ) : (
              <a key={d.href} href={d.href} className={DOWNLOAD}>
                {d.label}
              </a>
            ),
          )}
        </div>
        {canSubmit && (period.status === "OPEN" || period.status === "CLOSED") && (
          <ApiForm
            url={`${api}/submit`}
            label="Submit for review"
            submitLabel="Submit for review"
            fields={unresolvedLines > 0 ? [{ name: "acknowledgeUnresolved", type: "checkbox", label: `I acknowledge ${unresolvedLines} unresolved line(s); the report lists them` }] : []}
          />
        )}
        {canReview && period.status === "IN_REVIEW" && !period.reviewedBy && !own && (
          <ApiForm url={`${api}/review`} label="Mark reviewed" submitLabel="Mark reviewed" fields={[{ name: "note", label: "Review note (optional)" }]} />
        )}
        {canApprove && period.status === "IN_REVIEW" &&
          (own ? (
            <p className="text-slate-600" data-testid="four-eyes">You submitted this period: another member reviews it and a third approves it (separation of duties).</p>
          ) : reviewedByMe ? (
            <p className="text-slate-600" data-testid="four-eyes">You reviewed this period: a third member with sign-off rights approves it (separation of duties).</p>
          ) : period.reviewedBy ? (
            <ApiForm url={`${api}/approve`} label="Approve and sign off" submitLabel="Approve and sign off" />
          ) : (
            <p className="text-slate-600" data-testid="awaiting-review">Approval opens once the period is reviewed.</p>
          ))}
        {canApprove && (period.status === "IN_REVIEW" || period.status === "SIGNED_OFF") && (
          <ApiForm
            url={`${api}/reopen`}
            label={period.status === "SIGNED_OFF" ? "Reopen" : "Return to preparer"}
            submitLabel={period.status === "SIGNED_OFF" ? "Reopen" : "Return"}
            fields={[{ name: "reason", label: "Reason (required)", required: true }]}
          />
        )}
      </div>
    </Card>
  );
}
