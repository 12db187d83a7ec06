// Svg plots with axes: stacked columns (the monthly trend) and lines with points (a target's trajectory against
// actual figures). Ticks are exact decimals (numbers.ts `ticks`) formatted by lib/format.ts; floats place shapes.
import { Circle, Line, Polyline, Rect, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import { formatDecimal } from "@/lib/format";
import { add, geometry, ticks } from "./numbers";
import { CONTENT_WIDTH, colors } from "./styles";

const AXIS = 52;
const BOTTOM = 16;
const p = StyleSheet.create({
  frame: { position: "relative" },
  yLabel: { position: "absolute", left: 0, width: AXIS - 6, textAlign: "right", fontSize: 6.6, color: colors.muted },
  xLabel: { position: "absolute", textAlign: "center", fontSize: 6.6, color: colors.muted },
  unit: { fontSize: 6.8, color: colors.muted, marginBottom: 4 },
});

function YAxis({ labels, height, plotHeight }: { labels: string[]; height: number; plotHeight: number }) {
  const top = geometry(labels[labels.length - 1]);
  return (
    <>
      {labels.map((l) => {
        const y = plotHeight - (geometry(l) / top) * plotHeight;
        return (
          <Text key={l} style={[p.yLabel, { top: Math.max(0, Math.min(height - 8, y - 4)) }]}>
            {formatDecimal(l)}
          </Text>
        );
      })}
    </>
  );
}

function Grid({ labels, width, plotHeight }: { labels: string[]; width: number; plotHeight: number }) {
  const top = geometry(labels[labels.length - 1]);
  return (
    <>
      {labels.map((l) => {
        const y = Math.max(0.4, plotHeight - (geometry(l) / top) * plotHeight);
        return <Line key={l} x1={0} x2={width} y1={y} y2={y} stroke={l === "0" ? colors.ink : colors.hairline} strokeWidth={l === "0" ? 0.7 : 0.5} />;
      })}
    </>
  );
}

export interface ColumnSeries {
  name: string;
  color: string;
  /** Exact decimal text in the chart's unit, one per category. */
  values: string[];
}

export function ColumnChart({ categories, series, unit, height = 170, width = CONTENT_WIDTH }: { categories: string[]; series: ColumnSeries[]; unit: string; height?: number; width?: number }) {
  const plotW = width - AXIS;
  const plotH = height - BOTTOM;
  const totals = categories.map((_, i) => add(...series.map((x) => x.values[i])));
  const labels = ticks(totals.reduce((m, t) => (geometry(t) > geometry(m) ? t : m), "0"));
  const top = geometry(labels[labels.length - 1]);
  const slot = plotW / Math.max(1, categories.length);
  const barW = Math.min(slot * 0.62, 26);
  return (
    <View wrap={false}>
      <Text style={p.unit}>{unit}</Text>
      <View style={[p.frame, { width, height }]}>
        <YAxis labels={labels} height={height} plotHeight={plotH} />
        <Svg style={{ position: "absolute", left: AXIS, top: 0 }} width={plotW} height={plotH + 1} viewBox={`0 0 ${plotW} ${plotH + 1}`}>
          <Grid labels={labels} width={plotW} plotHeight={plotH} />
          {categories.map((_, i) => {
            let y = plotH;
            return series.map((ser, j) => {
              const h = top > 0 ? (geometry(ser.values[i]) / top) * plotH : 0;
              y -= h;
              return h > 0 ? <Rect key={`${i}-${j}`} x={i * slot + (slot - barW) / 2} y={y} width={barW} height={h} fill={ser.color} /> : null;
            });
          })}
        </Svg>
        {categories.map((c, i) => (
          <Text key={c} style={[p.xLabel, { left: AXIS + i * slot, width: slot, top: plotH + 4 }]}>
            {c}
          </Text>
        ))}
      </View>
    </View>
  );
}

export interface PlotLine {
  name: string;
  color: string;
  points: { x: number; y: string }[];
  dashed?: boolean;
  /** Draw a marker at these x values (anchors), or at every point. */
  markAt?: number[];
  /** Points only, no line (actual figures). */
  pointsOnly?: boolean;
}

export function LineChart({ lines, xFrom, xTo, unit, height = 180, width = CONTENT_WIDTH }: { lines: PlotLine[]; xFrom: number; xTo: number; unit: string; height?: number; width?: number }) {
  const plotW = width - AXIS - 10;
  const plotH = height - BOTTOM;
  const all = lines.flatMap((l) => l.points.map((pt) => pt.y));
  const labels = ticks(all.reduce((m, v) => (geometry(v) > geometry(m) ? v : m), "0"));
  const top = geometry(labels[labels.length - 1]);
  const span = Math.max(1, xTo - xFrom);
  const px = (x: number) => 6 + ((x - xFrom) / span) * (plotW - 12);
  const py = (y: string) => plotH - (top > 0 ? (geometry(y) / top) * plotH : 0);
  const years = Array.from({ length: xTo - xFrom + 1 }, (_, i) => xFrom + i);
  return (
    <View wrap={false}>
      <Text style={p.unit}>{unit}</Text>
      <View style={[p.frame, { width, height }]}>
        <YAxis labels={labels} height={height} plotHeight={plotH} />
        <Svg style={{ position: "absolute", left: AXIS, top: 0 }} width={plotW} height={plotH + 4} viewBox={`0 0 ${plotW} ${plotH + 4}`}>
          <Grid labels={labels} width={plotW} plotHeight={plotH} />
          {years.map((y) => (
            <Line key={y} x1={px(y)} x2={px(y)} y1={plotH} y2={plotH + 3} stroke={colors.ink} strokeWidth={0.5} />
          ))}
          {lines.map((l) =>
            l.pointsOnly ? null : (
              <Polyline key={l.name} points={l.points.map((pt) => `${px(pt.x).toFixed(2)},${py(pt.y).toFixed(2)}`).join(" ")} fill="none" stroke={l.color} strokeWidth={1.4} strokeDasharray={l.dashed ? "3,2" : undefined} />
            ),
          )}
          {lines.flatMap((l) =>
            l.points
              .filter((pt) => l.pointsOnly || (l.markAt ?? []).includes(pt.x))
              .map((pt) => <Circle key={`${l.name}-${pt.x}`} cx={px(pt.x)} cy={py(pt.y)} r={l.pointsOnly ? 3.2 : 2} fill={l.pointsOnly ? l.color : "#ffffff"} stroke={l.color} strokeWidth={1.2} />),
          )}
        </Svg>
        {years.map((y) => (
          <Text key={y} style={[p.xLabel, { left: AXIS + px(y) - 14, width: 28, top: plotH + 5 }]}>
            {String(y)}
          </Text>
        ))}
      </View>
    </View>
  );
}
