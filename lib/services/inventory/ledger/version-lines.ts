// A version's ledger lines whole, each with its resolution (scope, method, factor, flags…), as lib/ghg computes them:
// for comparing the stored ledger with a recomputation (tests, exports). Reads every line of the version.
import type { Db } from "../../../db/client";
import type { LineDraft } from "../../../ghg/types";
import { num } from "./load-calculation-input";

export type StoredLine = LineDraft;

export async function versionLines(db: Db, organizationId: string, versionId: string): Promise<StoredLine[]> {
  const rows = await db.$queryRaw<{ scope: string; cat: number | null; method: string; status: string; q: string; unit: string; factor_id: string | null; fv: string | null; factor_unit: string | null; dataset_version: string | null; instrument_id: string | null; kg: string | null; kind: string; source_record_id: string; import_id: string | null; project_id: string | null; site_id: string | null; month: string; nature: string; flags: string[]; resolution: string }[]>`
    SELECT r.scope::text AS scope, r.scope3_category AS cat, r.method::text AS method, r.status::text AS status, l.activity_quantity::text AS q, r.activity_unit AS unit,
           r.factor_id, r.factor_value::text AS fv, r.factor_unit, r.dataset_version, r.instrument_id, l.emissions_kg_co2e::text AS kg, r.source_kind::text AS kind,
           l.source_record_id::text, l.import_id, l.project_id, l.site_id, to_char(l.month, 'YYYY-MM-DD') AS month, r.nature::text AS nature, r.quality_flags AS flags, r.resolution
      FROM ledger_lines l JOIN ledger_resolutions r ON r.id = l.resolution_id AND r.organization_id = l.organization_id
     WHERE l.organization_id = ${organizationId}::uuid AND l.calculation_version_id = ${versionId}::uuid
     ORDER BY r.id, l.source_record_id, l.month`;
  return rows.map((r) => ({
    scope: r.scope as LineDraft["scope"], scope3Category: r.cat, method: r.method as LineDraft["method"], status: r.status as LineDraft["status"],
    activityQuantity: num(r.q) ?? "0", activityUnit: r.unit, factorId: r.factor_id, factorValue: num(r.fv), factorUnit: r.factor_unit, datasetVersion: r.dataset_version,
    instrumentId: r.instrument_id, emissionsKgCo2e: num(r.kg), sourceKind: r.kind as LineDraft["sourceKind"], sourceRecordId: r.source_record_id, importId: r.import_id,
    projectId: r.project_id, siteId: r.site_id, month: r.month, nature: r.nature as LineDraft["nature"], qualityFlags: r.flags, resolution: r.resolution,
  }));
}
