"use client";

/**
 * One breakdown of the dashboard (Scope 3 by category, by project, site, source or location) as horizontal bars in
 * one unit, the largest `limit` shown, and the rows as a list of links below (every row, each with its lines).
 * A click on a bar or a row opens its ledger lines. Floats size the bars only; labels read the exact strings.
 */
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { formatCount } from "@/lib/format";
import { linesHref, type DashboardBar } from "@/lib/views/dashboard";
import { formatMassKg as formatMass, massScale } from "@/lib/format";
import { AXIS_TICK, BAR_COLOUR, formatTick, geometry, namedBar } from "./chart-parts";

type Datum = DashboardBar & { value: number; href: string };

function BarTooltip({ active, payload }: TooltipContentProps) {
  const d = payload?.[0]?.payload as Datum | undefined;
  if (!active || !d) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm shadow-sm">
      <p className="font-medium text-slate-800">{d.label}</p>
      <p className="text-slate-700 tabular-nums">{formatMass(d.kgCo2e)} · {formatCount(d.lines)} ledger lines</p>
    </div>
  );
}

export function BreakdownChart({ org, periodId, bars, testId, limit = 8, empty }: { org: string; periodId: string; bars: DashboardBar[]; testId: string; limit?: number; empty: string }) {
  const router = useRouter();
  if (bars.length === 0) return <p className="text-sm text-slate-600" data-testid={testId}>{empty}</p>;
  const unit = massScale(bars.map((b) => b.kgCo2e));
  const data: Datum[] = bars.slice(0, limit).map((b) => ({ ...b, value: geometry(b.kgCo2e, unit), href: linesHref(org, periodId, b.filter) }));
  const height = 40 + data.length * 34;
  return (
    <figure className="m-0" data-testid={testId}>
      <div className="w-full" style={{ height }}>
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 480, height }}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 16, left: 8 }} accessibilityLayer>
            <CartesianGrid horizontal={false} stroke="#e2e8f0" />
            <XAxis type="number" tickFormatter={formatTick} tickLine={false} axisLine={{ stroke: "#cbd5e1" }} tick={AXIS_TICK}
              label={{ value: unit.unit, position: "insideBottom", offset: -10, fill: "#475569", fontSize: 12 }} />
            <YAxis type="category" dataKey="label" width={190} tickLine={false} axisLine={false} tick={AXIS_TICK} interval={0}
              tickFormatter={(l: string) => (l.length > 30 ? `${l.slice(0, 29)}…` : l)} />
            <Tooltip content={BarTooltip} cursor={{ fill: "#f1f5f9" }} isAnimationActive={false} />
            <Bar dataKey="value" name={unit.unit} fill={BAR_COLOUR} isAnimationActive={false} maxBarSize={24} radius={[0, 3, 3, 0]} cursor="pointer"
              onClick={(entry: { payload?: Datum }) => entry.payload && router.push(entry.payload.href)}
              shape={namedBar<Datum>((d) => `${testId}-bar-${d.key}`)} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="mt-2 divide-y divide-slate-100 text-sm" data-testid={`${testId}-rows`}>
        {bars.map((b) => (
          <li key={b.key}>
            <a href={linesHref(org, periodId, b.filter)} className="flex justify-between gap-4 py-1 hover:bg-slate-50" data-testid={`${testId}-row`}>
              <span className="text-slate-800">{b.label}</span>
              <span className="shrink-0 tabular-nums text-slate-700">{formatMass(b.kgCo2e)} <span className="text-xs text-slate-600">· {formatCount(b.lines)} lines</span></span>
            </a>
          </li>
        ))}
      </ul>
      {bars.length > limit && <figcaption className="mt-1 text-xs text-slate-600">The chart shows the {limit} largest of {bars.length}; the list has them all.</figcaption>}
    </figure>
  );
}
