import { Card } from "@/components/ui/Card";
import { ComingSoon } from "@/components/ui/ComingSoon";
import { PageHeader } from "@/components/ui/PageHeader";
import { pageContext } from "../_lib/page-context";

export const metadata = { title: "Reports" };

export default async function ReportsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { can } = await pageContext(org);
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
        <ComingSoon what="ESRS E1 and VSME B3 reports per reporting period, with sign-off and restatements." issue="Accounting engine, then reporting" />
      </div>
    </>
  );
}
