// Activity records and their totals per category and normalized unit. Plain data in; numbers shown through the
// one display rule (lib/format.ts). With `edit` (officers and admins), each record has Edit and Delete.
import { TableScroll } from "@/components/ui/TableScroll";
import { scopeLabel } from "@/lib/activity/categories";
import { formatDecimal, formatEnergyKwh } from "@/lib/format";
import type { ActivityTotal } from "@/lib/views/activity";
import { activityEntryText, type ActivityView } from "@/lib/views/activity";
import { ActivityForm, type CategoryOption } from "./ActivityForm";
import { RecordActions } from "./RecordActions";

const scope = (r: ActivityView) => scopeLabel(r.proposedScope, r.proposedScope3Category);
/** A normalized quantity: energy in a readable unit (decision 0004), other units as they are. */
const normalized = (quantity: string, unit: string) => (unit === "kWh" ? formatEnergyKwh(quantity) : `${formatDecimal(quantity)} ${unit}`);

export function ActivityTotals({ totals }: { totals: ActivityTotal[] }) {
  if (!totals.length) return <p className="text-sm text-slate-500">No activity recorded for this selection.</p>;
  return (
    <TableScroll label="Activity totals">
      <table className="w-full text-left text-sm" data-testid="activity-totals">
        <thead className="text-xs uppercase text-slate-500">
          <tr><th className="py-2">Category</th><th>Proposed scope</th><th className="text-right">Records</th><th className="text-right">Total</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {totals.map((t) => (
            <tr key={`${t.category}-${t.normalizedUnit}`} data-category={t.category}>
              <td className="py-2">{t.categoryLabel}</td>
              <td>{t.scope}</td>
              <td className="text-right tabular-nums">{t.records}</td>
              <td className="text-right tabular-nums" data-testid="activity-total">{normalized(t.normalizedQuantity, t.normalizedUnit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function ActivityRecords({ org, records, truncated, edit }: { org: string; records: ActivityView[]; truncated: boolean; edit?: { categories: CategoryOption[]; sites: string[] } }) {
  if (!records.length) return null;
  return (
    <>
      <TableScroll label="Activity records">
        <table className="w-full text-left text-sm" data-testid="activity-table">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-2">Period</th><th>Site</th><th>Category</th><th>Type</th><th className="text-right">Quantity</th><th className="text-right">Normalized</th><th>Supplier factor</th><th>Evidence</th><th>Source</th>{edit && <th className="text-right">Actions</th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {records.map((r) => (
              <tr key={r.id} data-record-id={r.id}>
                <td className="py-2 whitespace-nowrap">{r.periodStart} – {r.periodEnd}</td>
                <td>{r.site ?? "—"}</td>
                <td title={scope(r)}>{r.category} <span className="text-xs text-slate-500">{scope(r)}</span></td>
                <td>{r.activityType ?? "—"}</td>
                <td className="text-right tabular-nums">{formatDecimal(r.quantity)} {r.unit}</td>
                <td className="text-right tabular-nums">{normalized(r.normalizedQuantity, r.normalizedUnit)}</td>
                <td>{r.supplierFactor ? `${formatDecimal(r.supplierFactor.value)} ${r.supplierFactor.unit}` : "—"}</td>
                <td>
                  {r.evidenceReference}
                  {r.evidenceFile && (
                    <a className="ml-1 text-emerald-700 underline" href={`/api/orgs/${org}/evidence/${r.evidenceFile.id}`} title={`sha256 ${r.evidenceFile.sha256}`}>
                      {r.evidenceFile.fileName}
                    </a>
                  )}
                </td>
                <td>{r.importId ? <a className="text-emerald-700 underline" href={`/${org}/imports/${r.importId}`}>import, row {r.rowNumber}</a> : "form"}</td>
                {edit && (
                  <td className="text-right align-top">
                    <RecordActions deleteUrl={`/api/orgs/${org}/activity/${r.id}`} what="record">
                      <ActivityForm org={org} categories={edit.categories} sites={edit.sites} edit={{ id: r.id, values: activityEntryText(r) }} />
                    </RecordActions>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {truncated && <p className="mt-2 text-xs text-slate-500">Showing the latest 500 records; narrow the filters to see others. Totals cover the whole selection.</p>}
    </>
  );
}
