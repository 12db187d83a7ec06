import Link from "next/link";
import { Card } from "@/components/ui/Card";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableScroll } from "@/components/ui/TableScroll";
import { listAuditEvents } from "@/lib/services/audit/list-audit-events";
import { verifyAuditChain } from "@/lib/services/audit/verify-audit-chain";
import { loadForPage, pageContext } from "../_lib/page-context";

export const metadata = { title: "Audit trail" };

const FILTERS = ["actor", "action", "entityType", "from", "to"] as const;

export default async function AuditPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { org } = await params;
  const sp = await searchParams;
  const filters = Object.fromEntries(FILTERS.flatMap((k) => (typeof sp[k] === "string" && sp[k] ? [[k, sp[k] as string]] : [])));
  const beforeSeq = typeof sp.beforeSeq === "string" ? sp.beforeSeq : undefined;
  const query = new URLSearchParams(filters).toString();
  const { ctx } = await pageContext(org);
  const loaded = await loadForPage(async () => ({
    events: await listAuditEvents({ ctx, input: { ...filters, ...(beforeSeq ? { beforeSeq } : {}) } }),
    chain: await verifyAuditChain({ ctx }),
  }));
  if (!loaded.ok)
    return (
      <>
        <PageHeader title="Audit trail" />
        <Notice tone="warning"><span data-testid="forbidden">{loaded.message}</span></Notice>
      </>
    );
  const { events: page, chain } = loaded.data;
  const events = page.events;
  return (
    <>
      <PageHeader title="Audit trail" subtitle="Append-only, hash-chained: every change, who made it, when, before and after" />
      <div className="mb-6" data-testid="chain-status">
        {chain.ok ? (
          <Notice tone="success">Chain verified: {chain.checked} event(s), every hash recomputed and linked.</Notice>
        ) : (
          <Notice tone="error">Chain broken at event #{chain.seq}: {chain.reason}. Events before it ({chain.checked}) verify.</Notice>
        )}
      </div>
      <Card title="Filter">
        <form method="get" aria-label="Filter audit events" className="flex flex-wrap items-end gap-3 text-sm" data-testid="audit-filters">
          <label className="flex flex-col">Actor <input name="actor" defaultValue={filters.actor ?? ""} className="rounded border border-slate-300 px-2 py-1" placeholder="email or user id" /></label>
          <label className="flex flex-col">Action <input name="action" defaultValue={filters.action ?? ""} className="rounded border border-slate-300 px-2 py-1" placeholder="period.signed-off" /></label>
          <label className="flex flex-col">Entity type <input name="entityType" defaultValue={filters.entityType ?? ""} className="rounded border border-slate-300 px-2 py-1" placeholder="ReportingPeriod" /></label>
          <label className="flex flex-col">From <input type="date" name="from" defaultValue={filters.from ?? ""} className="rounded border border-slate-300 px-2 py-1" /></label>
          <label className="flex flex-col">To <input type="date" name="to" defaultValue={filters.to ?? ""} className="rounded border border-slate-300 px-2 py-1" /></label>
          <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 text-white">Apply</button>
          <Link href={`/${org}/audit`} className="underline">Clear</Link>
          <a href={`/api/orgs/${org}/audit/events.csv${query ? `?${query}` : ""}`} className="underline" data-testid="audit-export-csv">Export CSV</a>
          <a href={`/api/orgs/${org}/audit/events.jsonl${query ? `?${query}` : ""}`} className="underline" data-testid="audit-export-jsonl">Export JSONL</a>
        </form>
      </Card>
      <Card title="Events (newest first)">
        <TableScroll label="Audit events">
          <table className="w-full text-left text-sm" data-testid="audit-table">
            <thead className="text-xs uppercase text-slate-600">
              <tr><th className="py-2">#</th><th>When (UTC)</th><th>What happened</th><th>Action</th><th>Change</th><th>Hash</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {events.map((e) => (
                <tr key={e.seq} data-testid="audit-event">
                  <td className="py-2 tabular-nums">{e.seq}</td>
                  <td className="whitespace-nowrap text-slate-600">{e.createdAt.replace("T", " ").slice(0, 19)}</td>
                  <td data-testid="audit-sentence">{e.sentence}</td>
                  <td className="font-mono text-xs">{e.action}</td>
                  <td className="max-w-md">
                    {e.changes.length ? (
                      <details>
                        <summary className="cursor-pointer text-xs underline">{e.changes.length} changed</summary>
                        <table className="mt-1 text-[11px]">
                          <thead><tr><th className="pr-2">Field</th><th className="pr-2">Before</th><th>After</th></tr></thead>
                          <tbody>
                            {e.changes.map((c) => (
                              <tr key={c.key}>
                                <td className="pr-2 font-mono">{c.key}</td>
                                <td className="break-all pr-2 text-slate-600">{JSON.stringify(c.before)}</td>
                                <td className="break-all">{JSON.stringify(c.after)}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </details>
                    ) : (
                      <span className="text-xs text-slate-600">no change recorded</span>
                    )}
                  </td>
                  <td className="font-mono text-[11px] text-slate-600" title={e.hash}>{e.hash.slice(0, 10)}…</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {page.nextBeforeSeq !== null ? (
          <p className="mt-3 text-sm">
            <Link className="underline" data-testid="audit-older" href={`/${org}/audit?${new URLSearchParams({ ...filters, beforeSeq: String(page.nextBeforeSeq) }).toString()}`}>Older events</Link>
          </p>
        ) : null}
      </Card>
    </>
  );
}
