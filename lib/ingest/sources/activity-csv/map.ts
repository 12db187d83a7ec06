// One row of Scopebook's activity CSV template → an activity record to import, or row errors (column, value,
// reason). The checks are lib/activity/entry.ts, the same the entry form uses. Pure; never throws.
import { createHash } from "node:crypto";
import { checkActivityEntry, type ActivityEntry, type ActivityEntryText, type ActivityField } from "../../../activity/entry";
import type { ActivityImportRecord } from "../../../records/activity";
import type { MapResult } from "../template-csv";

export type { ActivityImportRecord } from "../../../records/activity";

export function activityRowHash(e: ActivityEntry): string {
  const identity = [
    e.periodStart,
    e.periodEnd,
    e.siteName?.toLowerCase() ?? "",
    e.category,
    e.activityType ?? "",
    e.normalizedQuantity,
    e.normalizedUnit,
    e.supplierFactor?.value ?? "",
    e.evidenceReference ?? "",
    e.note ?? "",
  ];
  return createHash("sha256").update(JSON.stringify(identity)).digest("hex");
}

export function mapActivityRow(fields: ActivityEntryText, rowNumber: number): MapResult<ActivityImportRecord, ActivityField> {
  const checked = checkActivityEntry(fields);
  if (!checked.ok) return checked;
  return { ok: true, value: { rowNumber, rowHash: activityRowHash(checked.value), entry: checked.value } };
}
