// Use case: the access log — a member sees their own views and downloads ("My access"); officers and admins
// (engagement:manage) see everyone's, or one member's. Newest first, paged by id.
import { z } from "zod";
import { can } from "../../auth/permissions";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg, isUuid } from "../../db/scope";
import { parseInput } from "../../parse-input";
import type { AccessLogEntryView } from "../../views/assurance";

export const ListAccessLogInput = z.object({
  /** "me" (default) or "all" (officers). */
  who: z.enum(["me", "all"]).default("me"),
  beforeId: z.coerce.number().int().positive().optional(),
  take: z.coerce.number().int().min(1).max(500).default(100),
});

export async function listAccessLog({ ctx, input = {} }: { ctx: ServiceContext; input?: unknown }): Promise<{ entries: AccessLogEntryView[]; nextBeforeId: number | null; all: boolean }> {
  authorize(ctx, "org:read");
  const q = parseInput(ListAccessLogInput, input);
  const all = q.who === "all" && can(ctx.role, "engagement:manage");
  const userId = ctx.userId && isUuid(ctx.userId) ? ctx.userId : null;
  const rows = await prisma.accessLogEntry.findMany({
    where: { ...inOrg(ctx), ...(all ? {} : { userId }), ...(q.beforeId ? { id: { lt: BigInt(q.beforeId) } } : {}) },
    orderBy: { id: "desc" },
    take: q.take + 1,
  });
  const page = rows.slice(0, q.take);
  const periodIds = [...new Set(page.flatMap((r) => (r.periodId ? [r.periodId] : [])))];
  const periods = new Map((await prisma.reportingPeriod.findMany({ where: { ...inOrg(ctx), id: { in: periodIds } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  return {
    all,
    nextBeforeId: rows.length > q.take ? Number(page[page.length - 1].id) : null,
    entries: page.map((r) => ({
      id: String(r.id), actor: r.actorLabel.replace(/^user:/, ""), role: r.role, action: r.action, entityType: r.entityType, entityId: r.entityId,
      periodId: r.periodId, periodName: r.periodId ? (periods.get(r.periodId) ?? null) : null, requestId: r.requestId, createdAt: r.createdAt.toISOString(),
    })),
  };
}
