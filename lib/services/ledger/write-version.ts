// Writes a calculation's lines into a version and rebuilds that version's rollups from them, inside the caller's
// transaction (which also locks the factor datasets the lines use: recalculate-period.ts).
import { createHash } from "node:crypto";
import type { Tx } from "../../db/client";
import { lineFingerprint, type CalculationResult } from "../../ghg/calculate";

const CHUNK = 5000;

/** sha256 of the lines (canonical order) and details: equal hashes mean a recalculation changes nothing. */
export function resultSha256(result: CalculationResult): string {
  const h = createHash("sha256");
  for (const l of result.lines) h.update(lineFingerprint(l)).update("\n");
  h.update(JSON.stringify(result.details));
  return h.digest("hex");
}

export async function writeLines(tx: Tx, ids: { organizationId: string; periodId: string; versionId: string }, result: CalculationResult): Promise<void> {
  for (let i = 0; i < result.lines.length; i += CHUNK) {
    await tx.ledgerLine.createMany({
      data: result.lines.slice(i, i + CHUNK).map((l) => ({
        organizationId: ids.organizationId,
        periodId: ids.periodId,
        calculationVersionId: ids.versionId,
        scope: l.scope,
        scope3Category: l.scope3Category,
        method: l.method,
        status: l.status,
        activityQuantity: l.activityQuantity,
        activityUnit: l.activityUnit,
        factorId: l.factorId,
        instrumentId: l.instrumentId,
        factorValue: l.factorValue,
        factorUnit: l.factorUnit,
        datasetVersion: l.datasetVersion,
        emissionsKgCo2e: l.emissionsKgCo2e,
        sourceKind: l.sourceKind,
        sourceRecordId: l.sourceRecordId,
        importId: l.importId,
        projectId: l.projectId,
        siteId: l.siteId,
        month: new Date(`${l.month}T00:00:00Z`),
        nature: l.nature,
        qualityFlags: l.qualityFlags,
        resolution: l.resolution,
      })),
    });
  }
  await rebuildRollups(tx, ids.organizationId, ids.versionId);
}

/** The version's rollups, recomputed from its lines (one GROUP BY; the lines are the truth). */
export async function rebuildRollups(tx: Tx, organizationId: string, versionId: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM ledger_rollups WHERE organization_id = ${organizationId}::uuid AND calculation_version_id = ${versionId}::uuid`;
  await tx.$executeRaw`
    INSERT INTO ledger_rollups (organization_id, calculation_version_id, scope, scope3_category, method, status, source_kind, project_id, site_id, month, emissions_kg_co2e, lines)
    SELECT organization_id, calculation_version_id, scope, scope3_category, method, status, source_kind, project_id, site_id, month,
           coalesce(sum(emissions_kg_co2e), 0), count(*)::int
      FROM ledger_lines WHERE organization_id = ${organizationId}::uuid AND calculation_version_id = ${versionId}::uuid
     GROUP BY organization_id, calculation_version_id, scope, scope3_category, method, status, source_kind, project_id, site_id, month`;
}
