// A calculation version's ledger lines, grouped: the one query E1-5 and the E1-6 extras read (lib/ghg/energy-mix.ts,
// lib/ghg/e16-extras.ts). The contract is the return type (lib/ghg/breakdown.ts BreakdownRow): one row per distinct
// (scope, scope3Category, method, status, sourceKind, nature, qualityFlags, factorId, instrumentId, activityUnit),
// in no particular order, with activityQuantity and emissionsKgCo2e as exact sums (decimal text, no rounding; emissions null for unresolved
// groups) and lines the count. Read from the rollups joined to their resolutions (decision 0019): a few hundred rows
// for millions of lines; the storage may change, this shape does not.
// The organization is in the WHERE (tenancy): a version id of another organization returns nothing.
import type { Db } from "../../db/client";
import { mergeBreakdown, type BreakdownRow } from "../../ghg/breakdown";
import { num } from "./ledger/load-calculation-input";

type GroupRow = { scope: BreakdownRow["scope"]; cat: number | null; method: BreakdownRow["method"]; status: BreakdownRow["status"]; source_kind: BreakdownRow["sourceKind"]; nature: BreakdownRow["nature"]; flags: string[]; factor_id: string | null; instrument_id: string | null; unit: string; q: string; kg: string | null; lines: bigint };

export async function versionBreakdown(db: Db, organizationId: string, versionId: string): Promise<BreakdownRow[]> {
  const rows = await db.$queryRaw<GroupRow[]>`
    SELECT r.scope::text AS scope, r.scope3_category AS cat, r.method::text AS method, r.status::text AS status, r.source_kind::text AS source_kind,
           r.nature::text AS nature, r.quality_flags AS flags, r.factor_id, r.instrument_id, r.activity_unit AS unit,
           sum(u.activity_quantity)::text AS q, sum(u.emissions_kg_co2e)::text AS kg, sum(u.lines) AS lines
      FROM ledger_rollups u JOIN ledger_resolutions r ON r.id = u.resolution_id AND r.organization_id = u.organization_id
     WHERE u.organization_id = ${organizationId}::uuid AND u.calculation_version_id = ${versionId}::uuid
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`;
  // Resolutions whose flags differ only in order merge here.
  return mergeBreakdown(
    rows.map((r) => ({
      scope: r.scope, scope3Category: r.cat, method: r.method, status: r.status, sourceKind: r.source_kind, nature: r.nature, qualityFlags: r.flags,
      factorId: r.factor_id, instrumentId: r.instrument_id, activityUnit: r.unit, activityQuantity: num(r.q) ?? "0", emissionsKgCo2e: r.status === "RESOLVED" ? num(r.kg) : null, lines: Number(r.lines),
    })),
  );
}
