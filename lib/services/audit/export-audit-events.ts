// Use case: the audit trail as CSV or JSONL under the same filters as the page, streamed page by page (keyset on
// seq, 1000 events at a time), so a big log is never held in memory. Each row carries its sentence and hash.
import { Readable } from "node:stream";
import Papa from "papaparse";
import { authorize, type ServiceContext } from "../../auth/context";
import { parseInput } from "../../parse-input";
import { logAccess } from "../assurance/access-log";
import { AuditFilterInput } from "./audit-filters";
import { listAuditEvents } from "./list-audit-events";

export const AUDIT_EXPORT_COLUMNS = ["seq", "createdAt", "actor", "action", "entityType", "entityId", "sentence", "before", "after", "requestId", "prevHash", "hash"] as const;

export async function exportAuditEvents({ ctx, input }: { ctx: ServiceContext; input: { format: "csv" | "jsonl"; filters?: unknown } }): Promise<{ fileName: string; contentType: string; stream: () => Readable }> {
  authorize(ctx, "audit:read");
  const filters = parseInput(AuditFilterInput, input.filters ?? {});
  await logAccess(ctx, { action: "audit.exported", entityType: "AuditEvent" });
  async function* rows() {
    if (input.format === "csv") yield Papa.unparse([[...AUDIT_EXPORT_COLUMNS]], { newline: "\n" }) + "\n";
    let beforeSeq = filters.beforeSeq;
    for (;;) {
      const page = await listAuditEvents({ ctx, input: { ...filters, beforeSeq, take: 500 } });
      for (const e of page.events) {
        const row = { seq: e.seq, createdAt: e.createdAt, actor: e.actor, action: e.action, entityType: e.entityType, entityId: e.entityId, sentence: e.sentence, before: e.before, after: e.after, requestId: e.requestId, prevHash: e.prevHash, hash: e.hash };
        yield input.format === "csv"
          ? Papa.unparse([AUDIT_EXPORT_COLUMNS.map((c) => (c === "before" || c === "after" ? JSON.stringify(row[c] ?? null) : (row[c] ?? "")))], { newline: "\n" }) + "\n"
          : JSON.stringify(row) + "\n";
      }
      if (page.nextBeforeSeq === null) return;
      beforeSeq = page.nextBeforeSeq;
    }
  }
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    fileName: `audit-events-${ctx.organization.slug}-${stamp}.${input.format}`,
    contentType: input.format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
    stream: () => Readable.from(rows()),
  };
}
