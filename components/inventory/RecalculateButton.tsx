"use client";
// Recalculate a period, with its progress where it runs (decision 0026): while the request works, the progress row
// the recalculation writes at each phase is polled and shown (step, phase, elapsed). A recalculation already running
// when the page opens (another user's, or one an import started) shows the same way; the page refreshes when it ends.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatCount } from "@/lib/format";
import type { RecalculationProgressView } from "@/lib/views/recalculation";

interface Outcome {
  versionNumber: number;
  changed: boolean;
  restated: boolean;
  lines: number;
  unresolvedLines: number;
}

const POLL_MS = 800;

function outcomeText(o: Outcome): string {
  if (!o.changed) return `Recalculated: the figures are unchanged (version ${o.versionNumber}, ${formatCount(o.lines)} lines).`;
  return `Recalculated: ${o.restated ? "restated as " : ""}version ${o.versionNumber}, ${formatCount(o.lines)} lines${o.unresolvedLines ? `, ${formatCount(o.unresolvedLines)} without a factor` : ""}.`;
}

export function RecalculateButton({ api, initial }: { api: string; initial: RecalculationProgressView | null }) {
  const router = useRouter();
  const [progress, setProgress] = useState<RecalculationProgressView | null>(initial?.running ? initial : null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const started = useRef<number>(0);
  const [elapsed, setElapsed] = useState(0);
  const watching = busy || (progress?.running ?? false);

  const poll = useCallback(async () => {
    const res = await fetch(`${api}/recalculation`).catch(() => null);
    const json = res?.ok ? ((await res.json().catch(() => null)) as RecalculationProgressView | null) : null;
    if (json) setProgress(json);
    return json;
  }, [api]);

  // While a recalculation runs: poll its progress and tick the elapsed time.
  useEffect(() => {
    if (!watching) return;
    if (!started.current) started.current = initial?.running ? Date.parse(initial.startedAt) : Date.now();
    const tick = async () => {
      setElapsed(Math.max(0, Math.round((Date.now() - started.current) / 1000)));
      const now = await poll();
      // One this page did not start ended: show the new figures.
      if (!busy && now && !now.running) {
        clearInterval(timer);
        setMessage(now.phase === "failed" ? { text: now.error ?? now.label, error: true } : { text: `${now.label} (${now.elapsedSeconds} s).`, error: false });
        router.refresh();
      }
    };
    const first = setTimeout(tick, 200);
    const timer = setInterval(tick, POLL_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [watching, busy, poll, initial, router]);

  async function recalculate() {
    setMessage(null);
    setBusy(true);
    started.current = Date.now();
    setElapsed(0);
    try {
      const res = await fetch(`${api}/recalculate`, { method: "POST" });
      const json = await res.json().catch(() => null);
      if (!res.ok) setMessage({ text: json?.error?.message ?? `HTTP ${res.status}`, error: true });
      else setMessage({ text: outcomeText(json as Outcome), error: false });
      await poll();
      router.refresh();
    } catch {
      setMessage({ text: "The server did not answer; the recalculation may still be running. Reload the page to see it.", error: true });
    } finally {
      setBusy(false);
      started.current = 0;
    }
  }

  const running = watching && progress?.running;
  return (
    <div className="flex w-80 shrink-0 flex-col items-end gap-2" data-testid="recalculation">
      <form aria-label="Recalculate" onSubmit={(e) => { e.preventDefault(); void recalculate(); }}>
        <button type="submit" disabled={watching} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white hover:bg-slate-700 disabled:opacity-50">
          {watching ? "Recalculating…" : "Recalculate"}
        </button>
      </form>
      {watching && (
        <div className="w-full text-xs text-slate-600" data-testid="recalculation-progress" aria-live="polite">
          <div className="flex justify-between gap-2">
            <span>{running ? `Step ${progress!.step + 1} of ${progress!.steps}: ${progress!.label}` : "Starting…"}</span>
            <span className="tabular-nums">{elapsed} s</span>
          </div>
          <div className="mt-1 h-1.5 w-full overflow-hidden rounded bg-slate-200" role="progressbar" aria-label="Recalculation progress" aria-valuenow={running ? progress!.percent : 0} aria-valuemin={0} aria-valuemax={100}>
            <div className="h-full bg-emerald-600 transition-all" style={{ width: `${running ? progress!.percent : 0}%` }} />
          </div>
          <p className="mt-1 text-slate-500">You can leave this page: the recalculation goes on, all or nothing.</p>
        </div>
      )}
      {message && (
        <p role={message.error ? "alert" : "status"} className={`w-full text-right text-sm ${message.error ? "text-rose-700" : "text-emerald-800"}`} data-testid="recalculation-outcome">
          {message.text}
        </p>
      )}
    </div>
  );
}
