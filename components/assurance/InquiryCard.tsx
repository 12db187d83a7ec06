// One inquiry as both sides see it: its anchor, status, who asked and who answers, the thread with its hashed
// attachments, and the step the viewer may take now (answer; return, close, reopen). Plain data in.
import { ApiForm } from "@/components/inventory/ApiForm";
import type { InquiryDetail } from "@/lib/views/inquiries";

const STATUS: Record<InquiryDetail["status"], string> = { OPEN: "Open", ANSWERED: "Answered", REOPENED: "Reopened", CLOSED: "Closed" };
const KIND: Record<InquiryDetail["thread"][number]["kind"], string> = { QUESTION: "asked", ANSWER: "answered", RETURN: "returned the answer", CLOSE: "closed", REOPEN: "reopened" };
const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

export function InquiryCard({ inquiry: q, api, canAnswer, canWork }: { inquiry: InquiryDetail; api: string; canAnswer: boolean; canWork: boolean }) {
  const url = `${api}/inquiries/${q.id}`;
  const open = q.status === "OPEN" || q.status === "REOPENED";
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4" data-testid="inquiry" data-status={q.status}>
      <header className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold text-slate-900">#{q.number} {q.title}</h2>
        <span className="text-sm" data-testid="inquiry-status">{STATUS[q.status]}{q.overdue ? " · overdue" : ""}{q.awaiting ? ` · awaiting the ${q.awaiting}` : ""}</span>
      </header>
      <p className="mb-3 text-xs text-slate-600">
        {q.period.name} · {q.engagement.name} · about {q.anchor.label} · asked by {q.askedBy.name}
        {q.assignee ? ` · for ${q.assignee.name}` : ""}{q.dueDate ? ` · due ${q.dueDate}` : ""}
      </p>
      <ol className="mb-3 flex flex-col gap-2 text-sm">
        {q.thread.map((m) => (
          <li key={m.id} className="rounded-md bg-slate-50 p-2">
            <p className="text-xs text-slate-600">{m.author.name} {KIND[m.kind]} · {when(m.createdAt)}</p>
            <p className="whitespace-pre-wrap text-slate-800">{m.body}</p>
            {m.attachments.map((a) => (
              <p key={a.evidenceFileId} className="text-xs text-slate-600">Attachment {a.fileName} · sha256 <code className="break-all">{a.sha256}</code></p>
            ))}
          </li>
        ))}
      </ol>
      {q.status === "CLOSED" && (
        <p className="mb-2 text-sm text-slate-700">Closed{q.resolution === "MISSTATEMENT" ? " with a misstatement" : ": no issue"}{q.closedBy ? ` by ${q.closedBy.name}` : ""}.</p>
      )}
      <div className="flex flex-col gap-2">
        {canAnswer && open && <ApiForm url={`${url}/answer`} label={`Answer inquiry ${q.number}`} submitLabel="Send answer" fields={[{ name: "answer", label: "Answer", required: true }]} />}
        {canWork && q.status === "ANSWERED" && (
          <>
            <ApiForm url={`${url}/close`} label={`Close inquiry ${q.number}`} submitLabel="Close: no issue" fixed={{ resolution: "NO_ISSUE" }} fields={[{ name: "note", label: "Note (optional)" }]} />
            <ApiForm url={`${url}/return`} label={`Return inquiry ${q.number}`} submitLabel="Return the answer" fields={[{ name: "reason", label: "What is still missing", required: true }]} />
          </>
        )}
        {canWork && q.status === "CLOSED" && <ApiForm url={`${url}/reopen`} label={`Reopen inquiry ${q.number}`} submitLabel="Reopen" fields={[{ name: "reason", label: "Why it is reopened", required: true }]} />}
      </div>
    </article>
  );
}
