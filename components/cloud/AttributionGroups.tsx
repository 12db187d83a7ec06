// Provider rows that count (no successor) per Scopebook project, "Unassigned" first: each group with its exact
// totals and the accounts / cloud projects it holds. Plain data in.
import { TableScroll } from "@/components/ui/TableScroll";
import { formatCount, formatMassKg } from "@/lib/format";
import type { AttributionGroup } from "@/lib/views/cloud-mappings";

export function AttributionGroups({ groups }: { groups: AttributionGroup[] }) {
  return (
    <div className="flex flex-col gap-4">
      {groups.map((g) => (
        <section key={g.projectId ?? "unassigned"} className="rounded-md border border-slate-200" data-testid={`attribution-${g.projectId ? "project" : "unassigned"}`} data-project={g.projectName}>
          <header className="flex items-center justify-between bg-slate-50 px-3 py-2 text-sm">
            <span className="font-semibold">{g.projectName}</span>
            <span className="tabular-nums text-slate-600" data-testid="group-summary">
              {formatCount(g.rows)} rows · {formatMassKg(g.totalLbKgCo2e)} location-based · {formatMassKg(g.totalMbKgCo2e)} market-based
            </span>
          </header>
          {g.lines.length === 0 ? (
            <p className="px-3 py-2 text-sm text-slate-500">No rows.</p>
          ) : (
            <TableScroll label={`Provider rows of ${g.projectName}`}>
              <table className="w-full text-left text-xs">
                <thead className="uppercase text-slate-500">
                  <tr>
                    <th className="px-3 py-1">Provider</th>
                    <th>Billing account</th>
                    <th>Account</th>
                    <th>Cloud project</th>
                    <th className="text-right">Rows</th>
                    <th className="pr-3 text-right">Location-based</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 tabular-nums">
                  {g.lines.map((l, i) => (
                    <tr key={i}>
                      <td className="px-3 py-1">
                        {l.provider}
                        {l.nature === "ESTIMATED" && <span className="ml-1 text-amber-700">(estimate)</span>}
                      </td>
                      <td className="font-mono">{l.billingAccountId ?? "—"}</td>
                      <td className="font-mono">{l.accountId ?? "—"}</td>
                      <td className="font-mono">{l.cloudProjectId ?? "—"}</td>
                      <td className="text-right">{formatCount(l.rows)}</td>
                      <td className="pr-3 text-right">{formatMassKg(l.totalLbKgCo2e)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
      ))}
    </div>
  );
}
