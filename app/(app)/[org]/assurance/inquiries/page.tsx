import Link from "next/link";
import { InquiryCard } from "@/components/assurance/InquiryCard";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { getInquiry } from "@/lib/services/assurance/get-inquiry";
import { listInquiries } from "@/lib/services/assurance/list-inquiries";
import { loadForPage, pageContext } from "../../_lib/page-context";

export const metadata = { title: "Inquiries" };

const STATUSES = ["", "OPEN", "ANSWERED", "REOPENED", "CLOSED"] as const;

/** The "prepared by client" list: the auditor's inquiries and their threads, filtered by status, period, awaiting me. */
export default async function InquiriesPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { org } = await params;
  const q = await searchParams;
  const { ctx, can } = await pageContext(org);
  const filter = { status: q.status ?? "", periodId: q.period ?? "", awaitingMe: q.awaitingMe ?? "" };
  const loaded = await loadForPage(async () => {
    const list = await listInquiries({ ctx, input: filter });
    return Promise.all(list.slice(0, 50).map((i) => getInquiry({ ctx, input: { inquiryId: i.id } })));
  });
  const href = (over: Record<string, string>) => `/${org}/assurance/inquiries?${new URLSearchParams({ ...filter, ...over })}`;
  return (
    <>
      <PageHeader title="Inquiries" subtitle="The auditor's questions on figures, lines, records and files, answered by the organization: open → answered → closed" />
      <nav aria-label="Inquiry filters" className="mb-4 flex flex-wrap gap-2 text-sm">
        {STATUSES.map((s) => (
          <Link key={s || "all"} href={href({ status: s })} aria-current={filter.status === s ? "page" : undefined} className={`rounded-md border px-3 py-1 ${filter.status === s ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 text-slate-800"}`}>
            {s ? s.charAt(0) + s.slice(1).toLowerCase() : "All"}
          </Link>
        ))}
        <Link href={href({ awaitingMe: filter.awaitingMe ? "" : "1" })} className="rounded-md border border-slate-300 px-3 py-1 text-slate-800">{filter.awaitingMe ? "Show all" : "Awaiting me"}</Link>
      </nav>
      {!loaded.ok ? (
        <Notice tone="warning"><span data-testid="forbidden">{loaded.message}</span></Notice>
      ) : loaded.data.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="no-inquiries">No inquiry matches. Auditors raise them from the Assurance area or through POST /api/orgs/{org}/inquiries.</p>
      ) : (
        <div className="flex flex-col gap-4">
          {loaded.data.map((i) => <InquiryCard key={i.id} inquiry={i} api={`/api/orgs/${org}`} canAnswer={can("inquiry:answer")} canWork={can("assurance:work")} />)}
        </div>
      )}
    </>
  );
}
