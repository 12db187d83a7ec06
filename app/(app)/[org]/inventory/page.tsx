import Link from "next/link";
import { ApiForm } from "@/components/inventory/ApiForm";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableScroll } from "@/components/ui/TableScroll";
import { formatDecimal } from "@/lib/format";
import { listReportingPeriods } from "@/lib/services/periods/list-reporting-periods";
import { pageContext } from "../_lib/page-context";

export const metadata = { title: "Inventory" };

export default async function InventoryPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx, can } = await pageContext(org);
  const periods = await listReportingPeriods({ ctx });
  return (
    <>
      <PageHeader title="Inventory" subtitle="GHG Protocol inventory per reporting period: Scope 1, Scope 2 location- and market-based, Scope 3" />
      <Card title="Reporting periods">
        {periods.length === 0 ? (
          <p className="text-sm text-slate-500">No reporting period yet{can("period:manage") ? ": create one below." : "; an officer creates them."}</p>
        ) : (
          <TableScroll label="Reporting periods">
            <table className="w-full text-left text-sm" data-testid="periods-table">
              <thead className="text-xs uppercase text-slate-500">
                <tr><th className="py-2">Period</th><th>Dates</th><th>Status</th><th className="text-right">Net revenue</th><th className="text-right">Stated version</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {periods.map((p) => (
                  <tr key={p.id}>
                    <td className="py-2 font-medium"><Link href={`/${org}/inventory/${p.id}`} className="text-sky-800 hover:underline">{p.name}</Link></td>
                    <td>{p.startDate} – {p.endDate}</td>
                    <td>{p.status.toLowerCase().replace("_", " ")}</td>
                    <td className="text-right tabular-nums">{p.netRevenue ? `${formatDecimal(p.netRevenue)} ${p.netRevenueCurrency ?? ""}` : "—"}</td>
                    <td className="text-right">{p.currentVersion ?? "not calculated"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Card>
      {can("period:manage") && (
        <div className="mt-4">
          <Card title="New reporting period">
            <ApiForm
              url={`/api/orgs/${org}/periods`}
              label="New reporting period"
              submitLabel="Create period"
              redirectTo={`/${org}/inventory/`}
              fields={[
                { name: "name", label: "Name", required: true, placeholder: "FY2025" },
                { name: "startDate", label: "First day", type: "date", required: true },
                { name: "endDate", label: "Last day", type: "date", required: true },
                { name: "netRevenue", label: "Net revenue (optional)", placeholder: "1250000" },
              ]}
            />
          </Card>
        </div>
      )}
    </>
  );
}
