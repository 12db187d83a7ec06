// The access log (who viewed or downloaded what, when, with which request id): plain rows.
import type { AccessLogEntryView } from "@/lib/views/assurance";
import { TableScroll } from "../ui/TableScroll";

export function AccessLogTable({ entries }: { entries: AccessLogEntryView[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-600" data-testid="no-access">Nothing viewed or downloaded yet.</p>;
  return (
    <TableScroll label="Access log">
      <table className="w-full text-left text-sm" data-testid="access-log">
        <thead className="text-xs uppercase text-slate-600">
          <tr><th className="py-2">When (UTC)</th><th>Who</th><th>What</th><th>Entity</th><th>Period</th><th>Request</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((e) => (
            <tr key={e.id} data-testid="access-entry">
              <td className="whitespace-nowrap py-1.5">{e.createdAt.replace("T", " ").slice(0, 19)}</td>
              <td className="text-xs">{e.actor} ({e.role.toLowerCase()})</td>
              <td className="font-mono text-xs">{e.action}</td>
              <td className="text-xs">{e.entityType}{e.entityId ? ` ${e.entityId.slice(0, 8)}…` : ""}</td>
              <td className="text-xs">{e.periodName ?? ""}</td>
              <td className="font-mono text-[11px] text-slate-600">{e.requestId.slice(0, 8)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
