"use client";
// Add a mapping: provider, what to match (billing account, cloud project, account, tag key=value), its value, and
// the Scopebook project. Rows already imported move at once; the page refreshes to show them.
import { useRouter } from "next/navigation";
import { useState } from "react";

export interface MappingFormOptions {
  providers: readonly string[];
  matchTypes: { value: string; label: string }[];
  projects: { id: string; name: string }[];
}

const field = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export function MappingForm({ org, options }: { org: string; options: MappingFormOptions }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "ok"; text: string } | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setMessage(null);
    const form = new FormData(e.currentTarget);
    const body = Object.fromEntries(["provider", "matchType", "matchValue", "projectId"].map((k) => [k, String(form.get(k) ?? "")]));
    const res = await fetch(`/api/orgs/${org}/cloud-mappings`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const json = await res.json().catch(() => null);
    if (!res.ok) return setMessage({ tone: "error", text: json?.error?.message ?? `HTTP ${res.status}` });
    setMessage({ tone: "ok", text: `Mapping added: ${json.rowsMoved} row(s) attributed.` });
    router.refresh();
  }

  if (!options.projects.length) return <p className="text-sm text-slate-500">Create a project first (Projects), then map cloud rows to it.</p>;
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label="New cloud mapping">
      <label className="flex flex-col text-xs text-slate-500">
        Provider
        <select name="provider" className={field} defaultValue={options.providers[0]}>
          {options.providers.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-xs text-slate-500">
        Match
        <select name="matchType" className={field} defaultValue="CLOUD_PROJECT">
          {options.matchTypes.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-xs text-slate-500">
        Value
        <input name="matchValue" required maxLength={500} placeholder="e.g. ml-training" className={field} />
      </label>
      <label className="flex flex-col text-xs text-slate-500">
        Scopebook project
        <select name="projectId" className={field}>
          {options.projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white hover:bg-slate-700">
        Add mapping
      </button>
      {message && (
        <span role={message.tone === "error" ? "alert" : "status"} className={`text-sm ${message.tone === "error" ? "text-rose-700" : "text-emerald-700"}`}>
          {message.text}
        </span>
      )}
    </form>
  );
}
