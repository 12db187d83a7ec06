"use client";
// The progress of an import being written, polled from its API (the page can be left: the import goes on).
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { formatCount } from "@/lib/format";
import type { ImportProgressView } from "@/lib/views/imports";

const PHASES = { QUEUED: "Starting", WRITING: "Reading and writing rows", FINALIZING: "Finishing (run totals, audit)" } as const;

export function ImportProgress({ org, importId, initial, rowsTotal }: { org: string; importId: string; initial: ImportProgressView; rowsTotal: number }) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);

  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      const res = await fetch(`/api/orgs/${org}/imports/${importId}`).catch(() => null);
      const json = res?.ok ? await res.json().catch(() => null) : null;
      if (stopped || !json) return;
      if (json.status !== "PROCESSING") {
        stopped = true;
        clearInterval(timer);
        router.refresh();
        return;
      }
      setProgress(json.progress);
    }, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [org, importId, router]);

  return (
    <div className="flex flex-col gap-2" data-testid="import-progress">
      <div className="flex justify-between text-sm">
        <span>{progress.phase ? PHASES[progress.phase] : "Working"}…</span>
        <span className="tabular-nums" data-testid="import-progress-percent">
          {progress.percent}%
        </span>
      </div>
      <div className="h-2 w-full overflow-hidden rounded bg-slate-200" role="progressbar" aria-valuenow={progress.percent} aria-valuemin={0} aria-valuemax={100}>
        <div className="h-full bg-emerald-600 transition-all" style={{ width: `${progress.percent}%` }} />
      </div>
      <p className="text-xs text-slate-500 tabular-nums">
        {formatCount(progress.rowsProcessed)} of {formatCount(rowsTotal)} rows written
        {progress.rowsPerSecond ? ` · ${formatCount(progress.rowsPerSecond)} rows/s` : ""}. You can leave this page: the import goes on, all or nothing.
      </p>
    </div>
  );
}
