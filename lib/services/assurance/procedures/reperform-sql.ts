// The re-performance rule of lib/assurance/reperform.ts (recomputeLine) in SQL, set-wise over a version's lines:
// numeric arithmetic in Postgres, nothing loaded into memory but the groups and the page of differing lines.
// `res` re-reads each resolution's factor from the library (emission_factors) and instrument rates from
// contractual_instruments, so an altered resolution is caught as well as an altered line.
import { Prisma } from "../../../generated/prisma/client";

export function recomputedLinesSql(organizationId: string, versionId: string): Prisma.Sql {
  return Prisma.sql`
    WITH res AS (
      SELECT r.id, r.scope, r.scope3_category, r.method, r.status, r.activity_unit, r.factor_unit, r.factor_id, r.instrument_id,
             r.factor_value AS stated_factor, coalesce(f.value, i.emission_rate_kg_co2e_per_kwh, r.factor_value) AS factor
        FROM ledger_resolutions r
        LEFT JOIN emission_factors f ON f.id = r.factor_id AND (f.organization_id IS NULL OR f.organization_id = r.organization_id)
        LEFT JOIN contractual_instruments i ON i.id = r.instrument_id AND i.organization_id = r.organization_id
       WHERE r.organization_id = ${organizationId}::uuid AND r.calculation_version_id = ${versionId}::uuid
    )
    SELECT res.*, l.source_record_id, l.month, l.project_id, l.site_id, l.activity_quantity, l.emissions_kg_co2e AS stored,
           CASE WHEN res.status = 'UNRESOLVED' THEN NULL
                WHEN res.factor IS NOT NULL THEN
                  CASE WHEN res.factor_unit IS NULL OR res.factor_unit = 'kgCO2e/' || res.activity_unit THEN l.activity_quantity * res.factor END
                WHEN res.activity_unit = 'kgCO2e' THEN l.activity_quantity END AS recomputed
      FROM ledger_lines l JOIN res ON res.id = l.resolution_id
     WHERE l.organization_id = ${organizationId}::uuid AND l.calculation_version_id = ${versionId}::uuid`;
}
