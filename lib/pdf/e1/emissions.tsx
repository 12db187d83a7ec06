// E1-6: the AR 48 table — Scope 1 (with % from regulated ETS), Scope 2 LB and MB, Scope 3 for each of the 15
// categories (a figure, or "not relevant" / "not calculated" with the officer's reason), totals, intensity per net
// revenue and biogenic CO2 — for the base year, N-1 and N, with the change against both.
import { formatDecimal } from "@/lib/format";
import type { E16 } from "@/lib/ghg/aggregate";
import type { ReportComparative, ReportContent } from "@/lib/reporting/content";
import { H2, Note, SectionPage, type SectionProps } from "./layout";
import { add, change, pct, tonnes } from "./numbers";
import { section } from "./sections";
import { Table, type Column, type TableRow } from "./table";

type Year = { e16: E16 } | null;
type Figure = (e: E16) => string | null;

const category = (n: number, method: "lb" | "mb"): Figure => (e) => {
  const c = e.scope3ByCategory.find((x) => x.category === n);
  return c ? (method === "lb" ? c.lbKgCo2e : c.mbKgCo2e) : null;
};

/** A figure row: base, N-1, N, % N/N-1, % N/base. */
function figureRow(label: string, pick: Figure, years: { base: Year; prev: Year; cur: E16 }, kind?: TableRow["kind"], fmt: (v: string | null) => string = tonnes, sub?: string): TableRow {
  const cur = pick(years.cur);
  const prev = years.prev ? pick(years.prev.e16) : null;
  const base = years.base ? pick(years.base.e16) : null;
  return { kind, sub, cells: [label, years.base ? fmt(base) : "—", years.prev ? fmt(prev) : "—", fmt(cur), change(cur, prev), change(cur, base)] };
}

const intensity = (v: string | null) => (v === null ? "—" : formatDecimal(v));

type Extras = Pick<ReportContent, "e16Extras" | "scope1EtsPercent"> | Partial<Pick<ReportComparative, "e16Extras" | "scope1EtsPercent">>;
type ExtraFigure = (y: Extras) => string | null | undefined;

/**
 * A row of the E1-6 extras for base, N-1 and N. A comparative frozen before schema 2 has no extras: "—". Shares
 * are printed without a % change (a change of a percentage would read as percentage points); amounts get one.
 */
function extrasRow(label: string, pick: ExtraFigure, c: ReportContent, fmt: (v: string | null | undefined) => string, withChange: boolean, sub?: string): TableRow {
  const cur = pick(c);
  const prev = c.previous ? pick(c.previous) : undefined;
  const base = c.base ? pick(c.base) : undefined;
  return { kind: "plain", sub, cells: [label, fmt(base), fmt(prev), fmt(cur), withChange ? change(cur, prev) : "—", withChange ? change(cur, base) : "—"] };
}

const extras = (y: Extras) => y.e16Extras ?? undefined;
const primaryShares = (y: Extras) => {
  const e = extras(y);
  return e ? `${pct(e.scope3PrimaryLbPct)} / ${pct(e.scope3PrimaryMbPct)}` : null;
};

export function e16TableRows(c: ReportContent): TableRow[] {
  const years = { base: c.base, prev: c.previous, cur: c.e16 };
  const currency = c.period.netRevenueCurrency ?? c.organization.reportingCurrency;
  const rows: TableRow[] = [
    { kind: "group", cells: ["Scope 1 GHG emissions"] },
    figureRow("Gross Scope 1 GHG emissions", (e) => e.scope1KgCo2e, years, "plain", tonnes, "E1-6 §44 (a), §48"),
    { ...extrasRow("Percentage of Scope 1 GHG emissions from regulated emission trading schemes", (y) => y.scope1EtsPercent, c, (v) => (v === null ? "not entered" : pct(v)), false), kind: "part" },
    { kind: "group", cells: ["Scope 2 GHG emissions"] },
    figureRow("Gross location-based Scope 2 GHG emissions", (e) => e.scope2LbKgCo2e, years, "plain", tonnes, "E1-6 §44 (b), §49 (a)"),
    figureRow("Gross market-based Scope 2 GHG emissions", (e) => e.scope2MbKgCo2e, years, "plain", tonnes, "E1-6 §49 (b)"),
    figureRow("Subtotal: Scope 1 and market-based Scope 2", (e) => add(e.scope1KgCo2e, e.scope2MbKgCo2e), years, "subtotal"),
    { kind: "group", cells: ["Significant Scope 3 GHG emissions"] },
    figureRow("Gross Scope 3 GHG emissions, location-based", (e) => e.scope3LbKgCo2e, years, "plain", tonnes, "E1-6 §44 (c), §51"),
    figureRow("Gross Scope 3 GHG emissions, market-based", (e) => e.scope3MbKgCo2e, years, "plain"),
  ];
  for (const cat of c.scope3Categories) {
    const label = `${cat.category} ${cat.label}`;
    if (cat.status !== "CALCULATED") {
      const what = cat.status === "NOT_RELEVANT" ? "Not relevant" : "Not calculated";
      rows.push({ kind: "part", cells: [label], span: `${what}: ${cat.reason ?? "no reason given"}` });
      continue;
    }
    const lb = category(cat.category, "lb");
    const mb = category(cat.category, "mb");
    const all = [c.e16, c.previous?.e16, c.base?.e16].filter((e): e is E16 => e !== undefined);
    if (all.every((e) => lb(e) === mb(e))) rows.push(figureRow(label, lb, years, "part"));
    else {
      rows.push(figureRow(`${label}, location-based`, lb, years, "part"));
      rows.push(figureRow(`${label}, market-based`, mb, years, "part"));
    }
  }
  rows.push(
    { kind: "group", cells: ["Total GHG emissions"] },
    figureRow("Total GHG emissions, location-based", (e) => e.totalLbKgCo2e, years, "total", tonnes, "E1-6 §44 (d), AR 47"),
    figureRow("Total GHG emissions, market-based", (e) => e.totalMbKgCo2e, years, "total"),
    { kind: "group", cells: ["GHG intensity"] },
    figureRow(`GHG intensity per net revenue, location-based (t CO₂e per ${currency})`, (e) => e.intensityLbTPerRevenue, years, "plain", intensity, "E1-6 §53"),
    figureRow(`GHG intensity per net revenue, market-based (t CO₂e per ${currency})`, (e) => e.intensityMbTPerRevenue, years, "plain", intensity),
    figureRow(`Net revenue used to calculate the intensity (${currency})`, (e) => e.netRevenue, years, "part", (v) => (v === null ? "not entered" : formatDecimal(v))),
    { kind: "group", cells: ["Other E1-6 datapoints"] },
    extrasRow("Biogenic CO₂ from combustion or biodegradation of biomass, outside the scopes (t CO₂)", (y) => extras(y)?.biogenicCo2Kg, c, tonnes, true, "E1-6 AR 43 (c)"),
    extrasRow("Scope 3 calculated with primary data, location-based / market-based", primaryShares, c, (v) => v ?? "—", false),
  );
  return rows;
}

export const E16_COLUMNS = (c: ReportContent): Column[] => [
  { header: "t CO₂e" },
  { header: c.base ? `Base year ${c.base.year}` : "Base year", width: 62 },
  { header: c.previous ? `${c.previous.periodName} (N-1)` : "N-1", width: 62 },
  { header: `${c.period.name} (N)`, width: 62 },
  { header: "% N / N-1", width: 56 },
  { header: "% N / base", width: 56 },
];

export function Emissions({ ctx }: SectionProps) {
  const { c } = ctx;
  const e = c.e16;
  return (
    <SectionPage ctx={ctx} {...section("e1-6")} lead="Gross greenhouse gas emissions by scope (E1-6 §44, AR 48), with every Scope 3 category of the GHG Protocol: calculated, or omitted with the reason. Retrospective columns: base year, comparative year (N-1) and the reporting year (N).">
      <Table columns={E16_COLUMNS(c)} rows={e16TableRows(c)} />
      <H2 minPresenceAhead={40}>Notes to the table</H2>
      <Note>{`Totals follow AR 47: location-based = Scope 1 + Scope 2 location-based + Scope 3 (${tonnes(e.scope1KgCo2e)} + ${tonnes(e.scope2LbKgCo2e)} + ${tonnes(e.scope3LbKgCo2e)} = ${tonnes(e.totalLbKgCo2e)} t CO₂e); market-based with Scope 2 market-based. Shown figures are rounded after summing, so a total may differ in its last digit from the sum of the shown parts.`}</Note>
      <Note>Scope 3 carries a location- and a market-based figure where cloud providers report both; categories are shown once where the two are equal. Biogenic CO₂ is never added to a scope.</Note>
      {c.e16Extras.linesWithoutBiogenicValue > 0 && <Note>{`${c.e16Extras.linesWithoutBiogenicValue} line(s) are priced by factors that state no biogenic value; their biogenic CO₂, if any, is not known.`}</Note>}
      {e.unresolvedLines > 0 && <Note>{`${e.unresolvedLines} ledger line(s) without an emission factor are not in these figures (see Data quality).`}</Note>}
    </SectionPage>
  );
}
