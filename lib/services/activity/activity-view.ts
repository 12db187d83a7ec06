// An activity record as services return it: plain strings, dates as YYYY-MM-DD, decimals exact.
import { categoryDef, type ActivityCategoryName, type ScopeName } from "../../activity/categories";
import type { ActivityEntryText } from "../../activity/entry";

type Dec = { toFixed(): string };

export interface ActivityView {
  id: string;
  periodStart: string;
  periodEnd: string;
  site: string | null;
  category: string;
  categoryLabel: string;
  activityType: string | null;
  quantity: string;
  unit: string;
  normalizedQuantity: string;
  normalizedUnit: string;
  supplierFactor: { value: string; unit: string; sourceValue: string | null; sourceUnit: string | null } | null;
  evidenceReference: string | null;
  evidenceFile: { id: string; fileName: string; sha256: string } | null;
  note: string | null;
  proposedScope: ScopeName;
  proposedScope3Category: number | null;
  importId: string | null;
  rowNumber: number | null;
}

export interface ActivityRow {
  id: string;
  periodStart: Date;
  periodEnd: Date;
  category: ActivityCategoryName;
  activityType: string | null;
  quantity: Dec;
  unit: string;
  normalizedQuantity: Dec;
  normalizedUnit: string;
  supplierFactorValue: Dec | null;
  supplierFactorUnit: string | null;
  supplierFactorSourceValue: Dec | null;
  supplierFactorSourceUnit: string | null;
  evidenceReference: string | null;
  evidenceFileId: string | null;
  note: string | null;
  proposedScope: ScopeName;
  proposedScope3Category: number | null;
  importId: string | null;
  rowNumber: number | null;
  site: { name: string } | null;
  evidence: { fileName: string; sha256: string } | null;
}

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function activityView(r: ActivityRow): ActivityView {
  const def = categoryDef(r.category);
  return {
    id: r.id,
    periodStart: isoDay(r.periodStart),
    periodEnd: isoDay(r.periodEnd),
    site: r.site?.name ?? null,
    category: def.csvName,
    categoryLabel: def.label,
    activityType: r.activityType,
    quantity: r.quantity.toFixed(),
    unit: r.unit,
    normalizedQuantity: r.normalizedQuantity.toFixed(),
    normalizedUnit: r.normalizedUnit,
    supplierFactor:
      r.supplierFactorValue && r.supplierFactorUnit
        ? { value: r.supplierFactorValue.toFixed(), unit: r.supplierFactorUnit, sourceValue: r.supplierFactorSourceValue?.toFixed() ?? null, sourceUnit: r.supplierFactorSourceUnit }
        : null,
    evidenceReference: r.evidenceReference,
    evidenceFile: r.evidenceFileId && r.evidence ? { id: r.evidenceFileId, ...r.evidence } : null,
    note: r.note,
    proposedScope: r.proposedScope,
    proposedScope3Category: r.proposedScope3Category,
    importId: r.importId,
    rowNumber: r.rowNumber,
  };
}

/**
 * A record's values as the entry text they were entered as (the supplier factor as given, not normalized): what an
 * edit starts from (the fields it gives replace these, then the one entry check runs) and what the edit form shows.
 */
export function activityEntryText(v: ActivityView): Required<ActivityEntryText> {
  return {
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    site: v.site ?? "",
    category: v.category,
    activityType: v.activityType ?? "",
    quantity: v.quantity,
    unit: v.unit,
    supplierFactorValue: v.supplierFactor?.sourceValue ?? v.supplierFactor?.value ?? "",
    supplierFactorUnit: v.supplierFactor?.sourceUnit ?? v.supplierFactor?.unit ?? "",
    evidenceReference: v.evidenceReference ?? "",
    note: v.note ?? "",
  };
}
