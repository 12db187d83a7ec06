// A version's E1-6 figures, read from its pre-aggregated rollups (the fast path; the lines are the truth).
import type { Db } from "../../db/client";
import { aggregateE16, type Aggregatable, type E16 } from "../../ghg/aggregate";
import { num } from "./load-calculation-input";

export async function rollupRows(db: Db, organizationId: string, versionId: string): Promise<Aggregatable[]> {
  const rows = await db.$queryRaw<{ scope: Aggregatable["scope"]; cat: number | null; method: Aggregatable["method"]; status: Aggregatable["status"]; kg: string; lines: bigint }[]>`
    SELECT l.scope::text AS scope, l.scope3_category AS cat, l.method::text AS method, l.status::text AS status,
           sum(u.emissions_kg_co2e)::text AS kg, sum(u.lines) AS lines
      FROM ledger_rollups u JOIN ledger_resolutions l ON l.id = u.resolution_id AND l.organization_id = u.organization_id
     WHERE u.organization_id = ${organizationId}::uuid AND u.calculation_version_id = ${versionId}::uuid
     GROUP BY 1, 2, 3, 4`;
  return rows.map((r) => ({ scope: r.scope, scope3Category: r.cat, method: r.method, status: r.status, emissionsKgCo2e: r.status === "RESOLVED" ? num(r.kg) : null, lines: Number(r.lines) }));
}

export async function versionE16(db: Db, organizationId: string, versionId: string, netRevenue: string | null): Promise<E16> {
  return aggregateE16(await rollupRows(db, organizationId, versionId), netRevenue);
}
