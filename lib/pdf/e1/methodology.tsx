// Basis of preparation: methodology, boundary (operational control), GWP basis and exclusions, and the inventory
// mapped to ISO 14064-1:2018 categories 1–6 beside the GHG Protocol scopes.
import { dec, text } from "@/lib/ghg/decimal";
import type { ReportContent } from "@/lib/reporting/content";
import { ISO14064_CATEGORIES, SCOPE3_CATEGORIES } from "@/lib/reporting/scope3-categories";
import { Bullet, H2, Note, SectionPage, type SectionProps } from "./layout";
import { approachLabel, tonnes } from "./numbers";
import { section } from "./sections";
import { KVTable, Table, type TableRow } from "./table";

/** kg per ISO 14064-1 category (LB, MB): Scope 1 → 1, Scope 2 → 2, each Scope 3 category → its ISO category. */
export function isoTotals(c: ReportContent): { category: number; lb: string; mb: string }[] {
  return ISO14064_CATEGORIES.map((iso) => {
    if (iso.category === 1) return { category: 1, lb: c.e16.scope1KgCo2e, mb: c.e16.scope1KgCo2e };
    if (iso.category === 2) return { category: 2, lb: c.e16.scope2LbKgCo2e, mb: c.e16.scope2MbKgCo2e };
    const members = SCOPE3_CATEGORIES.filter((s3) => s3.iso14064 === iso.category).map((s3) => s3.category);
    const of = c.e16.scope3ByCategory.filter((x) => members.includes(x.category));
    return { category: iso.category, lb: text(of.reduce((sum, x) => sum.plus(dec(x.lbKgCo2e)), dec(0))), mb: text(of.reduce((sum, x) => sum.plus(dec(x.mbKgCo2e)), dec(0))) };
  });
}

export function Methodology({ ctx }: SectionProps) {
  const { c } = ctx;
  const totals = isoTotals(c);
  const rows: TableRow[] = [
    ...ISO14064_CATEGORIES.map((iso) => {
      const t = totals.find((x) => x.category === iso.category);
      return { cells: [`${iso.category} ${iso.label}`, iso.ghgProtocol, tonnes(t?.lb), tonnes(t?.mb)] };
    }),
    { kind: "total" as const, cells: ["Total", "Scopes 1, 2 and 3", tonnes(c.e16.totalLbKgCo2e), tonnes(c.e16.totalMbKgCo2e)] },
  ];
  return (
    <SectionPage ctx={ctx} {...section("methodology")} lead="Methodologies, significant assumptions and emission factors (E1-6 AR 39), the organizational boundary and what it leaves out.">
      <H2>Methodology and assumptions</H2>
      {c.methodology.map((m, i) => (
        <Bullet key={i}>{m}</Bullet>
      ))}
      <H2>Boundary and basis</H2>
      <KVTable
        rows={[
          { k: "Consolidation approach", v: c.boundary.approach, sub: `Organization setting: ${approachLabel(c.organization.consolidationApproach)}` },
          { k: "Reporting period", v: `${c.period.name}: ${c.period.startDate} – ${c.period.endDate}` },
          { k: "Reporting currency", v: c.organization.reportingCurrency },
          { k: "Global warming potentials", v: c.boundary.gwpBasis.length === 0 ? "not stated" : c.boundary.gwpBasis.join("; ") },
          { k: "Calculation", v: `Calculation version ${c.calculation.number}, ${c.calculation.engineVersion}`, sub: c.calculation.linesSha256 ? `Ledger lines sha256 ${c.calculation.linesSha256}` : undefined },
        ]}
      />
      <H2>Exclusions</H2>
      {c.boundary.exclusions.length === 0 ? <Bullet>No exclusions.</Bullet> : c.boundary.exclusions.map((x, i) => <Bullet key={i}>{x}</Bullet>)}
      <H2 minPresenceAhead={160}>ISO 14064-1:2018 categories beside the GHG Protocol scopes</H2>
      <Table columns={[{ header: "ISO 14064-1 category" }, { header: "GHG Protocol", width: 130, align: "left" }, { header: "t CO₂e LB", width: 62 }, { header: "t CO₂e MB", width: 62 }]} rows={rows} />
      <Note>Scope 3 categories without a figure count as zero in their ISO category; the E1-6 table gives the reason for each.</Note>
    </SectionPage>
  );
}
