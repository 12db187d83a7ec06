import Link from "next/link";
import { AccessLogTable } from "@/components/assurance/AccessLogTable";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { listAccessLog } from "@/lib/services/assurance/list-access-log";
import { pageContext } from "../../_lib/page-context";

export const metadata = { title: "My access" };

export default async function AccessPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { org } = await params;
  const sp = await searchParams;
  const { ctx, can } = await pageContext(org);
  const all = sp.who === "all" && can("engagement:manage");
  const log = await listAccessLog({ ctx, input: { who: all ? "all" : "me", ...(sp.beforeId ? { beforeId: sp.beforeId } : {}) } });
  return (
    <>
      <PageHeader
        title={all ? "Access log" : "My access"}
        subtitle="Views and downloads in the assurance area, the report PDF, exports and evidence files: append-only"
        actions={can("engagement:manage") ? <Link className="text-sm underline" href={`/${org}/assurance/access${all ? "" : "?who=all"}`}>{all ? "Only mine" : "Everyone's"}</Link> : undefined}
      />
      <Card title="Newest first">
        <AccessLogTable entries={log.entries} />
        {log.nextBeforeId !== null ? <p className="mt-3 text-sm"><Link className="underline" href={`/${org}/assurance/access?${new URLSearchParams({ ...(all ? { who: "all" } : {}), beforeId: String(log.nextBeforeId) })}`}>Older</Link></p> : null}
      </Card>
    </>
  );
}
