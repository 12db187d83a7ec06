// Activity data rows (Scopebook's activity template) as the preview shows them; grouped by site.
import { categoryDef, scopeLabel } from "../../activity/categories";
import type { ActivityImportRecord } from "../sources/activity-csv/map";
import type { RecordKindSpec } from "./kind";

export const NO_SITE = "(no site)";

export const ACTIVITY_KIND: RecordKindSpec<ActivityImportRecord> = {
  columns: [
    { key: "period", label: "Period" },
    { key: "site", label: "Site" },
    { key: "category", label: "Category" },
    { key: "scope", label: "Proposed scope" },
    { key: "activityType", label: "Type" },
    { key: "quantity", label: "Quantity", numeric: true },
    { key: "unit", label: "Unit" },
    { key: "normalizedQuantity", label: "Normalized", numeric: true },
    { key: "normalizedUnit", label: "Normalized unit" },
    { key: "supplierFactor", label: "Supplier factor" },
    { key: "evidence", label: "Evidence ref." },
  ],
  cells: ({ entry: e }) => {
    const def = categoryDef(e.category);
    return [
      e.periodStart === e.periodEnd ? e.periodStart : `${e.periodStart} – ${e.periodEnd}`,
      e.siteName,
      def.csvName,
      scopeLabel(def.scope, def.scope3Category),
      e.activityType,
      e.quantity,
      e.unit,
      e.normalizedQuantity,
      e.normalizedUnit,
      e.supplierFactor ? `${e.supplierFactor.value} ${e.supplierFactor.unit}` : null,
      e.evidenceReference,
    ];
  },
  rowNumber: (r) => r.rowNumber,
  rowHash: (r) => r.rowHash,
  at: (r) => r.entry.periodStart,
  group: (r) => r.entry.siteName ?? NO_SITE,
  flags: (r) => (r.entry.normalizedExact ? [] : ["rounded_to_30_decimals"]),
};
