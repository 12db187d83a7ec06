// Re-performance one step further back (issue 14): the lines' quantities against their source records, set-wise.
// Activity records: the stored normalized quantity = quantity × the unit's conversion (lib/activity/units.ts, to 30
// decimals), and the record's resolved lines (its pro-rata parts; for market-based, the instrument-covered parts and
// the uncovered rest) sum back to it — for records inside the period (a record across the period's edge counts only
// its parts inside). Tracker runs: the location-based (or cloud) line's kWh = the run's energy, × the site PUE when
// the line is flagged site-pue-applied (the site's PUE as it is now).
import { prisma } from "../../../db/client";
import { Prisma } from "../../../generated/prisma/client";
import { ACCEPTED_UNIT_SPELLINGS, unitDef } from "../../../activity/units";
import { num } from "../../inventory/ledger/load-calculation-input";
import type { SourceChecks } from "../../../views/assurance-procedures";


const conversions = () =>
  Prisma.join(ACCEPTED_UNIT_SPELLINGS.map((u) => {
    const d = unitDef(u)!;
    return Prisma.sql`(${u}, ${d.canonical}, ${d.mul}::numeric, ${d.div}::numeric)`;
  }));

export async function sourceQuantityChecks(organizationId: string, versionId: string, period: { startDate: Date; endDate: Date }): Promise<SourceChecks> {
  const activities = await prisma.$queryRaw<{ id: string; mb: boolean; converted: string | null; canonical: string | null; normalized: string; normalized_unit: string; lines_q: string; differs: boolean }[]>`
    WITH conv(unit, canonical, mul, div) AS (VALUES ${conversions()}),
    sums AS (
      SELECT l.source_record_id, r.method = 'MARKET_BASED' AS mb, sum(l.activity_quantity) AS q, bool_and(r.status = 'RESOLVED') AS resolved
        FROM ledger_lines l JOIN ledger_resolutions r ON r.id = l.resolution_id AND r.organization_id = l.organization_id
       WHERE l.organization_id = ${organizationId}::uuid AND l.calculation_version_id = ${versionId}::uuid AND r.source_kind = 'ACTIVITY'
       GROUP BY 1, 2
    )
    SELECT a.id::text, s.mb, round(a.quantity * c.mul / c.div, 30)::text AS converted, c.canonical, a.normalized_quantity::text AS normalized, a.normalized_unit,
           s.q::text AS lines_q,
           (c.unit IS NULL OR round(a.quantity * c.mul / c.div, 30) <> a.normalized_quantity OR c.canonical <> a.normalized_unit OR s.q <> a.normalized_quantity) AS differs
      FROM sums s JOIN activity_records a ON a.id = s.source_record_id AND a.organization_id = ${organizationId}::uuid
      LEFT JOIN conv c ON c.unit = a.unit
     WHERE s.resolved AND a.period_start >= ${period.startDate} AND a.period_end <= ${period.endDate}`;
  const [runs] = await prisma.$queryRaw<{ checked: bigint; differing: bigint }[]>`
    SELECT count(*) AS checked,
           count(*) FILTER (WHERE l.activity_quantity IS DISTINCT FROM (CASE WHEN 'site-pue-applied' = ANY(r.quality_flags) THEN ru.energy_kwh * s.pue ELSE ru.energy_kwh END)) AS differing
      FROM ledger_lines l JOIN ledger_resolutions r ON r.id = l.resolution_id AND r.organization_id = l.organization_id
      JOIN runs ru ON ru.id = l.source_record_id AND ru.organization_id = l.organization_id
      LEFT JOIN sites s ON s.id = ru.site_id AND s.organization_id = ru.organization_id
     WHERE l.organization_id = ${organizationId}::uuid AND l.calculation_version_id = ${versionId}::uuid AND r.source_kind = 'RUN' AND r.method <> 'MARKET_BASED' AND r.status = 'RESOLVED'`;
  const bad = activities.filter((a) => a.differs);
  const runBad = Number(runs.differing) === 0 ? [] : await prisma.$queryRaw<{ id: string; expected: string | null; stated: string }[]>`
    SELECT ru.id::text, (CASE WHEN 'site-pue-applied' = ANY(r.quality_flags) THEN ru.energy_kwh * s.pue ELSE ru.energy_kwh END)::text AS expected, l.activity_quantity::text AS stated
      FROM ledger_lines l JOIN ledger_resolutions r ON r.id = l.resolution_id AND r.organization_id = l.organization_id
      JOIN runs ru ON ru.id = l.source_record_id AND ru.organization_id = l.organization_id
      LEFT JOIN sites s ON s.id = ru.site_id AND s.organization_id = ru.organization_id
     WHERE l.organization_id = ${organizationId}::uuid AND l.calculation_version_id = ${versionId}::uuid AND r.source_kind = 'RUN' AND r.method <> 'MARKET_BASED' AND r.status = 'RESOLVED'
       AND l.activity_quantity IS DISTINCT FROM (CASE WHEN 'site-pue-applied' = ANY(r.quality_flags) THEN ru.energy_kwh * s.pue ELSE ru.energy_kwh END)
     ORDER BY 1 LIMIT 20`;
  const examples: SourceChecks["examples"] = [
    ...bad.map((a) => ({
      kind: "ACTIVITY" as const, recordId: a.id,
      what: a.converted === null ? "unit not convertible" : num(a.converted) !== num(a.normalized) || a.canonical !== a.normalized_unit ? "quantity × unit conversion ≠ normalized quantity" : `${a.mb ? "market-based" : "location-based"} lines do not sum to the normalized quantity`,
      expected: num(a.converted !== null && num(a.converted) !== num(a.normalized) ? a.converted : a.normalized), stated: num(a.converted !== null && num(a.converted) !== num(a.normalized) ? a.normalized : a.lines_q),
    })),
    ...runBad.map((r) => ({ kind: "RUN" as const, recordId: r.id, what: "line kWh ≠ the run's energy (× site PUE)", expected: num(r.expected), stated: num(r.stated) })),
  ].slice(0, 20);
  return { activityRecords: new Set(activities.map((a) => a.id)).size, activityDiffering: new Set(bad.map((a) => a.id)).size, runLines: Number(runs.checked), runDiffering: Number(runs.differing), examples };
}
