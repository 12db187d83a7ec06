import { FactorRegisterView } from "@/components/assurance/FactorRegisterView";
import { ProcedureTabs, versionLabel } from "@/components/assurance/ProcedureTabs";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { getFactorRegister } from "@/lib/services/assurance/procedures/get-factor-register";
import { orNotFound, pageContext } from "../../../_lib/page-context";

export const metadata = { title: "Factor register" };

export default async function FactorsPage({ params }: { params: Promise<{ org: string; period: string }> }) {
  const { org, period } = await params;
  const { ctx } = await pageContext(org);
  const r = await orNotFound(getFactorRegister({ ctx, input: { periodId: period } }));
  const api = `/api/orgs/${org}/periods/${period}`;
  return (
    <>
      <PageHeader title={`Factor register: ${r.period.name}`} subtitle={`Every factor the ${versionLabel(r.reportVersionNumber)} used, and what changed against ${r.priorPeriod ?? "the previous period"}.`}
        actions={<span className="flex gap-4 text-sm"><a className="text-sky-800 hover:underline" href={`${api}/factor-register.csv`}>factor-register.csv</a><a className="text-sky-800 hover:underline" href={`${api}/factor-changes.csv`}>factor-changes.csv</a></span>} />
      <ProcedureTabs org={org} period={period} current="factors" />
      <Card><FactorRegisterView r={r} /></Card>
    </>
  );
}
