"use client";

/**
 * Energy per bucket as a bar chart (recharts), with the tracker-reported
 * emissions of each bucket in the tooltip. Plain data in: exact decimal
 * strings from the service. Floats (toDisplayNumber) only size the bars;
 * every number a person reads is formatted from the exact string (decision 0004).
 */
import { useMemo } from "react";
import Decimal from "decimal.js";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { energyScale, formatDecimal, formatEnergyKwh, formatMassKg, toDisplayNumber } from "@/lib/format";

export interface EnergyChartPoint {
  bucket: string;
  /** Exact decimal string. */
  energyKwh: string;
  /** Exact decimal string; the tracker's own figure. */
  trackerEmissionsKgCo2e: string;
}

export interface EnergyChartProps {
  series: EnergyChartPoint[];
  granularity: "day" | "month";
}

interface ChartDatum extends EnergyChartPoint {
  /** Bar height only, in the axis' unit — never shown as text. */
  energyForBarHeight: number;
}

const CHART_HEIGHT_PX = 288;

/** Axis ticks come from recharts' float scale; shown through the same rounding rule. */
function formatTick(value: number): string {
  return Number.isFinite(value) ? formatDecimal(new Decimal(value).toFixed()) : "";
}

function EnergyTooltip({ active, payload }: TooltipContentProps) {
  const datum = payload?.[0]?.payload as ChartDatum | undefined;
  if (!active || !datum) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm shadow-sm">
      <p className="font-medium text-slate-800">{datum.bucket}</p>
      <p className="text-slate-600">
        Energy: <span className="font-medium text-slate-800 tabular-nums">{formatEnergyKwh(datum.energyKwh)}</span>
      </p>
      <p className="text-slate-600">
        Tracker-reported:{" "}
        <span className="font-medium text-slate-800 tabular-nums">{formatMassKg(datum.trackerEmissionsKgCo2e)}</span>
      </p>
    </div>
  );
}

export function EnergyChart({ series, granularity }: EnergyChartProps) {
  // The axis is in the unit of the largest bar (Wh for a laptop's runs, MWh for a cluster's), by the rule of
  // formatEnergyKwh; the largest is found on the exact strings.
  const scale = useMemo(() => energyScale(series.reduce((max, p) => (new Decimal(p.energyKwh).gt(max) ? p.energyKwh : max), "0")), [series]);
  const data = useMemo<ChartDatum[]>(
    () => series.map((point) => ({ ...point, energyForBarHeight: toDisplayNumber(scale.inUnit(point.energyKwh)) })),
    [series, scale],
  );
  const first = series[0]?.bucket;
  const last = series[series.length - 1]?.bucket;
  const unit = granularity === "day" ? "day" : "month";
  const range = first && last ? (first === last ? ` (${first})` : `, ${first} to ${last}`) : "";

  return (
    <figure className="m-0">
      <div className="w-full" style={{ height: CHART_HEIGHT_PX }}>
        <ResponsiveContainer width="100%" height={CHART_HEIGHT_PX} initialDimension={{ width: 640, height: CHART_HEIGHT_PX }}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="bucket" tickLine={false} axisLine={{ stroke: "#cbd5e1" }} tick={{ fill: "#64748b", fontSize: 12 }} minTickGap={16} />
            <YAxis
              tickFormatter={formatTick}
              tickLine={false}
              axisLine={false}
              tick={{ fill: "#64748b", fontSize: 12 }}
              width={72}
              label={{ value: scale.unit, angle: -90, position: "insideLeft", fill: "#64748b", fontSize: 12 }}
            />
            <Tooltip content={EnergyTooltip} cursor={{ fill: "#f1f5f9" }} isAnimationActive={false} />
            <Bar dataKey="energyForBarHeight" name={`Energy (${scale.unit})`} fill="#10b981" radius={[3, 3, 0, 0]} maxBarSize={48} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 text-xs text-slate-500">
        Energy in {scale.unit} per {unit}
        {range}. Hover or focus a bar for its tracker-reported emissions (CodeCarbon&apos;s own intensity).
      </figcaption>
    </figure>
  );
}

export default EnergyChart;
