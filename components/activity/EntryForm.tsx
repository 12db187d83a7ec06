"use client";
// A form that posts its fields (and an optional "evidence" file) as multipart/form-data to a create route (or PATCHes
// an edit route, its fields filled from `initial`), shows the route's message and each field's reason on a 422, and
// refreshes the page's data on success.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

export function EntryForm({
  action,
  method = "POST",
  label,
  submit,
  success,
  initial,
  children,
}: {
  action: string;
  method?: "POST" | "PATCH";
  label: string;
  submit: string;
  success: string;
  /** The values an edit form starts from, by field name (the record as it is). */
  initial?: Record<string, string>;
  children: React.ReactNode;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    for (const [name, value] of Object.entries(initial ?? {})) {
      const field = formRef.current?.elements.namedItem(name);
      if ((field instanceof HTMLInputElement && field.type !== "file") || field instanceof HTMLSelectElement) field.value = value;
    }
  }, [initial]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string; issues?: { field: string; reason: string }[] } | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch(action, { method, body: new FormData(form) });
      const json = await res.json().catch(() => null);
      if (!res.ok) return setMessage({ tone: "error", text: json?.error?.message ?? `HTTP ${res.status}`, issues: json?.error?.issues });
      setMessage({ tone: "success", text: success });
      if (method === "POST") form.reset();
      router.refresh();
    } catch {
      setMessage({ tone: "error", text: "The server could not be reached; nothing was saved." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} aria-label={label} className="flex flex-col gap-3">
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">{children}</div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={busy} className="rounded-md bg-slate-900 px-4 py-2 text-sm text-white hover:bg-slate-700 disabled:opacity-50">
          {busy ? "Saving…" : submit}
        </button>
      </div>
      {message && (
        <div data-testid="entry-message" data-tone={message.tone} className={`rounded-md border px-4 py-2 text-sm ${message.tone === "error" ? "border-rose-200 bg-rose-50 text-rose-900" : "border-emerald-200 bg-emerald-50 text-emerald-900"}`}>
          {message.tone === "error" && message.issues?.length ? "Not saved:" : message.text}
          {message.tone === "error" && message.issues?.length ? (
            <ul className="mt-1 list-disc pl-5">
              {message.issues.map((i, n) => (
                <li key={n} data-field={i.field}>{i.field}: {i.reason}</li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </form>
  );
}

const INPUT = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** A labelled input; `hint` under it. */
export function Field({ label, name, hint, ...input }: { label: string; name: string; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="text-sm text-slate-700">
      {label}
      <input name={name} className={INPUT} {...input} />
      {hint && <span className="mt-0.5 block text-xs text-slate-500">{hint}</span>}
    </label>
  );
}

export function Select({ label, name, options, hint, ...select }: { label: string; name: string; options: { value: string; label: string }[]; hint?: string } & React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <label className="text-sm text-slate-700">
      {label}
      <select name={name} className={INPUT} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
      {hint && <span className="mt-0.5 block text-xs text-slate-500">{hint}</span>}
    </label>
  );
}

export function EvidenceField() {
  return <Field label="Evidence file (optional, ≤ 8 MiB)" name="evidence" type="file" hint="Invoice, meter reading, certificate: kept with its sha256" />;
}

/** A create form's props (POST to `base`), or an edit form's (PATCH to `base/<id>`, filled from the record's values). */
export function entryFormProps(base: string, what: "activity" | "instrument", edit?: { id: string; values: Record<string, string> }) {
  const label = what === "activity" ? "Activity" : "Instrument";
  return edit
    ? { action: `${base}/${edit.id}`, method: "PATCH" as const, label: `Edit ${what}`, submit: "Save changes", success: `${label} changed.`, initial: edit.values }
    : { action: base, label: `New ${what}`, submit: `Add ${what}`, success: `${label} recorded.` };
}
