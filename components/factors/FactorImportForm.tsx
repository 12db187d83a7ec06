"use client";
// Import a factor dataset from CSV: provenance in the form, the file; "Preview" shows what Scopebook read and every
// row error (row, column, value, reason); "Import" writes the dataset (all or nothing), "Cancel" forgets it.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { TableScroll } from "@/components/ui/TableScroll";
import type { FactorImportPreview } from "@/lib/views/factors";
import { ApiErrorBox, apiError, type ApiError } from "./ApiErrorBox";
import { BUTTON, INPUT, LABEL, SECONDARY } from "./field-classes";

const PROVENANCE_FIELDS: { name: string; label: string; required?: boolean; placeholder?: string; type?: string }[] = [
  { name: "publisher", label: "Publisher", required: true, placeholder: "AIB, US EPA, DESNZ…" },
  { name: "title", label: "Title", required: true, placeholder: "European residual mixes" },
  { name: "version", label: "Version", required: true, placeholder: "2024" },
  { name: "year", label: "Year", placeholder: "2024", type: "number" },
  { name: "licence", label: "Licence", required: true, placeholder: "CC BY 4.0, OGL v3, public domain…" },
  { name: "url", label: "URL", placeholder: "https://…", type: "url" },
  { name: "retrievedAt", label: "Retrieved on", type: "date" },
  { name: "gwpBasis", label: "GWP basis", placeholder: "AR5, AR6" },
];

export function FactorImportForm({ org }: { org: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [preview, setPreview] = useState<FactorImportPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(path: string): Promise<Response | null> {
    const form = formRef.current;
    if (!form) return null;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setError({ message: "Choose a CSV file first." });
      return null;
    }
    setBusy(true);
    try {
      return await fetch(`/api/orgs/${org}/factors/${path}`, { method: "POST", body: data });
    } finally {
      setBusy(false);
    }
  }

  async function onPreview(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setDone(null);
    setPreview(null);
    const res = await send("imports/preview");
    if (!res) return;
    if (!res.ok) return setError(await apiError(res));
    setPreview(await res.json());
  }

  async function onConfirm() {
    setError(null);
    const res = await send("imports");
    if (!res) return;
    if (!res.ok) return setError(await apiError(res));
    const json = await res.json();
    setPreview(null);
    formRef.current?.reset();
    setDone(json.duplicateFile ? `This file was already imported as "${json.dataset.title}" version ${json.dataset.version}: nothing changed.` : `Imported ${json.factorsImported} factors as "${json.dataset.title}" version ${json.dataset.version}.`);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-4">
      <form ref={formRef} onSubmit={onPreview} className="flex flex-col gap-3" aria-label="Import factors from CSV">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          {PROVENANCE_FIELDS.map((f) => (
            <label key={f.name} className={LABEL}>
              {f.label}
              {f.required && " *"}
              <input name={f.name} required={f.required} placeholder={f.placeholder} type={f.type ?? "text"} className={INPUT} onChange={() => setPreview(null)} />
            </label>
          ))}
        </div>
        <label className={LABEL}>
          Attribution (shown wherever the factors are used)
          <input name="attribution" className={INPUT} onChange={() => setPreview(null)} />
        </label>
        <label className={LABEL}>
          CSV file (at most 5 MB) —{" "}
          <a className="underline" href={`/api/orgs/${org}/factors/template`}>
            download the template
          </a>
          <input name="file" type="file" accept=".csv,text/csv" className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5" onChange={() => setPreview(null)} />
        </label>
        <div>
          <button type="submit" disabled={busy} className={BUTTON}>
            {busy ? "Reading…" : "Preview"}
          </button>
        </div>
      </form>
      {error && <ApiErrorBox error={error} testId="factor-import-error" />}
      {done && (
        <div data-testid="factor-import-done" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          {done}
        </div>
      )}
      {preview && <ImportPreview preview={preview} busy={busy} onConfirm={onConfirm} onCancel={() => setPreview(null)} />}
    </div>
  );
}

function ImportPreview({ preview, busy, onConfirm, onCancel }: { preview: FactorImportPreview; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <div data-testid="factor-import-preview" className="rounded-md border border-slate-200 p-4 text-sm">
      <p>
        <strong>{preview.fileName}</strong>: {preview.rowsTotal} rows, {preview.rowsValid} valid, {preview.rowErrors.length} with errors.
      </p>
      {preview.alreadyImported && (
        <p className="mt-1 text-amber-800">
          This file is already imported as &quot;{preview.alreadyImported.title}&quot; version {preview.alreadyImported.version}: importing it again changes nothing.
        </p>
      )}
      {preview.versionTaken && <p className="mt-1 text-rose-700">This publisher, title and version already exist: give another version.</p>}
      {preview.rowErrors.length > 0 && (
        <>
          <p className="mt-2 text-rose-700">A dataset is imported whole: fix these rows and preview again.</p>
          <TableScroll label="Row errors">
            <table className="mt-2 w-full text-left [&_td]:px-2 [&_th]:px-2" data-testid="factor-import-row-errors">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th>Row</th>
                  <th>Column</th>
                  <th>Value</th>
                  <th>Reason</th>
                </tr>
              </thead>
              <tbody>
                {preview.rowErrors.map((e, n) => (
                  <tr key={n} data-testid="factor-import-row-error">
                    <td>{e.row}</td>
                    <td>{e.column}</td>
                    <td>{e.value}</td>
                    <td>{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      {preview.firstRows.length > 0 && (
        <TableScroll label="First rows of the dataset">
          <table className="mt-3 w-full text-left text-xs [&_td]:px-2 [&_th]:px-2">
            <thead className="uppercase text-slate-500">
              <tr>
                <th>Key type</th>
                <th>Key</th>
                <th>Year</th>
                <th>Method</th>
                <th>Value (stored)</th>
                <th>As in the file</th>
              </tr>
            </thead>
            <tbody>
              {preview.firstRows.map((r, n) => (
                <tr key={n}>
                  <td>{r.keyType}</td>
                  <td>{r.key}</td>
                  <td>{r.year}</td>
                  <td>{r.method}</td>
                  <td>
                    {r.value} {r.unit}
                  </td>
                  <td>
                    {r.sourceValue} {r.sourceUnit}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <div className="mt-3 flex gap-2">
        <button type="button" disabled={busy || !preview.canImport} onClick={onConfirm} className={BUTTON} data-testid="factor-import-confirm">
          Import
        </button>
        <button type="button" onClick={onCancel} className={SECONDARY}>
          Cancel
        </button>
      </div>
    </div>
  );
}
