// What the lines of one kind share (scope, method, status, factor or instrument, dataset version, source kind, nature,
// flags, why the factor was chosen) is stored once per calculation version in ledger_resolutions, and each line
// refers to it (docs/decisions/0019): a run's template (run-keys.ts) is exactly one resolution.
import type { Tx } from "../../../db/client";
import type { LineTemplate } from "../../../ghg/run-keys";

export type ResolutionFields = LineTemplate;

const keyOf = (r: ResolutionFields): string =>
  JSON.stringify([r.scope, r.scope3Category, r.method, r.status, r.activityUnit, r.factorId, r.instrumentId, r.factorValue, r.factorUnit, r.datasetVersion,
    r.sourceKind, r.nature, r.qualityFlags, r.resolution]);

/** The distinct resolutions of a calculation, in the order first seen. */
export class ResolutionSet {
  readonly list: ResolutionFields[] = [];
  private readonly index = new Map<string, number>();

  /** The position of `r` (added if new). */
  add(r: ResolutionFields): number {
    const k = keyOf(r);
    let i = this.index.get(k);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(r);
      this.index.set(k, i);
    }
    return i;
  }
}

/** Lines are listed in resolution order: tracker runs, then provider rows, activities, instruments; then by scope. */
const SOURCE_ORDER = ["RUN", "MEASUREMENT", "PROVIDER_RECORD", "ACTIVITY", "INSTRUMENT"];
const listOrder = (a: ResolutionFields, b: ResolutionFields): number =>
  SOURCE_ORDER.indexOf(a.sourceKind) - SOURCE_ORDER.indexOf(b.sourceKind) || a.scope.localeCompare(b.scope) || (a.scope3Category ?? 0) - (b.scope3Category ?? 0) ||
  a.method.localeCompare(b.method) || a.status.localeCompare(b.status) || keyOf(a).localeCompare(keyOf(b));

/**
 * Inserts the resolutions of a version; returns their ids in the set's order. Ids (from the sequence) ascend in list
 * order (listOrder), so a figure's lines read in index order come grouped the same way in every version.
 */
export async function writeResolutions(tx: Tx, ids: { organizationId: string; versionId: string }, set: ResolutionSet): Promise<number[]> {
  const r = set.list;
  if (r.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT nextval(pg_get_serial_sequence('ledger_resolutions', 'id'))::int AS id FROM generate_series(1, ${r.length}::int) ORDER BY 1`;
  const id: number[] = new Array(r.length);
  r.map((_, i) => i).sort((a, b) => listOrder(r[a], r[b])).forEach((at, k) => (id[at] = rows[k].id));
  await tx.$executeRaw`
    INSERT INTO ledger_resolutions (id, organization_id, calculation_version_id, scope, scope3_category, method, status, activity_unit, factor_id, instrument_id,
                                    factor_value, factor_unit, dataset_version, source_kind, nature, quality_flags, resolution)
    SELECT t.id, ${ids.organizationId}::uuid, ${ids.versionId}::uuid, t.scope::"Scope", t.cat, t.method::"Scope2Method", t.status::"LedgerStatus", t.unit, t.factor_id,
           t.instrument_id, t.factor_value, t.factor_unit, t.dataset_version, t.kind::"LedgerSource", t.nature::"RecordNature",
           CASE WHEN t.flags = '' THEN '{}'::text[] ELSE string_to_array(t.flags, chr(31)) END, t.resolution
      FROM unnest(${id}::int[], ${r.map((x) => x.scope)}::text[], ${r.map((x) => x.scope3Category)}::smallint[], ${r.map((x) => x.method)}::text[],
                  ${r.map((x) => x.status)}::text[], ${r.map((x) => x.activityUnit)}::text[], ${r.map((x) => x.factorId)}::uuid[], ${r.map((x) => x.instrumentId)}::uuid[],
                  ${r.map((x) => x.factorValue)}::numeric[], ${r.map((x) => x.factorUnit)}::text[], ${r.map((x) => x.datasetVersion)}::text[],
                  ${r.map((x) => x.sourceKind)}::text[], ${r.map((x) => x.nature)}::text[], ${r.map((x) => x.qualityFlags.join("\u001f"))}::text[],
                  ${r.map((x) => x.resolution)}::text[])
           AS t(id, scope, cat, method, status, unit, factor_id, instrument_id, factor_value, factor_unit, dataset_version, kind, nature, flags, resolution)`;
  return id;
}
