"use client";

/**
 * The scope split per month: stacked bars Scope 1 / 2 / 3 in one unit (t, kg or g CO₂e, from the largest month).
 * A click on a segment opens the ledger lines of that month and scope. Floats only size the bars; the tooltip and
 * the table read the exact strings through the display rule.
 */
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { linesHref, type DashboardMonth, type LinesFilter, type ScopeKey } from "@/lib/views/dashboard";
import { formatMassKg as formatMass, massScale } from "@/lib/format";
import { AXIS_TICK, SCOPE_COLOURS, formatTick, geometry, namedBar } from "./chart-parts";

const SCOPES: { key: ScopeKey; label: string; field: "scope1KgCo2e" | "scope2KgCo2e" | "scope3KgCo2e" }[] = [
  { key: "SCOPE_1", label: "Scope 1", field: "scope1KgCo2e" },
  { key: "SCOPE_2", label: "Scope 2", field: "scope2KgCo2e" },
  { key: "SCOPE_3", label: "Scope 3", field: "scope3KgCo2e" },
];

type Datum = DashboardMonth & Record<ScopeKey, number>;

function MonthTooltip({ active, payload }: TooltipContentProps) {
  const d = payload?.[0]?.payload as Datum | undefined;
  if (!active || !d) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm shadow-sm">
      <p className="font-medium text-slate-800">{d.month}: {formatMass(d.totalKgCo2e)}</p>
      {SCOPES.map((s) => (
        <p key={s.key} className="text-slate-700">{s.label}: <span className="tabular-nums">{formatMass(d[s.field])}</span></p>
      ))}
      <p className="text-xs text-slate-600">Click a segment for its ledger lines.</p>
    </div>
  );
}

export function MonthlyScopeChart({ org, periodId, view, months }: { org: string; periodId: string; view: LinesFilter["view"]; months: DashboardMonth[] }) {
  const router = useRouter();
  const unit = massScale(months.map((m) => m.totalKgCo2e));
  const data: Datum[] = months.map((m) => ({ ...m, SCOPE_1: geometry(m.scope1KgCo2e, unit), SCOPE_2: geometry(m.scope2KgCo2e, unit), SCOPE_3: geometry(m.scope3KgCo2e, unit) }));
  const href = (month: string, scope: ScopeKey) => linesHref(org, periodId, { view, scope, month });
  return (
    <figure className="m-0" data-testid="monthly-chart">
      <div className="w-full" style={{ height: 300 }}>
        <ResponsiveContainer width="100%" height={300} initialDimension={{ width: 720, height: 300 }}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="month" tickLine={false} axisLine={{ stroke: "#cbd5e1" }} tick={AXIS_TICK} />
            <YAxis tickFormatter={formatTick} tickLine={false} axisLine={false} tick={AXIS_TICK} width={72}
              label={{ value: unit.unit, angle: -90, position: "insideLeft", fill: "#475569", fontSize: 12 }} />
            <Tooltip content={MonthTooltip} cursor={{ fill: "#f1f5f9" }} isAnimationActive={false} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {SCOPES.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} stackId="scopes" fill={SCOPE_COLOURS[s.key]} isAnimationActive={false} maxBarSize={48} cursor="pointer"
                onClick={(entry: { payload?: Datum }) => entry.payload && router.push(href(entry.payload.month, s.key))}
                shape={namedBar<Datum>((d) => `month-bar-${d.month}-${s.key}`)} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 text-xs text-slate-600">Emissions per month in {unit.unit}, by scope. Click a segment (or use the table) to open its ledger lines.</figcaption>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-700">Table of the months</summary>
        <div className="overflow-x-auto">
          <table className="mt-2 w-full text-left text-sm tabular-nums" data-testid="monthly-table">
            <thead className="text-xs uppercase text-slate-600"><tr><th className="py-1 pr-3">Month</th>{SCOPES.map((s) => <th key={s.key} className="py-1 pr-3">{s.label}</th>)}<th className="py-1">Total</th></tr></thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month} className="border-t border-slate-100">
                  <td className="py-1 pr-3"><a className="text-sky-800 hover:underline" href={linesHref(org, periodId, { view, month: m.month })}>{m.month}</a></td>
                  {SCOPES.map((s) => <td key={s.key} className="py-1 pr-3"><a className="hover:underline" href={href(m.month, s.key)}>{formatMass(m[s.field])}</a></td>)}
                  <td className="py-1">{formatMass(m.totalKgCo2e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
