// Bar charts drawn with plain boxes (crisp at any zoom, text stays text): horizontal bars with a label column and
// the exact figure beside each bar, stacked 100 % bars for a split, and their legend. Floats size boxes only.
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { pct } from "./numbers";
import { colors } from "./styles";

const b = StyleSheet.create({
  row: { flexDirection: "row", alignItems: "center", marginBottom: 3.5 },
  label: { width: 150, fontSize: 7.3, lineHeight: 1.3, paddingRight: 6 },
  track: { flex: 1, height: 9, flexDirection: "row" },
  value: { width: 78, fontSize: 7.3, textAlign: "right" },
  axisNote: { fontSize: 6.8, color: colors.muted, textAlign: "right", marginBottom: 3 },
  split: { flexDirection: "row", height: 16, borderRadius: 1.5, overflow: "hidden" },
  legend: { flexDirection: "row", flexWrap: "wrap", marginTop: 5 },
  legendItem: { flexDirection: "row", alignItems: "center", marginRight: 14, marginBottom: 3 },
  swatch: { width: 7, height: 7, marginRight: 4 },
  legendText: { fontSize: 7.2, color: colors.ink },
  splitLabel: { fontSize: 7.3, fontWeight: "bold", marginBottom: 3 },
});

export interface Segment {
  name: string;
  color: string;
  /** Size only (a float from toDisplayNumber-like conversion). */
  size: number;
}

export interface HBar {
  label: string;
  segments: Segment[];
  /** The exact figure, formatted. */
  value: string;
}

export function HBarChart({ bars, unit }: { bars: HBar[]; unit: string }) {
  const max = Math.max(...bars.map((x) => x.segments.reduce((sum, seg) => sum + seg.size, 0)), 0);
  return (
    <View>
      <Text style={b.axisNote}>{unit}</Text>
      {bars.map((bar, i) => (
        <View key={i} style={b.row} wrap={false}>
          <Text style={b.label}>{bar.label}</Text>
          <View style={b.track}>
            {bar.segments.map((seg, j) => {
              const share = max > 0 ? seg.size / max : 0;
              return share > 0 ? <View key={j} style={{ width: `${(share * 100).toFixed(3)}%`, minWidth: 0.6, backgroundColor: seg.color }} /> : null;
            })}
          </View>
          <Text style={b.value}>{bar.value}</Text>
        </View>
      ))}
    </View>
  );
}

export interface SplitPart {
  name: string;
  color: string;
  size: number;
  /** Exact formatted figure and share shown in the legend. */
  value: string;
  share: string | null;
}

export function SplitBar({ label, parts }: { label: string; parts: SplitPart[] }) {
  const total = parts.reduce((sum, p) => sum + p.size, 0);
  return (
    <View style={{ marginBottom: 10 }} wrap={false}>
      <Text style={b.splitLabel}>{label}</Text>
      <View style={b.split}>
        {parts.map((p, i) => (total > 0 && p.size > 0 ? <View key={i} style={{ flexGrow: p.size / total, flexBasis: 0, backgroundColor: p.color }} /> : null))}
      </View>
      <View style={b.legend}>
        {parts.map((p, i) => (
          <View key={i} style={b.legendItem}>
            <View style={[b.swatch, { backgroundColor: p.color }]} />
            <Text style={b.legendText}>
              {p.name}: {p.value} ({pct(p.share)})
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}

export function Legend({ items }: { items: { name: string; color: string }[] }) {
  return (
    <View style={b.legend}>
      {items.map((it, i) => (
        <View key={i} style={b.legendItem}>
          <View style={[b.swatch, { backgroundColor: it.color }]} />
          <Text style={b.legendText}>{it.name}</Text>
        </View>
      ))}
    </View>
  );
}
