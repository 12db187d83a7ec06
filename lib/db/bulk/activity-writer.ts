// How activity template rows are inserted (template-writer.ts): a row whose hash is already recorded (the same
// activity in another file) is a duplicate.
import type { ActivityImportRecord } from "../../records/activity";
import type { TemplateInsert } from "./template-writer";

export const ACTIVITY_INSERT: TemplateInsert<ActivityImportRecord> = {
  sql: `INSERT INTO activity_records (organization_id, import_id, created_by_id, row_number, row_hash, site_id, category, activity_type,
              period_start, period_end, quantity, unit, normalized_quantity, normalized_unit, supplier_factor_value, supplier_factor_unit,
              supplier_factor_source_value, supplier_factor_source_unit, evidence_reference, note, proposed_scope, proposed_scope3_category)
        SELECT $1::uuid, $2::uuid, $3::uuid, * FROM unnest($4::int[], $5::text[], $6::uuid[], $7::"ActivityCategory"[], $8::text[],
              $9::date[], $10::date[], $11::numeric[], $12::text[], $13::numeric[], $14::text[], $15::numeric[], $16::text[],
              $17::numeric[], $18::text[], $19::text[], $20::text[], $21::"Scope"[], $22::smallint[])
        ON CONFLICT (organization_id, row_hash) DO NOTHING`,
  siteName: (r) => r.entry.siteName,
  columns: (records, siteId) => {
    const col = <T>(f: (r: ActivityImportRecord) => T) => records.map(f);
    return [
      col((r) => r.rowNumber),
      col((r) => r.rowHash),
      col(siteId),
      col((r) => r.entry.category),
      col((r) => r.entry.activityType),
      col((r) => r.entry.periodStart),
      col((r) => r.entry.periodEnd),
      col((r) => r.entry.quantity),
      col((r) => r.entry.unit),
      col((r) => r.entry.normalizedQuantity),
      col((r) => r.entry.normalizedUnit),
      col((r) => r.entry.supplierFactor?.value ?? null),
      col((r) => r.entry.supplierFactor?.unit ?? null),
      col((r) => r.entry.supplierFactor?.sourceValue ?? null),
      col((r) => r.entry.supplierFactor?.sourceUnit ?? null),
      col((r) => r.entry.evidenceReference),
      col((r) => r.entry.note),
      col((r) => r.entry.proposedScope),
      col((r) => r.entry.proposedScope3Category),
    ];
  },
};
