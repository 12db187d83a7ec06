// E1-4: each target with its definition, its trajectory (base year → milestones → target year) and the year's
// progress, and a chart of the trajectory against the actual figures of the base year and the reporting year.
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatDecimal } from "@/lib/format";
import type { ReportTarget } from "@/lib/reporting/content";
import { dec, text } from "@/lib/ghg/decimal";
import { Legend } from "./bars";
import { H2, Note, SectionPage, type SectionProps } from "./layout";
import { pct } from "./numbers";
import { LineChart } from "./plots";
import { section } from "./sections";
import { colors, s } from "./styles";
import { KVTable, Table, type KeyValue } from "./table";

const t = StyleSheet.create({
  block: { marginBottom: 14 },
  status: { fontSize: 8, fontWeight: "bold", marginTop: 6, marginBottom: 6 },
});

/** A target's value in its display unit: kgCO2e → tonnes (exact); an intensity stays per currency unit. */
function displayValue(target: ReportTarget, v: string | null): string | null {
  if (v === null) return null;
  return target.unit === "kgCO2e" ? text(dec(v).div(1000)) : v;
}
const displayUnit = (target: ReportTarget) => (target.unit === "kgCO2e" ? "t CO₂e" : target.unit.replace("kgCO2e", "kg CO₂e"));
const shown = (target: ReportTarget, v: string | null) => (v === null ? "—" : `${formatDecimal(displayValue(target, v) ?? "0")} ${displayUnit(target)}`);

function TargetBlock({ target, yearLabel }: { target: ReportTarget; yearLabel: string }) {
  const p = target.progress;
  const anchors = target.trajectory.filter((pt) => pt.anchor || pt.year === p.year);
  const rows: KeyValue[] = [
    { k: "Kind", v: target.kind === "ABSOLUTE" ? "Absolute (gross, no credits or removals)" : "Intensity per net revenue" },
    { k: "Scopes covered", v: target.coverage },
    { k: "Base year and baseline value", v: `${target.baseYear}: ${shown(target, target.baseValue)}${target.baseSource === "ENTERED" ? " (entered)" : " (signed-off period)"}`, sub: target.baseEvidence ?? undefined },
    { k: "Target", v: `−${formatDecimal(target.reductionPercent)} % by ${target.targetYear}: ${shown(target, target.trajectory[target.trajectory.length - 1]?.value ?? null)}` },
    { k: "Interim milestones", v: target.milestones.length === 0 ? "none" : target.milestones.map((m) => `${m.year}: −${formatDecimal(m.reductionPercent)} %`).join("; ") },
    { k: `Progress ${yearLabel}`, v: `${shown(target, p.value)}; ${pct(p.achievedPercent)} below the base year; the trajectory allows ${shown(target, p.trajectoryValue)}` },
  ];
  const trajectoryLine = target.trajectory.map((pt) => ({ x: pt.year, y: displayValue(target, pt.value) ?? "0" }));
  const actual = [{ x: target.baseYear, y: displayValue(target, target.baseValue) ?? "0" }, ...(p.value !== null ? [{ x: p.year, y: displayValue(target, p.value) ?? "0" }] : [])];
  const onTrack = p.onTrack === null ? "Progress cannot be measured (no figure for the year)." : p.onTrack ? "On track: the year's figure is at or below the trajectory." : "Behind: the year's figure is above the trajectory.";
  return (
    <View style={t.block}>
      <View wrap={false}>
        <H2>{target.name}</H2>
        <KVTable rows={rows} />
        <Text style={[t.status, { color: p.onTrack === false ? colors.warn : colors.accent }]}>{onTrack}</Text>
      </View>
      <View wrap={false}>
        <LineChart
          xFrom={target.baseYear}
          xTo={target.targetYear}
          unit={displayUnit(target)}
          height={150}
          lines={[
            { name: "Trajectory", color: colors.accent, points: trajectoryLine, dashed: true, markAt: anchors.map((a) => a.year) },
            { name: "Actual", color: colors.nuclear, points: actual, pointsOnly: true },
          ]}
        />
        <Legend items={[{ name: "Trajectory (straight lines between base year, milestones and target year; circles: anchors)", color: colors.accent }, { name: "Actual figure (base year and reporting year)", color: colors.nuclear }]} />
        <Table
          columns={[{ header: "Year" }, { header: "Reduction vs base", width: 100 }, { header: `Allowed (${displayUnit(target)})`, width: 150 }]}
          rows={anchors.map((a) => ({ cells: [`${a.year}${a.year === target.baseYear ? " (base)" : a.year === target.targetYear ? " (target)" : a.anchor ? " (milestone)" : " (reporting year)"}`, pct(a.reductionPercent), formatDecimal(displayValue(target, a.value) ?? "0")] }))}
        />
      </View>
    </View>
  );
}

export function Targets({ ctx }: SectionProps) {
  const { c } = ctx;
  return (
    <SectionPage ctx={ctx} {...section("e1-4")} lead="GHG emission reduction targets (E1-4 §34): gross targets on the same boundary as the inventory, their base year and baseline value, milestones and target year, and the progress of the reporting year.">
      {c.targets.length === 0 ? <Text style={s.p}>No GHG emission reduction target has been set.</Text> : c.targets.map((tg) => <TargetBlock key={tg.name} target={tg} yearLabel={c.period.name} />)}
      <Note>Progress = (baseline − value of the year) / baseline, on the boundary of the baseline. Carbon credits and removals are not counted towards the targets.</Note>
    </SectionPage>
  );
}
