// E1-5: energy consumption and mix of own operations in the AR 34 row order, with base year, N-1, N and change,
// the mix as split bars, and fuel quantities that could not be converted to MWh.
import { Text } from "@react-pdf/renderer";
import { formatCount, formatDecimal } from "@/lib/format";
import type { E15 } from "@/lib/ghg/energy-mix";
import { dec, text } from "@/lib/ghg/decimal";
import { SplitBar } from "./bars";
import { H2, Note, SectionPage, type SectionProps } from "./layout";
import { change, geometry, mwh, pct } from "./numbers";
import { section } from "./sections";
import { colors, s } from "./styles";
import { Table, type TableRow } from "./table";

const minus = (a: string, b: string) => text(dec(a).minus(dec(b)));

/** Percentage-point difference of two shares, "+1.2 pp". */
function points(cur: string | null | undefined, prev: string | null | undefined): string {
  if (cur == null || prev == null) return "—";
  const d = dec(cur).minus(dec(prev));
  const shown = formatDecimal(text(d));
  return `${d.isPositive() && !d.isZero() && shown !== "0" ? "+" : ""}${shown} pp`;
}

type Pick = (e: E15) => string | null;

const ROWS: { label: string; pick: Pick; kind?: TableRow["kind"]; share?: boolean }[] = [
  { label: "Fuel consumption from fossil sources (Scope 1 fuels)", pick: (e) => e.fossilFuelsMwh, kind: "part" },
  { label: "Purchased or acquired electricity, heat, steam and cooling from fossil sources", pick: (e) => minus(e.fossilMwh, e.fossilFuelsMwh), kind: "part" },
  { label: "Total fossil energy consumption", pick: (e) => e.fossilMwh, kind: "subtotal" },
  { label: "Share of fossil sources in total energy consumption", pick: (e) => e.fossilPct, kind: "part", share: true },
  { label: "Consumption from nuclear sources", pick: (e) => e.nuclearMwh, kind: "subtotal" },
  { label: "Share of nuclear sources in total energy consumption", pick: (e) => e.nuclearPct, kind: "part", share: true },
  { label: "Fuel consumption from renewable sources (biofuels)", pick: (e) => e.renewableFuelsMwh, kind: "part" },
  { label: "Purchased or acquired electricity, heat, steam and cooling from renewable sources (grid mix)", pick: (e) => e.purchasedRenewableMwh, kind: "part" },
  { label: "Self-generated non-fuel renewable energy", pick: (e) => e.selfGeneratedRenewableMwh, kind: "part" },
  { label: "Total renewable energy consumption", pick: (e) => e.renewableMwh, kind: "subtotal" },
  { label: "Share of renewable sources in total energy consumption", pick: (e) => e.renewablePct, kind: "part", share: true },
  { label: "Purchased, grid mix not stated by the factor", pick: (e) => e.unknownMixMwh, kind: "part" },
  { label: "Total energy consumption related to own operations", pick: (e) => e.totalMwh, kind: "total" },
  { label: "of which purchased electricity, heat, steam and cooling (Scope 2)", pick: (e) => e.purchasedMwh, kind: "part" },
  { label: "of which covered by contractual instruments (market-based)", pick: (e) => e.instrumentCoveredMwh, kind: "part" },
];

function mixParts(e: E15) {
  return [
    { name: "Fossil", color: colors.fossil, size: geometry(e.fossilMwh), value: `${mwh(e.fossilMwh)} MWh`, share: e.fossilPct },
    { name: "Nuclear", color: colors.nuclear, size: geometry(e.nuclearMwh), value: `${mwh(e.nuclearMwh)} MWh`, share: e.nuclearPct },
    { name: "Renewable", color: colors.renewable, size: geometry(e.renewableMwh), value: `${mwh(e.renewableMwh)} MWh`, share: e.renewablePct },
    ...(e.unknownMixMwh !== "0" ? [{ name: "Mix not stated", color: colors.unknown, size: geometry(e.unknownMixMwh), value: `${mwh(e.unknownMixMwh)} MWh`, share: e.unknownMixPct }] : []),
  ];
}

export function Energy({ ctx }: SectionProps) {
  const { c } = ctx;
  const prev = c.previous?.e15 ?? null;
  const base = c.base?.e15 ?? null;
  const rows: TableRow[] = ROWS.filter((r) => !(r.label.startsWith("Purchased, grid mix") && c.e15.unknownMixMwh === "0" && (prev?.unknownMixMwh ?? "0") === "0")).map((r) => {
    const fmt = r.share ? pct : mwh;
    const cur = r.pick(c.e15);
    const n1 = prev ? r.pick(prev) : null;
    return { kind: r.kind, cells: [r.label, base ? fmt(r.pick(base)) : "—", prev ? fmt(n1) : "—", fmt(cur), r.share ? points(cur, n1) : change(cur, n1)] };
  });
  return (
    <SectionPage ctx={ctx} {...section("e1-5")} lead="Energy consumption and mix of own operations (E1-5 §37, AR 34). Purchased electricity is split by the grid mix of the factor that priced it; fuels are converted with each factor's energy content.">
      <Table
        columns={[{ header: "MWh" }, { header: c.base ? `Base year ${c.base.year}` : "Base year", width: 64 }, { header: c.previous ? `${c.previous.periodName} (N-1)` : "N-1", width: 64 }, { header: `${c.period.name} (N)`, width: 64 }, { header: "% N / N-1", width: 62 }]}
        rows={rows}
      />
      <Note>Shares are of total energy consumption; their change is in percentage points (pp). The E1-5 datapoints of the comparative periods are those of their own signed-off versions.</Note>
      <H2>Energy mix</H2>
      <SplitBar label={`${c.period.name}: ${mwh(c.e15.totalMwh)} MWh`} parts={mixParts(c.e15)} />
      {prev && <SplitBar label={`${c.previous?.periodName}: ${mwh(prev.totalMwh)} MWh`} parts={mixParts(prev)} />}
      {c.e15.notConvertible.length > 0 && (
        <>
          <H2>Fuel not convertible to MWh</H2>
          {c.e15.notConvertible.map((n) => (
            <Text key={n.unit} style={s.p}>{`${formatDecimal(n.quantity)} ${n.unit} in ${formatCount(n.lines)} line(s): ${n.reason}; not in the totals.`}</Text>
          ))}
        </>
      )}
    </SectionPage>
  );
}
