// The audit trail as JSON: { events, nextBeforeSeq }, filtered by ?actor, action, entityType, from, to, paged by beforeSeq.
import { orgRoute } from "@/app/api/_lib/route";
import { listAuditEvents } from "@/lib/services/audit/list-audit-events";

export const GET = orgRoute(({ ctx, req }) => listAuditEvents({ ctx, input: Object.fromEntries(new URL(req.url).searchParams) }));
