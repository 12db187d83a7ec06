// Activity records as screens see them: plain strings, dates as YYYY-MM-DD, decimals exact. The activity services
// return these shapes; the edit form starts from activityEntryText.
import type { ScopeName } from "../activity/categories";
import type { ActivityEntryText } from "../activity/entry";

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

export interface ActivityTotal {
  category: string;
  categoryLabel: string;
  scope: string;
  normalizedUnit: string;
  normalizedQuantity: string;
  records: number;
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
