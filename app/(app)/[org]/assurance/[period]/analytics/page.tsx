import Link from "next/link";
import { AnalyticsTable } from "@/components/assurance/AnalyticsTable";
import { ProcedureTabs, versionLabel } from "@/components/assurance/ProcedureTabs";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { formatMassKg } from "@/lib/format";
import { getAnalyticalReview } from "@/lib/services/assurance/procedures/get-analytical-review";
import { orNotFound, pageContext } from "../../../_lib/page-context";

export const metadata = { title: "Analytical review" };

export default async function AnalyticsPage({ params, searchParams }: { params: Promise<{ org: string; period: string }>; searchParams: Promise<{ view?: string }> }) {
  const { org, period } = await params;
  const { view } = await searchParams;
  const { ctx, can } = await pageContext(org);
  const r = await orNotFound(getAnalyticalReview({ ctx, input: { periodId: period, view: view === "mb" ? "mb" : "lb" } }));
  const api = `/api/orgs/${org}/periods/${period}`;
  const threshold = r.performanceMaterialityKgCo2e ? `threshold ${formatMassKg(r.performanceMaterialityKgCo2e)} (performance materiality), clearly trivial ≤ ${formatMassKg(r.clearlyTrivialKgCo2e!)}` : "no engagement covers this period: no threshold";
  return (
    <>
      <PageHeader title={`Analytical review: ${r.period.name}`} subtitle={`${versionLabel(r.reportVersionNumber)} against ${r.priorPeriod ?? "no previous period"}; ${threshold}.`}
        actions={<span className="flex gap-4 text-sm">
          <Link className="text-sky-800 hover:underline" href={`?view=${r.view === "lb" ? "mb" : "lb"}`}>{r.view === "lb" ? "Market-based view" : "Location-based view"}</Link>
          <a className="text-sky-800 hover:underline" href={`${api}/analytics.csv?view=${r.view}`}>variance.csv</a>
        </span>} />
      <ProcedureTabs org={org} period={period} current="analytics" />
      <Card><AnalyticsTable r={r} url={`${api}/analytics`} canWork={can("assurance:work")} /></Card>
    </>
  );
}
