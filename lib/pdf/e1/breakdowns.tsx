// Every site, project and source with both methods, largest first, with an exact total row.
import type { ReportSeriesRow } from "@/lib/reporting/content";
import { FlowSection, type FlowTable } from "./flow";
import type { SectionProps } from "./layout";
import { add, tonnes } from "./numbers";
import { byTotal } from "./analysis";
import { section } from "./sections";
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

export function Breakdowns({ ctx }: SectionProps) {
  const { c } = ctx;
  const tables: FlowTable[] = [
    { title: "By source of the data", columns: COLUMNS("Source"), rows: rowsOf(c.bySource) },
    { title: "By site", columns: COLUMNS("Site"), rows: rowsOf(c.bySite) },
    { title: "By project", columns: COLUMNS("Project"), rows: rowsOf(c.byProject) },
  ].filter((t) => t.rows.length > 1);
  return <FlowSection ctx={ctx} {...section("breakdowns")} lead="t CO₂e; LB location-based, MB market-based. Rows are sorted by their market-based total; the total row sums the exact figures." tables={tables} />;
}
