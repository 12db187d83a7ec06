"use client";
// A small form that sends its fields as JSON to one API route and refreshes the page (or follows the new record).
import { useRouter } from "next/navigation";
import { useState } from "react";

export interface ApiField {
  name: string;
  label: string;
  type?: "text" | "date" | "select" | "checkbox";
  options?: readonly string[];
  required?: boolean;
  placeholder?: string;
  defaultValue?: string;
}

export function ApiForm({ url, method = "POST", fields = [], fixed = {}, submitLabel, label, redirectTo }: {
  url: string;
  method?: "POST" | "PATCH";
  fields?: ApiField[];
  /** Values sent as they are (ids, flags). */
  fixed?: Record<string, unknown>;
  submitLabel: string;
  label: string;
  /** Follow the created record: the prefix to which the response's id is appended. */
  redirectTo?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    const form = new FormData(e.currentTarget);
    const body = { ...fixed, ...Object.fromEntries(fields.map((f) => [f.name, f.type === "checkbox" ? form.get(f.name) === "on" : String(form.get(f.name) ?? "")])) };
    try {
      const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const json = await res.json().catch(() => null);
      if (!res.ok) return setError(json?.error?.message ?? `HTTP ${res.status}`);
      if (redirectTo && json?.id) router.push(`${redirectTo}${json.id}`);
      else router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label={label}>
      {fields.map((f) => (
        <label key={f.name} className="flex flex-col text-xs text-slate-600">
          {f.label}
          {f.type === "checkbox" ? (
            <input name={f.name} type="checkbox" required={f.required} className="mt-1 h-4 w-4 self-start" />
          ) : f.type === "select" ? (
            <select name={f.name} defaultValue={f.defaultValue} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm">
              {f.options?.map((o) => <option key={o}>{o}</option>)}
            </select>
          ) : (
            <input name={f.name} type={f.type ?? "text"} required={f.required} placeholder={f.placeholder} defaultValue={f.defaultValue} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
          )}
        </label>
      ))}
      <button type="submit" disabled={busy} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white hover:bg-slate-700 disabled:opacity-50">{submitLabel}</button>
      {error && <span role="alert" className="text-sm text-rose-700">{error}</span>}
    </form>
  );
}
