// Use case: the organization's audit trail, newest first, paged by seq (keyset), filtered by actor, action, entity
// type and dates; each event with its sentence ("Olga Officer signed off FY2024, version 3") and changed keys. A
// scoped auditor sees the events of their engagements' scope (audit-filters.ts).
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { parseInput } from "../../parse-input";
import { auditSentence, changedKeys } from "../../views/audit-sentences";
import { AuditFilterInput, auditWhere, entityNames } from "./audit-filters";

export type AuditEventView = Awaited<ReturnType<typeof listAuditEvents>>["events"][number];

export async function listAuditEvents({ ctx, input = {} }: { ctx: ServiceContext; input?: unknown }) {
  authorize(ctx, "audit:read");
  const f = parseInput(AuditFilterInput, input);
  const rows = await prisma.auditEvent.findMany({ where: await auditWhere(ctx, f), orderBy: { seq: "desc" }, take: f.take + 1 });
  const page = rows.slice(0, f.take);
  const [names, people] = await Promise.all([
    entityNames(ctx, page),
    prisma.membership.findMany({ where: { ...inOrg(ctx), userId: { in: [...new Set(page.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))] } }, select: { userId: true, user: { select: { name: true } } } }),
  ]);
  const who = new Map(people.map((p) => [p.userId, p.user.name]));
  return {
    nextBeforeSeq: rows.length > f.take ? page[page.length - 1].seq : null,
    events: page.map((e) => {
      const actor = (e.actorUserId ? who.get(e.actorUserId) : null) ?? e.actorLabel.replace(/^user:/, "");
      const entityName = e.entityId ? (names.get(e.entityId) ?? null) : null;
      return {
        seq: e.seq,
        action: e.action,
        actor: e.actorLabel,
        actorUserId: e.actorUserId,
        entityType: e.entityType,
        entityId: e.entityId,
        sentence: auditSentence({ action: e.action, actor, entityType: e.entityType, entityName, before: e.before, after: e.after }),
        changes: changedKeys(e.before, e.after),
        before: e.before,
        after: e.after,
        requestId: e.requestId,
        createdAt: e.createdAt.toISOString(),
        hash: e.hash,
        prevHash: e.prevHash,
      };
    }),
  };
}
