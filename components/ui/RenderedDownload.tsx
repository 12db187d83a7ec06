"use client";
// A link to a document the server renders on request (the E1 report PDF): a plain click shows that it is being
// rendered, with the seconds elapsed, then opens the file; errors are said in words. The link itself stays a
// link (opens in a new tab, can be saved, works without JavaScript).
import { useEffect, useState } from "react";

export function RenderedDownload({ href, label, what = "the report", className }: { href: string; label: string; what?: string; className?: string }) {
  const [state, setState] = useState<{ phase: "idle" } | { phase: "rendering"; since: number } | { phase: "error"; message: string }>({ phase: "idle" });
  const [elapsed, setElapsed] = useState(0);

  useEffect(() => {
    if (state.phase !== "rendering") return;
    const timer = setInterval(() => setElapsed(Math.round((Date.now() - state.since) / 1000)), 250);
    return () => clearInterval(timer);
  }, [state]);

  async function onClick(e: React.MouseEvent<HTMLAnchorElement>) {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || state.phase === "rendering") return;
    e.preventDefault();
    setElapsed(0);
    setState({ phase: "rendering", since: Date.now() });
    try {
      const res = await fetch(href);
      if (!res.ok) {
        const json = await res.json().catch(() => null);
        setState({ phase: "error", message: json?.error?.message ?? `The server answered HTTP ${res.status}.` });
        return;
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "report.pdf";
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ phase: "idle" });
    } catch {
      setState({ phase: "error", message: "The server did not answer; try again." });
    }
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <a href={href} onClick={onClick} aria-busy={state.phase === "rendering"} className={className}>
        {label}
      </a>
      {state.phase === "rendering" && (
        <span role="status" className="text-xs text-slate-600 tabular-nums" data-testid="rendering">
          Rendering {what}… {elapsed} s
        </span>
      )}
      {state.phase === "error" && (
        <span role="alert" className="text-xs text-rose-700">
          {state.message}
        </span>
      )}
    </span>
  );
}
