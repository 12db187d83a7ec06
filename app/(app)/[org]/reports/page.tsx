import { Card } from "@/components/ui/Card";
import { RenderedDownload } from "@/components/ui/RenderedDownload";
import { TableScroll } from "@/components/ui/TableScroll";
import { listReportingPeriods } from "@/lib/services/periods/list-reporting-periods";
import { PageHeader } from "@/components/ui/PageHeader";
import { pageContext } from "../_lib/page-context";

export const metadata = { title: "Reports" };

export default async function ReportsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx, can } = await pageContext(org);
  const periods = await listReportingPeriods({ ctx });
  const status = { OPEN: "open (draft)", CLOSED: "closed (draft)", IN_REVIEW: "in review (draft)", SIGNED_OFF: "signed off" } as const;
  return (
    <>
      <PageHeader title="Reports" subtitle="PDF reports of the organization's figures" />
      <div className="grid gap-6">
        <Card title="Emissions summary">
          <p className="mb-4 text-sm text-slate-600">
            Total energy and tracker-reported emissions of all runs, with a chart by period; then the ESRS E1 page (E1-6, E1-5,
            methodology, factor credits) of the latest calculated reporting period — a period&apos;s own page links its PDF. Generated
            now from the current data.
          </p>
          {can("report:read") ? (
            <a
              href={`/api/orgs/${org}/reports/summary`}
              className="inline-block rounded-md bg-emerald-700 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-800"
              data-testid="download-summary-pdf"
            >
              Download PDF
            </a>
          ) : (
            <p className="text-sm text-slate-500">Your role cannot download reports.</p>
          )}
        </Card>
        <Card title="CSRD E1 reports per period">
          <p className="mb-3 text-sm text-slate-600">
            A signed-off period&apos;s report is rendered from its frozen report version; any other period gives a draft, watermarked. Datapoints
            export every figure with its ESRS reference, version and hash.
          </p>
          <TableScroll label="CSRD E1 reports">
            <table className="w-full text-left text-sm" data-testid="period-reports">
              <thead className="text-xs uppercase text-slate-600">
                <tr><th className="py-1 pr-4">Period</th><th className="pr-4">Status</th><th className="pr-4">Signed version</th><th className="pr-4">Downloads</th></tr>
              </thead>
              <tbody>
                {periods.filter((p) => p.currentVersion !== null).map((p) => {
                  const api = `/api/orgs/${org}/periods/${p.id}`;
                  return (
                    <tr key={p.id} className="border-t border-slate-100">
                      <td className="py-2 pr-4"><a className="text-emerald-800 underline" href={`/${org}/inventory/${p.id}`}>{p.name}</a></td>
                      <td className="pr-4">{status[p.status]}</td>
                      <td className="pr-4">{p.signed ? <>v{p.signed.number}, approved by {p.signed.approvedBy.name} · <code className="text-xs">{p.signed.sha256.slice(0, 16)}…</code></> : "—"}</td>
                      <td className="pr-4">
                        {can("report:read") ? (
                          <span className="flex flex-wrap gap-3">
                            <RenderedDownload className="text-emerald-800 underline" href={`${api}/report.pdf`} label="PDF" />
                            <a className="text-emerald-800 underline" href={`${api}/datapoints.csv`}>CSV</a>
                            <a className="text-emerald-800 underline" href={`${api}/datapoints.json`}>JSON</a>
                          </span>
                        ) : "—"}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </Card>
      </div>
    </>
  );
}
