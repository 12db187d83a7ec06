// An activity record as services return it: plain strings, dates as YYYY-MM-DD, decimals exact.
import { categoryDef, type ActivityCategoryName, type ScopeName } from "../../activity/categories";
import type { ActivityView } from "../../views/activity";

type Dec = { toFixed(): string };


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
