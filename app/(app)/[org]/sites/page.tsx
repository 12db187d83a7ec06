import { SiteForm } from "@/components/activity/SiteForm";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableScroll } from "@/components/ui/TableScroll";
import { formatDecimal } from "@/lib/format";
import { listSites } from "@/lib/services/activity/list-sites";
import { pageContext } from "../_lib/page-context";

export const metadata = { title: "Sites" };

export default async function SitesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx, can } = await pageContext(org);
  const sites = await listSites({ ctx });
  const editable = can("activity:manage");
  return (
    <>
      <PageHeader title="Sites and entities" subtitle="Where activity happens: the grid that gives electricity its factor, the market instruments must match, a data-centre PUE" />
      <div className="flex flex-col gap-6">
        {editable ? (
          <Card title="Add a site">
            <SiteForm org={org} />
          </Card>
        ) : (
          <p className="text-sm text-slate-500" data-testid="sites-read-only">Your role can read sites; officers and admins add and change them.</p>
        )}
        <Card title="Sites">
          {sites.length === 0 ? (
            <p className="text-sm text-slate-500">No sites yet. Activity imports create the sites they name.</p>
          ) : (
            <TableScroll label="Sites">
              <table className="w-full text-left text-sm" data-testid="sites-table">
                <thead className="text-xs uppercase text-slate-500">
                  <tr><th className="py-2">Name</th><th>Legal entity</th><th>Country</th><th>Grid region</th><th>Market</th><th className="text-right">PUE</th><th className="text-right">Activity records</th><th className="text-right">Instruments</th>{editable && <th />}</tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {sites.map((s) => (
                    <tr key={s.id} data-site={s.name}>
                      <td className="py-2 font-medium">{s.name}</td>
                      <td>{s.legalEntity ?? "—"}</td>
                      <td>{s.countryIsoCode ?? "—"}</td>
                      <td>{s.gridRegion ?? "—"}</td>
                      <td>{s.market ?? "—"}</td>
                      <td className="text-right tabular-nums">{s.pue ? formatDecimal(s.pue) : "—"}</td>
                      <td className="text-right tabular-nums">{s.activities}</td>
                      <td className="text-right tabular-nums">{s.instruments}</td>
                      {editable && (
                        <td className="text-right">
                          <details className="text-left">
                            <summary className="cursor-pointer text-emerald-700 underline">Edit</summary>
                            <div className="mt-2 w-[40rem] rounded-md border border-slate-200 bg-slate-50 p-3">
                              <SiteForm org={org} site={s} />
                            </div>
                          </details>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </Card>
      </div>
    </>
  );
}
