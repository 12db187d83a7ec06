// The biggest movers against N-1: the five largest increases and decreases by scope, Scope 3 category and source,
// each row opening the current period's lines behind it.
import Link from "next/link";
import { linesHref, type DashboardMover } from "@/lib/views/dashboard";
import { formatChange, formatMassKg as formatMass } from "@/lib/format";

function Rows({ org, periodId, movers, title, testId }: { org: string; periodId: string; movers: DashboardMover[]; title: string; testId: string }) {
  return (
    <div>
      <h3 className="mb-1 text-sm font-medium text-slate-800">{title}</h3>
      {movers.length === 0 ? (
        <p className="text-sm text-slate-600">None.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm tabular-nums" data-testid={testId}>
            <thead className="text-xs uppercase text-slate-600">
              <tr><th className="py-1 pr-3 font-medium">What</th><th className="py-1 pr-3 font-medium">N-1</th><th className="py-1 pr-3 font-medium">Now</th><th className="py-1 pr-3 font-medium">Change</th></tr>
            </thead>
            <tbody>
              {movers.map((m) => (
                <tr key={m.key} className="border-t border-slate-100">
                  <td className="py-1 pr-3"><Link className="text-sky-800 hover:underline" href={linesHref(org, periodId, m.filter)}>{m.label}</Link></td>
                  <td className="py-1 pr-3">{formatMass(m.previousKgCo2e)}</td>
                  <td className="py-1 pr-3">{formatMass(m.kgCo2e)}</td>
                  <td className="py-1 pr-3">{m.deltaKgCo2e.startsWith("-") ? "−" : "+"}{formatMass(m.deltaKgCo2e.replace(/^-/, ""))} <span className="text-xs text-slate-600">({formatChange(m.changePct)})</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function MoversTable({ org, periodId, movers }: { org: string; periodId: string; movers: { up: DashboardMover[]; down: DashboardMover[] } }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Rows org={org} periodId={periodId} movers={movers.up} title="Largest increases" testId="movers-up" />
      <Rows org={org} periodId={periodId} movers={movers.down} title="Largest decreases" testId="movers-down" />
    </div>
  );
}
