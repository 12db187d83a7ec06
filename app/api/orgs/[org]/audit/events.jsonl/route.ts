// The audit trail as JSONL, streamed, under the page's filters (?actor, action, entityType, from, to).
import { streamDownload } from "@/app/api/_lib/download";
import { orgRoute } from "@/app/api/_lib/route";
import { exportAuditEvents } from "@/lib/services/audit/export-audit-events";

export const runtime = "nodejs";

export const GET = orgRoute(async ({ ctx, req }) => streamDownload(await exportAuditEvents({ ctx, input: { format: "jsonl", filters: Object.fromEntries(new URL(req.url).searchParams) } })));
