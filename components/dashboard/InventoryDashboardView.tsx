// The inventory part of the dashboard: cards (with N-1), data quality and the target slot, then the charts, each
// bar and row opening its ledger lines. Plain data in (lib/views/dashboard.ts).
import Link from "next/link";
import { BreakdownChart } from "@/components/charts/BreakdownChart";
import { MonthlyScopeChart } from "@/components/charts/MonthlyScopeChart";
import { StaleNotice } from "@/components/inventory/StaleNotice";
import { Card } from "@/components/ui/Card";
import { formatCount, formatPercent } from "@/lib/format";
import { METHOD_LABELS, linesHref, type DashboardTargetProgress, type InventoryDashboard } from "@/lib/views/dashboard";
import { FigureCard } from "./FigureCard";
import { MoversTable } from "./MoversTable";
import { TargetProgressCard } from "./TargetProgressCard";

function SmallCard({ label, value, hint, href, testId }: { label: string; value: string; hint: string; href?: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</div>
      <div className="mt-1 text-xl font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {href ? <Link href={href} className="hover:underline">{value}</Link> : value}
      </div>
      <div className="mt-1 text-xs text-slate-600">{hint}</div>
    </div>
  );
}

export function InventoryDashboardView({ org, data, canRecalculate, targetProgress }: { org: string; data: InventoryDashboard; canRecalculate: boolean; targetProgress?: DashboardTargetProgress | null }) {
  const p = data.period;
  const prevName = data.previous?.name ?? null;
  const c = data.cards;
  const href = (f: Parameters<typeof linesHref>[2]) => linesHref(org, p.id, f);
  const method = METHOD_LABELS[data.method].toLowerCase();
  return (
    <>
      {c.staleness.stale && c.staleness.inputsChangedAt && <StaleNotice changedAt={c.staleness.inputsChangedAt} lastChange={c.staleness.lastChange} status={p.status} canRecalculate={canRecalculate} />}
      <div className="mb-4 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <FigureCard label={`Total, ${method}`} figure={c.total} previousName={prevName} href={href(c.total.lines)} testId="card-total" />
        <FigureCard label="Scope 1" figure={c.scope1} previousName={prevName} href={href(c.scope1.lines)} testId="card-scope1" />
        <FigureCard label={`Scope 2, ${method}`} figure={c.scope2} previousName={prevName} href={href(c.scope2.lines)} testId="card-scope2" />
        <FigureCard label="Scope 3" figure={c.scope3} previousName={prevName} href={href(c.scope3.lines)} testId="card-scope3" />
      </div>
      <div className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SmallCard label="Scope 3 from primary data" value={formatPercent(c.scope3PrimaryPct)} hint="supplier-reported or supplier-specific factors (E1-6)" testId="card-primary" />
        <SmallCard label="Unresolved lines" value={formatCount(c.unresolvedLines)} hint={c.unresolvedLines ? "no factor found: not in the totals" : "every line has a factor"} href={c.unresolvedLines ? href(c.unresolvedFilter) : undefined} testId="card-unresolved" />
        <SmallCard label="Inputs changed since calculated" value={c.staleness.stale ? "Yes" : "No"} hint={c.staleness.stale ? `since ${c.staleness.inputsChangedAt?.slice(0, 16).replace("T", " ")} UTC` : `version ${p.versionNumber} is up to date`} testId="card-stale" />
        {targetProgress ? <TargetProgressCard progress={targetProgress} /> : <SmallCard label="Target progress" value="—" hint="no target covers this period yet" testId="card-target" />}
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div className="lg:col-span-2">
          <Card title={`Scope split per month (${method})`}>
            {data.monthly.length ? <MonthlyScopeChart org={org} periodId={p.id} view={c.total.lines.view} months={data.monthly} /> : <p className="text-sm text-slate-600">No ledger lines in this period.</p>}
          </Card>
        </div>
        {([
          ["Scope 3 by category", data.scope3ByCategory, "chart-category", "No Scope 3 emissions in this period."],
          ["By source", data.bySource, "chart-source", "No lines."],
          ["By project", data.byProject, "chart-project", "No lines."],
          ["By site", data.bySite, "chart-site", "No lines."],
          ["By country or cloud region", data.byLocation, "chart-location", "No lines."],
        ] as const).map(([title, bars, testId, empty]) => (
          <Card key={testId} title={title}>
            <BreakdownChart org={org} periodId={p.id} bars={bars} testId={testId} limit={testId === "chart-category" ? 15 : 8} empty={empty} />
          </Card>
        ))}
        <div className="lg:col-span-2">
          <Card title={`Biggest movers against ${prevName ?? "N-1"} (by scope, Scope 3 category and source)`}>
            {data.movers ? (
              <MoversTable org={org} periodId={p.id} movers={data.movers} />
            ) : (
              <p className="text-sm text-slate-600">{data.previous ? `${data.previous.name} is not calculated: no comparison yet.` : "No previous period to compare with."}</p>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
