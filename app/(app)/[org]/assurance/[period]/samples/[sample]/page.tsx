import Link from "next/link";
import { notFound } from "next/navigation";
import { ProcedureTabs } from "@/components/assurance/ProcedureTabs";
import { RedrawButton } from "@/components/assurance/RedrawButton";
import { SampleDetailView } from "@/components/assurance/SamplesView";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { getSample } from "@/lib/services/assurance/procedures/get-sample";
import { orNotFound, pageContext } from "../../../../_lib/page-context";

export const metadata = { title: "Sample" };

export default async function SamplePage({ params }: { params: Promise<{ org: string; period: string; sample: string }> }) {
  const { org, period, sample } = await params;
  const { ctx, can } = await pageContext(org);
  const s = await orNotFound(getSample({ ctx, input: { sampleId: sample } }));
  if (s.periodId !== period) notFound();
  const api = `/api/orgs/${org}/samples/${s.id}`;
  return (
    <>
      <PageHeader title={`Sample ${s.number}: ${s.name}`} subtitle={s.method === "MUS" ? "Monetary-unit sample by kgCO2e" : "Attribute sample"} actions={<Link className="text-sm text-sky-800 hover:underline" href={`/${org}/assurance/${period}/samples`}>All samples</Link>} />
      <ProcedureTabs org={org} period={period} current="samples" />
      <div className="flex flex-col gap-4">
        <RedrawButton url={`${api}/redraw`} />
        <Card><SampleDetailView s={s} canWork={can("assurance:work")} itemUrl={(p) => `${api}/items/${p}`} linesHref={`/${org}/inventory/${period}/lines`} /></Card>
      </div>
    </>
  );
}
