// The period's way to sign-off: status, who prepared and approved the signed version with its hash, and the action
// the member may take now (submit, approve, return or reopen with a reason). Plain data in.
import { ApiForm } from "@/components/inventory/ApiForm";
import { Card } from "@/components/ui/Card";
import { RenderedDownload } from "@/components/ui/RenderedDownload";
import type { PeriodSummary } from "@/lib/views/periods";

const STATUS: Record<PeriodSummary["status"], string> = { OPEN: "Open", CLOSED: "Closed for input", IN_REVIEW: "In review", SIGNED_OFF: "Signed off" };
const DOWNLOAD = "rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50";
const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

export function SignoffPanel({ period, api, unresolvedLines, canSubmit, canApprove, userEmail, downloads }: {
  period: PeriodSummary;
  api: string;
  unresolvedLines: number;
  canSubmit: boolean;
  canApprove: boolean;
  userEmail: string | null;
  /** rendered: a document the server renders on request (shows "Rendering… n s" while it does). */
  downloads: { label: string; href: string; rendered?: boolean }[];
}) {
  const own = period.submittedBy?.email === userEmail;
  return (
    <Card title="Sign-off and report">
      <div className="flex flex-col gap-3 text-sm text-slate-700" data-testid="signoff-panel">
        <p>
          Status: <strong data-testid="period-status">{STATUS[period.status]}</strong>
          {period.status === "IN_REVIEW" && period.submittedBy && period.submittedAt && <> · submitted by {period.submittedBy.name} on {when(period.submittedAt)}</>}
        </p>
        {period.signed && (
          <p data-testid="signed-version">
            Report version {period.signed.number}: prepared by {period.signed.preparedBy.name}, approved by {period.signed.approvedBy.name} on {when(period.signed.approvedAt)} · sha256{" "}
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
        {canApprove && period.status === "IN_REVIEW" &&
          (own ? (
            <p className="text-slate-600" data-testid="four-eyes">You submitted this period: another member with sign-off rights approves it (four eyes).</p>
          ) : (
            <ApiForm url={`${api}/approve`} label="Approve and sign off" submitLabel="Approve and sign off" />
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
