import Link from "next/link";
import { AssuranceOverview } from "@/components/assurance/AssuranceOverview";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { getAssuranceOverview } from "@/lib/services/assurance/get-assurance-overview";
import { loadForPage, pageContext } from "../_lib/page-context";

export const metadata = { title: "Assurance" };

export default async function AssurancePage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx, can } = await pageContext(org);
  const loaded = await loadForPage(() => getAssuranceOverview({ ctx }));
  return (
    <>
      <PageHeader
        title="Assurance"
        subtitle="The signed versions your engagements cover: each figure one click to its ledger lines, each line to its source row and raw file"
        actions={
          <span className="flex gap-3 text-sm">
            <Link className="underline" href={`/${org}/assurance/inquiries`}>Inquiries</Link>
            <Link className="underline" href={`/${org}/assurance/access`}>My access</Link>
            {can("engagement:manage") ? <Link className="underline" href={`/${org}/assurance/engagements`}>Manage engagements</Link> : null}
          </span>
        }
      />
      {loaded.ok ? <AssuranceOverview org={org} engagements={loaded.data.engagements} periods={loaded.data.periods} /> : <Notice tone="warning"><span data-testid="forbidden">{loaded.message}</span></Notice>}
    </>
  );
}
