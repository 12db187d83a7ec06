// Data quality of a version for the report: unresolved lines by reason, estimated emissions (provider estimates,
// Cloud Carbon Footprint), from rollups joined to resolutions.
import type { Db } from "../../../db/client";
import { num } from "../../inventory/ledger/load-calculation-input";

export async function versionQuality(db: Db, organizationId: string, versionId: string): Promise<{ unresolved: { label: string; lines: number }[]; estimatedKgCo2e: string }> {
  const [unresolved, estimated] = await Promise.all([
    db.$queryRaw<{ label: string; lines: bigint }[]>`
      SELECT r.resolution AS label, sum(u.lines) AS lines
        FROM ledger_rollups u JOIN ledger_resolutions r ON r.id = u.resolution_id AND r.organization_id = u.organization_id
       WHERE u.organization_id = ${organizationId}::uuid AND u.calculation_version_id = ${versionId}::uuid AND r.status = 'UNRESOLVED'
       GROUP BY 1 ORDER BY 2 DESC, 1`,
    db.$queryRaw<{ kg: string | null }[]>`
      SELECT sum(u.emissions_kg_co2e)::text AS kg
        FROM ledger_rollups u JOIN ledger_resolutions r ON r.id = u.resolution_id AND r.organization_id = u.organization_id
       WHERE u.organization_id = ${organizationId}::uuid AND u.calculation_version_id = ${versionId}::uuid AND r.status = 'RESOLVED'
         AND r.nature = 'ESTIMATED' AND r.method <> 'LOCATION_BASED'`,
  ]);
  return { unresolved: unresolved.map((u) => ({ label: u.label, lines: Number(u.lines) })), estimatedKgCo2e: num(estimated[0]?.kg ?? null) ?? "0" };
}
