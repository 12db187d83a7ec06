import { Card } from "@/components/ui/Card";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableScroll } from "@/components/ui/TableScroll";
import { listAuditEvents } from "@/lib/services/audit/list-audit-events";
import { verifyAuditChain } from "@/lib/services/audit/verify-audit-chain";
import { loadForPage, pageContext } from "../_lib/page-context";

export const metadata = { title: "Audit trail" };

export default async function AuditPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx } = await pageContext(org);
  const loaded = await loadForPage(async () => ({
    events: await listAuditEvents({ ctx }),
    chain: await verifyAuditChain({ ctx }),
  }));
  if (!loaded.ok)
    return (
      <>
        <PageHeader title="Audit trail" />
        <Notice tone="warning"><span data-testid="forbidden">{loaded.message}</span></Notice>
      </>
    );
  const { events, chain } = loaded.data;
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
      <Card title="Events (newest first)">
        <TableScroll label="Audit events">
          <table className="w-full text-left text-sm" data-testid="audit-table">
            <thead className="text-xs uppercase text-slate-500">
              <tr><th className="py-2">#</th><th>When (UTC)</th><th>Actor</th><th>Action</th><th>Entity</th><th>Change</th><th>Hash</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {events.map((e) => (
                <tr key={e.seq}>
                  <td className="py-2 tabular-nums">{e.seq}</td>
                  <td className="whitespace-nowrap text-slate-500">{e.createdAt.replace("T", " ").slice(0, 19)}</td>
                  <td className="text-xs">{e.actor}</td>
                  <td className="font-mono text-xs">{e.action}</td>
                  <td className="text-xs">{e.entityType}</td>
                  <td className="max-w-xs">
                    <pre className="whitespace-pre-wrap break-all text-[11px] text-slate-600">
                      {e.before ? `before: ${JSON.stringify(e.before)}\n` : ""}
                      {e.after ? `after: ${JSON.stringify(e.after)}` : ""}
                    </pre>
                  </td>
                  <td className="font-mono text-[11px] text-slate-600" title={e.hash}>{e.hash.slice(0, 10)}…</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </Card>
    </>
  );
}
