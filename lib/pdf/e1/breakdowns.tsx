// Every site, project and source with both methods, largest first, with an exact total row.
import type { ReportSeriesRow } from "@/lib/reporting/content";
import { Text } from "@react-pdf/renderer";
import { H2, SectionPage, type SectionProps } from "./layout";
import { add, tonnes } from "./numbers";
import { byTotal } from "./analysis";
import { section } from "./sections";
import { s } from "./styles";
import { Table, type Column, type TableRow } from "./table";

const COLUMNS = (first: string): Column[] => [
  { header: first },
  { header: "Scope 1", width: 54 },
  { header: "Scope 2 LB", width: 54 },
  { header: "Scope 2 MB", width: 54 },
  { header: "Scope 3 LB", width: 54 },
  { header: "Scope 3 MB", width: 54 },
  { header: "Total MB", width: 58 },
];

const cells = (key: string, r: Omit<ReportSeriesRow, "key">) => [key, tonnes(r.scope1KgCo2e), tonnes(r.scope2LbKgCo2e), tonnes(r.scope2MbKgCo2e), tonnes(r.scope3LbKgCo2e), tonnes(r.scope3MbKgCo2e), tonnes(add(r.scope1KgCo2e, r.scope2MbKgCo2e, r.scope3MbKgCo2e))];

function rowsOf(series: ReportSeriesRow[]): TableRow[] {
  const sum = (f: (r: ReportSeriesRow) => string) => add(...series.map(f));
  const total = { scope1KgCo2e: sum((r) => r.scope1KgCo2e), scope2LbKgCo2e: sum((r) => r.scope2LbKgCo2e), scope2MbKgCo2e: sum((r) => r.scope2MbKgCo2e), scope3LbKgCo2e: sum((r) => r.scope3LbKgCo2e), scope3MbKgCo2e: sum((r) => r.scope3MbKgCo2e) };
  return [...byTotal(series).map((r) => ({ cells: cells(r.key, r) })), { kind: "total" as const, cells: cells(`Total (${series.length})`, total) }];
}

function Block({ title, first, series }: { title: string; first: string; series: ReportSeriesRow[] }) {
  return (
    <>
      <H2>{title}</H2>
      {series.length === 0 ? <Text style={s.p}>No lines are attributed.</Text> : <Table columns={COLUMNS(first)} rows={rowsOf(series)} />}
    </>
  );
}

export function Breakdowns({ ctx }: SectionProps) {
  const { c } = ctx;
  return (
    <SectionPage ctx={ctx} {...section("breakdowns")} lead="t CO₂e; LB location-based, MB market-based. Rows are sorted by their market-based total.">
      <Block title="By source of the data" first="Source" series={c.bySource} />
      <Block title="By site" first="Site" series={c.bySite} />
      <Block title="By project" first="Project" series={c.byProject} />
    </SectionPage>
  );
}
