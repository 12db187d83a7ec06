"use client";
// Confirm or cancel a previewed import (or retry / discard a failed one). Confirming returns at once: the import is
// written in the background and its page shows the progress.
import { useRouter } from "next/navigation";
import { useState } from "react";

export function ImportActions({ org, importId, canConfirm, retry = false }: { org: string; importId: string; canConfirm: boolean; retry?: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState<"confirm" | "cancel" | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function act(action: "confirm" | "cancel") {
    setBusy(action);
    setError(null);
    try {
      const res = await fetch(`/api/orgs/${org}/imports/${importId}/${action}`, { method: "POST" });
      const json = await res.json().catch(() => null);
      if (!res.ok) return setError(json?.error?.message ?? `The request failed (HTTP ${res.status}).`);
      router.push(`/${org}/imports/${importId}`);
      router.refresh();
    } catch {
      setError("The server could not be reached; nothing changed. Try again.");
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        data-testid="confirm-import"
        disabled={!canConfirm || busy !== null}
        onClick={() => act("confirm")}
        className="rounded-md bg-emerald-700 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-50"
      >
        {busy === "confirm" ? "Starting…" : retry ? "Retry import" : "Confirm import"}
      </button>
      <button
        type="button"
        data-testid="cancel-import"
        disabled={busy !== null}
        onClick={() => act("cancel")}
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50 disabled:opacity-50"
      >
        {busy === "cancel" ? "Cancelling…" : retry ? "Discard" : "Cancel"}
      </button>
      {!canConfirm && <span className="text-sm text-slate-500">No row of this file can be imported.</span>}
      {error && (
        <span className="text-sm text-rose-700" data-testid="import-action-error">
          {error}
        </span>
      )}
    </div>
  );
}
