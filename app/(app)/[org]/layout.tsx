import { AppShell } from "@/components/shell/AppShell";
import { listMyOrganizations } from "@/lib/services/organizations/list-my-organizations";
import { pageContext } from "./_lib/page-context";

export const dynamic = "force-dynamic";

export default async function OrgLayout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx, email } = await pageContext(org);
  const organizations = await listMyOrganizations({ userId: ctx.userId! });
  return (
    <AppShell org={ctx.organization} role={ctx.role} user={{ email }} organizations={organizations}>
      {children}
    </AppShell>
  );
}
