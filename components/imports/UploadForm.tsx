"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

type Outcome =
  | { tone: "success"; text: string; importId: string }
  | { tone: "error"; text: string; issues?: { field: string; reason: string }[] };

export function UploadForm({ org, maxBytes }: { org: string; maxBytes: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
    if (!file) return setOutcome({ tone: "error", text: "Choose a file first." });
    if (file.size > maxBytes)
      return setOutcome({ tone: "error", text: `The file is ${file.size.toLocaleString()} bytes; the limit is ${maxBytes.toLocaleString()} bytes.` });
    setBusy(true);
    setOutcome(null);
    try {
      const body = new FormData();
      body.set("file", file);
      const res = await fetch(`/api/orgs/${org}/imports`, { method: "POST", body });
      const json = await res.json().catch(() => null);
      if (!res.ok) {
        setOutcome({ tone: "error", text: json?.error?.message ?? `Upload failed (HTTP ${res.status}).`, issues: json?.error?.issues });
      } else {
        const text = json.duplicateFile
          ? `This file was already imported: nothing changed.`
          : `Imported ${json.rowsImported} of ${json.rowsTotal} rows (${json.rowsDuplicate} duplicates, ${json.rowsFailed} with errors).`;
        setOutcome({ tone: "success", text, importId: json.importId });
        form.reset();
        router.refresh();
      }
    } catch {
      setOutcome({ tone: "error", text: "The upload did not reach the server; nothing was imported. Try again." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Upload a CodeCarbon file">
      <label className="text-sm text-slate-600">
        CodeCarbon <code className="rounded bg-slate-100 px-1">emissions.csv</code>
        <input name="file" type="file" accept=".csv,text/csv" className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5" />
      </label>
      <div>
        <button type="submit" disabled={busy} className="rounded-md bg-emerald-700 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-50">
          {busy ? "Uploading…" : "Upload"}
        </button>
      </div>
      {outcome && (
        <div
          data-testid="upload-outcome"
          data-tone={outcome.tone}
          className={`rounded-md border px-4 py-3 text-sm ${outcome.tone === "success" ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-rose-200 bg-rose-50 text-rose-900"}`}
        >
          {outcome.text}{" "}
          {outcome.tone === "success" && (
            <a className="underline" href={`/${org}/imports/${outcome.importId}`}>
              View import
            </a>
          )}
          {outcome.tone === "error" && outcome.issues?.length ? (
            <ul className="mt-1 list-disc pl-5">
              {outcome.issues.map((i, n) => (
                <li key={n}>
                  {i.field}: {i.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </form>
  );
}
