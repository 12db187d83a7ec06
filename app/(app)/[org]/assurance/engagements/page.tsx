import { EngagementForm } from "@/components/assurance/EngagementForm";
import { Card } from "@/components/ui/Card";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { listEngagements } from "@/lib/services/assurance/list-engagements";
import { listMembers } from "@/lib/services/organizations/list-members";
import { listReportingPeriods } from "@/lib/services/periods/list-reporting-periods";
import { pageContext } from "../../_lib/page-context";

export const metadata = { title: "Engagements" };

export default async function EngagementsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx, can } = await pageContext(org);
  if (!can("engagement:manage"))
    return (
      <>
        <PageHeader title="Engagements" />
        <Notice tone="warning"><span data-testid="forbidden">Your role does not allow this action (engagement:manage).</span></Notice>
      </>
    );
  const [engagements, periods, members] = await Promise.all([listEngagements({ ctx }), listReportingPeriods({ ctx }), listMembers({ ctx })]);
  const periodOptions = periods.map((p) => ({ id: p.id, label: p.name }));
  const auditors = members.filter((m) => m.role === "AUDITOR").map((m) => ({ id: m.id, label: `${m.name} (${m.email})` }));
  return (
    <>
      <PageHeader title="Engagements" subtitle="Who audits which periods, with which materiality: auditors see only the periods of their engagements" />
      <Card title="New engagement"><EngagementForm org={org} periods={periodOptions} auditors={auditors} /></Card>
      {engagements.map((e) => (
        <Card key={e.id} title={e.name}><EngagementForm org={org} periods={periodOptions} auditors={auditors} engagement={e} /></Card>
      ))}
    </>
  );
}
