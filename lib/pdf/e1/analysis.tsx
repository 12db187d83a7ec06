// Charts of the year: the monthly trend by scope (market-based), Scope 3 by category, the largest sites and
// projects, and the split by source of the data. Top entries are drawn; the rest are summed exactly as "others".
import { View } from "@react-pdf/renderer";
import type { ReportContent, ReportSeriesRow } from "@/lib/reporting/content";
import { dec, text } from "@/lib/ghg/decimal";
import { percentOf } from "@/lib/ghg/breakdown";
import { HBarChart, Legend, SplitBar, type HBar } from "./bars";
import { H2, SectionPage, type SectionProps } from "./layout";
import { add, geometry, tonnes } from "./numbers";
import { ColumnChart } from "./plots";
import { section } from "./sections";
import { colors, SCOPE_COLORS } from "./styles";
import { scope3Label } from "@/lib/reporting/scope3-categories";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const TOP = 12;

export const totalMb = (r: ReportSeriesRow) => add(r.scope1KgCo2e, r.scope2MbKgCo2e, r.scope3MbKgCo2e);
const kgToT = (kg: string) => text(dec(kg).div(1000));

/** Largest first (exact), then by key: the same order every time. */
export function byTotal(rows: ReportSeriesRow[]): ReportSeriesRow[] {
  return [...rows].sort((a, b) => dec(totalMb(b)).comparedTo(dec(totalMb(a))) || a.key.localeCompare(b.key));
}

function seriesBars(rows: ReportSeriesRow[], noun: string): HBar[] {
  const sorted = byTotal(rows);
  const top = sorted.slice(0, TOP);
  const rest = sorted.slice(TOP);
  const shown = rest.length > 0 ? [...top, rest.reduce<ReportSeriesRow>((o, r) => ({ key: o.key, scope1KgCo2e: add(o.scope1KgCo2e, r.scope1KgCo2e), scope2LbKgCo2e: add(o.scope2LbKgCo2e, r.scope2LbKgCo2e), scope2MbKgCo2e: add(o.scope2MbKgCo2e, r.scope2MbKgCo2e), scope3LbKgCo2e: add(o.scope3LbKgCo2e, r.scope3LbKgCo2e), scope3MbKgCo2e: add(o.scope3MbKgCo2e, r.scope3MbKgCo2e) }), { key: `${rest.length} other ${noun}`, scope1KgCo2e: "0", scope2LbKgCo2e: "0", scope2MbKgCo2e: "0", scope3LbKgCo2e: "0", scope3MbKgCo2e: "0" })] : top;
  return shown.map((r) => ({
    label: r.key,
    value: tonnes(totalMb(r)),
    segments: [r.scope1KgCo2e, r.scope2MbKgCo2e, r.scope3MbKgCo2e].map((kg, i) => ({ name: `Scope ${i + 1}`, color: SCOPE_COLORS[i], size: geometry(kg) })),
  }));
}

const SCOPE_LEGEND = [
  { name: "Scope 1", color: SCOPE_COLORS[0] },
  { name: "Scope 2 (market-based)", color: SCOPE_COLORS[1] },
  { name: "Scope 3 (market-based)", color: SCOPE_COLORS[2] },
];

function Monthly({ c }: { c: ReportContent }) {
  const months = c.monthly;
  return (
    <View wrap={false}>
      <H2>Monthly trend by scope, market-based</H2>
      <ColumnChart
        categories={months.map((m) => MONTHS[Number(m.key.slice(5, 7)) - 1] ?? m.key)}
        unit="t CO₂e per month"
        series={[
          { name: "Scope 1", color: SCOPE_COLORS[0], values: months.map((m) => kgToT(m.scope1KgCo2e)) },
          { name: "Scope 2", color: SCOPE_COLORS[1], values: months.map((m) => kgToT(m.scope2MbKgCo2e)) },
          { name: "Scope 3", color: SCOPE_COLORS[2], values: months.map((m) => kgToT(m.scope3MbKgCo2e)) },
        ]}
      />
      <Legend items={SCOPE_LEGEND} />
    </View>
  );
}

export function Analysis({ ctx }: SectionProps) {
  const { c } = ctx;
  const cats = c.e16.scope3ByCategory.filter((x) => !dec(x.mbKgCo2e).isZero() || !dec(x.lbKgCo2e).isZero());
  const total = dec(c.e16.totalMbKgCo2e);
  return (
    <SectionPage ctx={ctx} {...section("analysis")} lead="Where the year's emissions arise, market-based; the next section gives every site, project and source with both methods. Sites hold the lines attributed to a site (energy bills, fuels, refrigerants), projects those attributed to a project (cloud exports, tracker runs); company-wide lines (travel, purchases) are in neither.">
      {c.monthly.length > 0 && <Monthly c={c} />}
      <View wrap={false}>
        <H2>Scope 3 by category</H2>
        <HBarChart unit="t CO₂e, market-based" bars={cats.map((x) => ({ label: `${x.category} ${scope3Label(x.category)}`, value: tonnes(x.mbKgCo2e), segments: [{ name: "Scope 3", color: SCOPE_COLORS[2], size: geometry(x.mbKgCo2e) }] }))} />
      </View>
      <View wrap={false}>
        <H2>By source of the data</H2>
        <SplitBar label={`Total market-based: ${tonnes(c.e16.totalMbKgCo2e)} t CO₂e`} parts={byTotal(c.bySource).map((r, i) => ({ name: r.key, color: [colors.scope1, colors.nuclear, colors.scope3, colors.fossil][i % 4], size: geometry(totalMb(r)), value: `${tonnes(totalMb(r))} t`, share: percentOf(dec(totalMb(r)), total) }))} />
      </View>
      {c.bySite.length > 0 && (
        <View wrap={false}>
          <H2>{c.bySite.length > TOP ? `By site: the ${TOP} largest of ${c.bySite.length}` : "By site"}</H2>
          <HBarChart unit="t CO₂e, market-based" bars={seriesBars(c.bySite, "sites")} />
          <Legend items={SCOPE_LEGEND} />
        </View>
      )}
      {c.byProject.length > 0 && (
        <View wrap={false}>
          <H2>{c.byProject.length > TOP ? `By project: the ${TOP} largest of ${c.byProject.length}` : "By project"}</H2>
          <HBarChart unit="t CO₂e, market-based" bars={seriesBars(c.byProject, "projects")} />
          <Legend items={SCOPE_LEGEND} />
        </View>
      )}
    </SectionPage>
  );
}
