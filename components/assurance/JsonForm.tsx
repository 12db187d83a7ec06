"use client";
// A form that posts its non-empty fields as JSON (dot names nest: population.scope → { population: { scope } }) to
// one API route, then refreshes the page or follows the created record. Errors show the API's message and fields.
import { useRouter } from "next/navigation";
import { useState } from "react";

export interface JsonField {
  name: string;
  label: string;
  type?: "text" | "select" | "textarea";
  options?: readonly { value: string; label: string }[];
  placeholder?: string;
  defaultValue?: string;
  /** Comma-separated text sent as a list. */
  list?: boolean;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const [head, ...rest] = path.split(".");
  if (rest.length === 0) target[head] = value;
  else setPath((target[head] ??= {}) as Record<string, unknown>, rest.join("."), value);
}

export function JsonForm({ url, fields, fixed = {}, submitLabel, label, redirectTo, testId }: { url: string; fields: JsonField[]; fixed?: Record<string, unknown>; submitLabel: string; label: string; redirectTo?: string; testId?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    const form = new FormData(e.currentTarget);
    const body: Record<string, unknown> = { ...fixed };
    for (const f of fields) {
      const v = String(form.get(f.name) ?? "").trim();
      if (v !== "") setPath(body, f.name, f.list ? v.split(",").map((x) => x.trim()).filter(Boolean) : v);
    }
    try {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const json = await res.json().catch(() => null);
      if (!res.ok) {
        const issues = (json?.error?.issues ?? []) as { field: string; reason: string }[];
        return setError(`${json?.error?.message ?? `HTTP ${res.status}`}${issues.length ? ` (${issues.map((i) => `${i.field}: ${i.reason}`).join("; ")})` : ""}`);
      }
      if (redirectTo && json?.id) router.push(`${redirectTo}${json.id}`);
      else router.refresh();
    } finally {
      setBusy(false);
    }
  }
  const input = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label={label} data-testid={testId}>
      {fields.map((f) => (
        <label key={f.name} className="flex flex-col text-xs text-slate-600">
          {f.label}
          {f.type === "select" ? (
            <select name={f.name} defaultValue={f.defaultValue} className={input}>
              {f.options?.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          ) : f.type === "textarea" ? (
            <textarea name={f.name} defaultValue={f.defaultValue} placeholder={f.placeholder} rows={2} className={`${input} w-72`} />
          ) : (
            <input name={f.name} placeholder={f.placeholder} defaultValue={f.defaultValue} className={input} />
          )}
        </label>
      ))}
      <button type="submit" disabled={busy} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50">
        {busy ? "Working…" : submitLabel}
      </button>
      {error && <p role="alert" className="w-full text-sm text-red-700">{error}</p>}
    </form>
  );
}
