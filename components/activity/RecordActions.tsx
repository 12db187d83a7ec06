"use client";
// Edit and delete buttons of one activity record or instrument (shown to officers and admins only; the API checks
// the permission again). Edit opens the record's form under the row; Delete asks once more, then deletes (soft: stated
// figures keep their link to it) and refreshes the page.
import { useRouter } from "next/navigation";
import { useState } from "react";

export function RecordActions({ deleteUrl, what, children }: { deleteUrl: string; what: string; children: React.ReactNode }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setError(null);
    try {
      const res = await fetch(deleteUrl, { method: "DELETE" });
      if (!res.ok) return setError((await res.json().catch(() => null))?.error?.message ?? `HTTP ${res.status}`);
      router.refresh();
    } catch {
      setError("The server could not be reached; nothing was deleted.");
    } finally {
      setConfirming(false);
    }
  }

  const button = "rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50";
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-1 whitespace-nowrap">
        <button type="button" className={button} onClick={() => setEditing(!editing)} aria-expanded={editing}>
          {editing ? "Close" : "Edit"}
        </button>
        {confirming ? (
          <>
            <button type="button" className={`${button} border-rose-300 text-rose-800`} onClick={remove}>Delete this {what}</button>
            <button type="button" className={button} onClick={() => setConfirming(false)}>Keep</button>
          </>
        ) : (
          <button type="button" className={button} onClick={() => setConfirming(true)}>Delete</button>
        )}
      </div>
      {error && <p className="text-xs text-rose-800" role="alert">{error}</p>}
      {editing && <div className="mt-2 w-[44rem] max-w-[80vw] rounded-md border border-slate-200 bg-white p-3 text-left shadow-lg">{children}</div>}
    </div>
  );
}
