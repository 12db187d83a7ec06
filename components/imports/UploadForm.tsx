"use client";
// Upload a CodeCarbon file: its bytes are sent as the request body (streamed to disk by the server, any size up to
// the limit), with the upload's progress; the server answers with a preview, confirmed or cancelled below.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { formatCount } from "@/lib/format";
import type { ImportView } from "@/lib/views/imports";
import { ImportActions } from "./ImportActions";
import { ImportPreview } from "./ImportPreview";

type Outcome =
  | { tone: "preview"; view: ImportView }
  | { tone: "duplicate"; view: ImportView }
  | { tone: "error"; text: string; issues?: { field: string; reason: string }[] };

interface Sent {
  status: number;
  json: { importId?: string; duplicateFile?: boolean; import?: ImportView; error?: { message?: string; issues?: { field: string; reason: string }[] } } | null;
}

function send(url: string, file: File, onProgress: (loaded: number, total: number) => void, xhrRef: { current: XMLHttpRequest | null }): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhrRef.current = xhr;
    xhr.open("PUT", url);
    xhr.setRequestHeader("content-type", file.type || "application/octet-stream");
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      let json = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: reported by status below
      }
      resolve({ status: xhr.status, json });
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.onabort = () => reject(new Error("aborted"));
    xhr.send(file);
  });
}

/** `sources`: what a file may be declared as (the default detects it from the file). */
export function UploadForm({ org, maxBytes, sources = [] }: { org: string; maxBytes: number; sources?: { value: string; label: string }[] }) {
  const router = useRouter();
  const xhr = useRef<XMLHttpRequest | null>(null);
  const [sending, setSending] = useState<{ loaded: number; total: number; started: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
    const source = (form.elements.namedItem("source") as HTMLSelectElement | null)?.value ?? "";
    if (!file) return setOutcome({ tone: "error", text: "Choose a file first." });
    if (file.size > maxBytes)
      return setOutcome({ tone: "error", text: `The file is ${formatCount(file.size)} bytes; the limit is ${formatCount(maxBytes)} bytes.` });
    setOutcome(null);
    const started = Date.now();
    setSending({ loaded: 0, total: file.size, started });
    try {
      const url = `/api/orgs/${org}/imports/upload?name=${encodeURIComponent(file.name)}${source ? `&source=${encodeURIComponent(source)}` : ""}`;
      const { status, json } = await send(url, file, (loaded, total) => setSending({ loaded, total, started }), xhr);
      if (status >= 400 || !json?.import) {
        setOutcome({ tone: "error", text: json?.error?.message ?? `Upload failed (HTTP ${status}).`, issues: json?.error?.issues });
      } else {
        setOutcome({ tone: json.duplicateFile ? "duplicate" : "preview", view: json.import });
        form.reset();
        router.refresh();
      }
    } catch (err) {
      setOutcome({ tone: "error", text: (err as Error).message === "aborted" ? "Upload stopped; nothing was kept." : "The upload did not reach the server; nothing was imported. Try again." });
    } finally {
      setSending(null);
      xhr.current = null;
    }
  }

  const percent = sending && sending.total ? Math.floor((sending.loaded / sending.total) * 100) : 0;
  const mbPerSecond = sending ? sending.loaded / 1e6 / Math.max(0.001, (Date.now() - sending.started) / 1000) : 0;
  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Upload a CodeCarbon file">
        <label className="text-sm text-slate-600">
          CodeCarbon <code className="rounded bg-slate-100 px-1">emissions.csv</code> or its JSON output, or a cloud carbon export (Google Cloud, AWS, Azure,
          Cloud Carbon Footprint)
          <input name="file" type="file" accept=".csv,.json,.jsonl,.ndjson,text/csv,application/json" className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5" />
        </label>
        {sources.length > 0 && (
          <label className="text-sm text-slate-600">
            Source
            <select name="source" defaultValue="" className="ml-2 rounded-md border border-slate-300 px-2 py-1 text-sm" data-testid="upload-source">
              <option value="">Detect automatically</option>
              {sources.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="flex items-center gap-3">
          <button type="submit" disabled={!!sending} className="rounded-md bg-emerald-700 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-50">
            {sending ? "Uploading…" : "Upload"}
          </button>
          {sending && (
            <>
              <span className="text-sm tabular-nums text-slate-600" data-testid="upload-progress">
                {percent}% · {mbPerSecond.toFixed(1)} MB/s
              </span>
              <button type="button" className="text-sm underline" onClick={() => xhr.current?.abort()}>
                Stop
              </button>
            </>
          )}
        </div>
      </form>
      {outcome?.tone === "error" && (
        <div data-testid="upload-outcome" data-tone="error" className="rounded-md border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-900">
          {outcome.text}
          {outcome.issues?.length ? (
            <ul className="mt-1 list-disc pl-5">
              {outcome.issues.map((i, n) => (
                <li key={n}>{i.field}: {i.reason}</li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
      {outcome?.tone === "duplicate" && (
        <div data-testid="upload-outcome" data-tone="success" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          This file was already uploaded ({outcome.view.status.toLowerCase()}): nothing changed.{" "}
          <a className="underline" href={`/${org}/imports/${outcome.view.id}`}>View import</a>
        </div>
      )}
      {outcome?.tone === "preview" && (
        <div className="rounded-md border border-slate-200 p-4" data-testid="upload-outcome" data-tone="preview">
          <h3 className="mb-3 text-sm font-semibold">Preview of {outcome.view.fileName}: nothing is imported until you confirm</h3>
          <ImportPreview view={outcome.view} errorsHref={`/api/orgs/${org}/imports/${outcome.view.id}/errors`} />
          <div className="mt-4">
            <ImportActions org={org} importId={outcome.view.id} canConfirm={outcome.view.rowsValid > 0} />
          </div>
        </div>
      )}
    </div>
  );
}
