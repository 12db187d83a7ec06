"use client";
// Draws the sample again from its stored parameters (server side) and says whether the same sample came out.
import { useState } from "react";

export function RedrawButton({ url }: { url: string }) {
  const [msg, setMsg] = useState<string | null>(null);
  async function redraw() {
    setMsg("Drawing again…");
    const res = await fetch(url, { method: "POST" });
    const json = await res.json().catch(() => null);
    if (!res.ok) return setMsg(json?.error?.message ?? `HTTP ${res.status}`);
    setMsg(json.identical ? "Re-drawn from the stored seed and parameters: identical (same population sha256, same items)." : `Re-drawn: NOT identical — population sha256 ${json.populationSha256.redrawn} (stored ${json.populationSha256.stored}), ${json.differences.length} item(s) differ.`);
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" onClick={redraw} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">Re-draw and compare</button>
      {msg && <p role="status" data-testid="redraw-result" className="text-sm text-slate-700">{msg}</p>}
    </div>
  );
}
