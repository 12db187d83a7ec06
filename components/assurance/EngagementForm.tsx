"use client";
// An officer's form for an engagement: firm, dates, materiality in tCO2e, periods covered, auditors assigned. POSTs a
// new one or PATCHes the one given; the API's field errors are shown beside the form.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { EngagementView } from "@/lib/views/assurance";

type Option = { id: string; label: string };

export function EngagementForm({ org, periods, auditors, engagement }: { org: string; periods: Option[]; auditors: Option[]; engagement?: EngagementView }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const title = engagement ? `Edit ${engagement.name}` : "New engagement";
  async function submit(form: FormData) {
    const body = {
      name: form.get("name"), firm: form.get("firm"), startDate: form.get("startDate"), endDate: form.get("endDate"),
      overallTCo2e: form.get("overallTCo2e"), performanceTCo2e: form.get("performanceTCo2e"), clearlyTrivialTCo2e: form.get("clearlyTrivialTCo2e"),
      periodIds: form.getAll("periodIds"), auditorMembershipIds: form.getAll("auditorMembershipIds"),
    };
    const res = await fetch(engagement ? `/api/orgs/${org}/engagements/${engagement.id}` : `/api/orgs/${org}/engagements`, {
      method: engagement ? "PATCH" : "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
    });
    const json = (await res.json()) as { error?: { message: string; issues?: { field: string; reason: string }[] } };
    if (!res.ok) return setMessage(json.error?.issues?.length ? json.error.issues.map((i) => `${i.field}: ${i.reason}`).join("; ") : (json.error?.message ?? "Not saved."));
    setMessage(engagement ? "Engagement changed." : "Engagement created.");
    router.refresh();
  }
  const input = "rounded border border-slate-300 px-2 py-1";
  return (
    <form aria-label={title} action={submit} className="grid gap-3 text-sm sm:grid-cols-2">
      <label className="flex flex-col">Name <input required name="name" defaultValue={engagement?.name} className={input} /></label>
      <label className="flex flex-col">Firm <input required name="firm" defaultValue={engagement?.firm} className={input} /></label>
      <label className="flex flex-col">Fieldwork start <input required type="date" name="startDate" defaultValue={engagement?.startDate} className={input} /></label>
      <label className="flex flex-col">Fieldwork end <input required type="date" name="endDate" defaultValue={engagement?.endDate} className={input} /></label>
      <label className="flex flex-col">Overall materiality (tCO₂e) <input required inputMode="decimal" name="overallTCo2e" defaultValue={engagement?.overallTCo2e} className={input} /></label>
      <label className="flex flex-col">Performance materiality (tCO₂e) <input required inputMode="decimal" name="performanceTCo2e" defaultValue={engagement?.performanceTCo2e} className={input} /></label>
      <label className="flex flex-col">Clearly trivial (tCO₂e) <input required inputMode="decimal" name="clearlyTrivialTCo2e" defaultValue={engagement?.clearlyTrivialTCo2e} className={input} /></label>
      <fieldset className="sm:col-span-2"><legend className="font-medium">Periods covered</legend>
        {periods.map((p) => <label key={p.id} className="mr-4 inline-flex items-center gap-1"><input type="checkbox" name="periodIds" value={p.id} defaultChecked={engagement?.periods.some((x) => x.id === p.id)} /> {p.label}</label>)}
      </fieldset>
      <fieldset className="sm:col-span-2"><legend className="font-medium">Auditors</legend>
        {auditors.length === 0 ? <span className="text-slate-600">No auditor member yet: add one in Settings.</span> : auditors.map((a) => <label key={a.id} className="mr-4 inline-flex items-center gap-1"><input type="checkbox" name="auditorMembershipIds" value={a.id} defaultChecked={engagement?.auditors.some((x) => x.membershipId === a.id)} /> {a.label}</label>)}
      </fieldset>
      <div className="sm:col-span-2 flex items-center gap-3">
        <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 text-white">{engagement ? "Save changes" : "Create engagement"}</button>
        <p role="status" data-testid="engagement-message">{message}</p>
      </div>
    </form>
  );
}
