import { ProcedureTabs } from "@/components/assurance/ProcedureTabs";
import { CreateSampleForm, SamplesList } from "@/components/assurance/SamplesView";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { listSamples } from "@/lib/services/assurance/procedures/list-samples";
import { orNotFound, pageContext } from "../../../_lib/page-context";

export const metadata = { title: "Samples" };

export default async function SamplesPage({ params }: { params: Promise<{ org: string; period: string }> }) {
  const { org, period } = await params;
  const { ctx, can } = await pageContext(org);
  const r = await orNotFound(listSamples({ ctx, input: { periodId: period } }));
  return (
    <>
      <PageHeader title={`Samples: ${r.period.name}`} subtitle="Attribute and monetary-unit samples of the version's ledger lines, drawn from a stored seed: anyone re-draws the same sample." />
      <ProcedureTabs org={org} period={period} current="samples" />
      <div className="flex flex-col gap-6">
        {can("assurance:work") && <Card title="Draw a sample"><CreateSampleForm url={`/api/orgs/${org}/periods/${period}/samples`} redirectTo={`/${org}/assurance/${period}/samples/`} /></Card>}
        <Card title="Samples drawn"><SamplesList samples={r.samples} href={(id) => `/${org}/assurance/${period}/samples/${id}`} /></Card>
      </div>
    </>
  );
}
