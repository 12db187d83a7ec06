// Key figures: the year's headline datapoints against N-1, the target's progress, and the split by scope.
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatDecimal } from "@/lib/format";
import { SplitBar } from "./bars";
import { Bullet, H2, SectionPage, type SectionProps } from "./layout";
import { change, geometry, mwh, pct, tonnes } from "./numbers";
import { section } from "./sections";
import { colors, s, SCOPE_COLORS } from "./styles";
import type { E16 } from "@/lib/ghg/aggregate";
import { percentOf } from "@/lib/ghg/breakdown";
import { dec } from "@/lib/ghg/decimal";

const k = StyleSheet.create({
  grid: { flexDirection: "row", flexWrap: "wrap", marginHorizontal: -4 },
  card: { width: "33.33%", paddingHorizontal: 4, marginBottom: 8 },
  inner: { borderTopWidth: 2, borderTopColor: colors.accent, backgroundColor: colors.band, paddingVertical: 7, paddingHorizontal: 8, minHeight: 66 },
  label: { fontSize: 7, lineHeight: 1.3, color: colors.muted },
  value: { fontSize: 14, lineHeight: 1.25, fontWeight: "bold", marginTop: 3 },
  unit: { fontSize: 7, color: colors.muted },
  delta: { fontSize: 7, lineHeight: 1.3, marginTop: 3, color: colors.ink },
});

function Card({ label, value, unit, delta }: { label: string; value: string; unit: string; delta: string }) {
  return (
    <View style={k.card} wrap={false}>
      <View style={k.inner}>
        <Text style={k.label}>{label}</Text>
        <Text style={k.value}>{value}</Text>
        <Text style={k.unit}>{unit}</Text>
        <Text style={k.delta}>{delta}</Text>
      </View>
    </View>
  );
}

export function scopeSplit(e: E16, method: "LB" | "MB") {
  const s2 = method === "LB" ? e.scope2LbKgCo2e : e.scope2MbKgCo2e;
  const s3 = method === "LB" ? e.scope3LbKgCo2e : e.scope3MbKgCo2e;
  const total = dec(method === "LB" ? e.totalLbKgCo2e : e.totalMbKgCo2e);
  return [
    { name: "Scope 1", kg: e.scope1KgCo2e },
    { name: method === "LB" ? "Scope 2 (location-based)" : "Scope 2 (market-based)", kg: s2 },
    { name: "Scope 3", kg: s3 },
  ].map((p, i) => ({ name: p.name, color: SCOPE_COLORS[i], size: geometry(p.kg), value: `${tonnes(p.kg)} t`, share: percentOf(dec(p.kg), total) }));
}

export function KeyFigures({ ctx }: SectionProps) {
  const { c } = ctx;
  const e = c.e16;
  const prev = c.previous;
  const n1 = prev ? ` vs ${prev.periodName}` : "";
  const vs = (cur: string, p: string | null | undefined) => (prev ? `${change(cur, p)}${n1}` : "no comparative period");
  const target = c.targets[0];
  return (
    <SectionPage ctx={ctx} {...section("key-figures")} lead={`The year in figures: ${c.organization.name}, ${c.period.name}, under operational control. Changes are against ${prev ? prev.periodName : "no earlier period"}${c.base ? ` and the base year ${c.base.year}` : ""}.`}>
      <View style={k.grid}>
        <Card label="Total GHG emissions, market-based" value={tonnes(e.totalMbKgCo2e)} unit="t CO₂e" delta={vs(e.totalMbKgCo2e, prev?.e16.totalMbKgCo2e)} />
        <Card label="Total GHG emissions, location-based" value={tonnes(e.totalLbKgCo2e)} unit="t CO₂e" delta={vs(e.totalLbKgCo2e, prev?.e16.totalLbKgCo2e)} />
        <Card label="Gross Scope 1" value={tonnes(e.scope1KgCo2e)} unit="t CO₂e" delta={vs(e.scope1KgCo2e, prev?.e16.scope1KgCo2e)} />
        <Card label="Gross Scope 2, market-based" value={tonnes(e.scope2MbKgCo2e)} unit={`t CO₂e (location-based ${tonnes(e.scope2LbKgCo2e)})`} delta={vs(e.scope2MbKgCo2e, prev?.e16.scope2MbKgCo2e)} />
        <Card label="Gross Scope 3, market-based" value={tonnes(e.scope3MbKgCo2e)} unit={`t CO₂e (location-based ${tonnes(e.scope3LbKgCo2e)})`} delta={vs(e.scope3MbKgCo2e, prev?.e16.scope3MbKgCo2e)} />
        <Card label="Energy consumption, own operations" value={mwh(c.e15.totalMwh)} unit={`MWh · ${pct(c.e15.renewablePct)} renewable`} delta={prev?.e15 ? vs(c.e15.totalMwh, prev.e15.totalMwh) : "no comparative period"} />
        <Card
          label="GHG intensity per net revenue, market-based"
          value={e.intensityMbTPerRevenue ? formatDecimal(e.intensityMbTPerRevenue) : "not entered"}
          unit={`t CO₂e per ${c.period.netRevenueCurrency ?? c.organization.reportingCurrency}`}
          delta={e.intensityMbTPerRevenue ? vs(e.intensityMbTPerRevenue, prev?.e16.intensityMbTPerRevenue) : "net revenue not entered"}
        />
        <Card label="Scope 3 from primary data" value={pct(c.e16Extras.scope3PrimaryMbPct)} unit="of market-based Scope 3" delta={`${pct(c.e16Extras.scope3PrimaryLbPct)} of location-based`} />
        <Card
          label={target ? `Target: ${target.name}` : "Targets"}
          value={target ? pct(target.progress.achievedPercent) : "none set"}
          unit={target ? `below ${target.baseYear}; −${formatDecimal(target.reductionPercent)} % by ${target.targetYear}` : ""}
          delta={target ? (target.progress.onTrack === null ? "progress not measurable" : target.progress.onTrack ? "on track against the trajectory" : "behind the trajectory") : ""}
        />
      </View>
      <H2>Gross emissions by scope</H2>
      <SplitBar label={`${c.period.name}, market-based (total ${tonnes(e.totalMbKgCo2e)} t CO₂e)`} parts={scopeSplit(e, "MB")} />
      <SplitBar label={`${c.period.name}, location-based (total ${tonnes(e.totalLbKgCo2e)} t CO₂e)`} parts={scopeSplit(e, "LB")} />
      {prev && <SplitBar label={`${prev.periodName}, market-based (total ${tonnes(prev.e16.totalMbKgCo2e)} t CO₂e)`} parts={scopeSplit(prev.e16, "MB")} />}
      <H2>Highlights</H2>
      {prev && <Bullet>{`Total market-based emissions: ${tonnes(e.totalMbKgCo2e)} t CO₂e, ${change(e.totalMbKgCo2e, prev.e16.totalMbKgCo2e)} against ${prev.periodName} (${tonnes(prev.e16.totalMbKgCo2e)} t CO₂e).`}</Bullet>}
      {c.base && <Bullet>{`Against the base year ${c.base.year} (${tonnes(c.base.e16.totalMbKgCo2e)} t CO₂e market-based): ${change(e.totalMbKgCo2e, c.base.e16.totalMbKgCo2e)}.`}</Bullet>}
      <Bullet>{`Contractual instruments cover ${pct(c.e16Extras.instruments.coveredPct)} of market-based Scope 2 electricity (${mwh(c.e16Extras.instruments.coveredMwh)} MWh).`}</Bullet>
      <Bullet>{`${c.scope3Categories.filter((x) => x.status === "CALCULATED").length} of the 15 Scope 3 categories are calculated; the others are stated with the reason for their omission (E1-6 table).`}</Bullet>
      {c.dataQuality.unresolvedLines > 0 && <Text style={[s.warnText, { marginTop: 4 }]}>{`${c.dataQuality.unresolvedLines} ledger line(s) have no emission factor and are not in these totals (see Data quality).`}</Text>}
    </SectionPage>
  );
}
