import { MembersPanel } from "@/components/settings/MembersPanel";
import { SigningKeyCard } from "@/components/settings/SigningKeyCard";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableScroll } from "@/components/ui/TableScroll";
import { ROLE_DESCRIPTIONS, ROLE_PERMISSIONS, ROLES } from "@/lib/auth/permissions";
import { getOrganizationSettings } from "@/lib/services/organizations/get-organization-settings";
import { listMembers } from "@/lib/services/organizations/list-members";
import { getSigningKey } from "@/lib/services/assurance/signing-key";
import { pageContext } from "../_lib/page-context";

export const metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx, can } = await pageContext(org);
  const [settings, members, signingKey] = await Promise.all([getOrganizationSettings({ ctx }), listMembers({ ctx }), getSigningKey({ ctx })]);
  return (
    <>
      <PageHeader title="Settings" subtitle="Organization, members and roles" />
      <div className="grid gap-6">
        <Card title="Organization">
          <dl className="grid grid-cols-[14rem_1fr] gap-y-1 text-sm">
            <dt className="text-slate-500">Name</dt><dd>{settings.name}</dd>
            <dt className="text-slate-500">Reporting currency</dt><dd>{settings.reportingCurrency}</dd>
            <dt className="text-slate-500">Fiscal year starts</dt><dd>month {settings.fiscalYearStartMonth}</dd>
            <dt className="text-slate-500">Consolidation approach</dt><dd>{settings.consolidationApproach.replace(/_/g, " ").toLowerCase()}</dd>
          </dl>
        </Card>
        <Card title="Members">
          <MembersPanel
            org={org}
            members={members}
            canManage={can("members:manage")}
            roleDescriptions={ROLE_DESCRIPTIONS}
          />
          {!can("members:manage") && <p className="mt-3 text-xs text-slate-500" data-testid="members-read-only">Only admins add members and change roles.</p>}
        </Card>
        <SigningKeyCard signingKey={signingKey} />
        <Card title="Roles and permissions">
          <TableScroll label="Roles and permissions">
            <table className="w-full text-left text-xs">
              <thead className="uppercase text-slate-500"><tr><th className="py-1">Role</th><th>May</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {ROLES.map((r) => (
                  <tr key={r}><td className="py-1 font-medium">{r.toLowerCase()}</td><td className="font-mono">{ROLE_PERMISSIONS[r].join(", ")}</td></tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </Card>
      </div>
    </>
  );
}
