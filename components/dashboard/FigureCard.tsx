// A dashboard card: the figure of the selected period and method, N-1 beside it with the % change, and a link to
// the ledger lines it sums. Plain data in (exact strings), formatted here only.
import Link from "next/link";
import { formatChange, formatMassKg as formatMass } from "@/lib/format";
import type { DashboardFigure } from "@/lib/views/dashboard";

export function FigureCard({ label, figure, previousName, href, testId }: { label: string; figure: DashboardFigure; previousName: string | null; href: string; testId: string }) {
  const change = figure.changePct;
  // Less is better for emissions: a decrease reads green, an increase red (both with their sign, not colour alone).
  const tone = change === null ? "text-slate-600" : change.startsWith("-") ? "text-emerald-800" : change === "0" ? "text-slate-600" : "text-rose-800";
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={testId}>
      <div className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</div>
      <Link href={href} className="mt-1 block text-2xl font-semibold tabular-nums text-slate-900 hover:underline" data-testid={`${testId}-value`} aria-label={`${label}: ${formatMass(figure.kgCo2e)}, open its ledger lines`}>
        {formatMass(figure.kgCo2e)}
      </Link>
      <div className="mt-1 text-xs text-slate-600">
        {figure.previousKgCo2e === null ? (
          <span>{previousName ? `${previousName}: not calculated` : "No previous period"}</span>
        ) : (
          <span>
            {previousName}: <span className="tabular-nums">{formatMass(figure.previousKgCo2e)}</span>{" "}
            <span className={`font-medium tabular-nums ${tone}`} data-testid={`${testId}-change`}>{formatChange(change)}</span>
          </span>
        )}
      </div>
    </div>
  );
}
