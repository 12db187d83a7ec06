import { ProcedureTabs, versionLabel } from "@/components/assurance/ProcedureTabs";
import { ReperformView } from "@/components/assurance/ReperformView";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { reperformVersion } from "@/lib/services/assurance/procedures/reperform-version";
import { orNotFound, pageContext } from "../../../_lib/page-context";

export const metadata = { title: "Re-performance" };

export default async function ReperformPage({ params, searchParams }: { params: Promise<{ org: string; period: string }>; searchParams: Promise<{ page?: string }> }) {
  const { org, period } = await params;
  const { page } = await searchParams;
  const { ctx } = await pageContext(org);
  const r = await orNotFound(reperformVersion({ ctx, input: { periodId: period, page: page ?? "1" } }));
  return (
    <>
      <PageHeader title={`Re-performance: ${r.period.name}`} subtitle={`Every ledger line of the ${versionLabel(r.reportVersionNumber, r.calculationNumber)} recomputed from its inputs (quantity × the library's factor or the instrument's rate), and every E1-6 total from the recomputed lines, exact.`} />
      <ProcedureTabs org={org} period={period} current="reperform" />
      <Card><ReperformView r={r} pageHref={(p) => `/${org}/assurance/${period}/reperform?page=${p}`} /></Card>
    </>
  );
}
