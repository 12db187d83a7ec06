// Use case: the organization's audit trail, newest first, paged by seq.
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";

export async function listAuditEvents({ ctx, input = {} }: { ctx: ServiceContext; input?: { beforeSeq?: number; take?: number } }) {
  authorize(ctx, "audit:read");
  const take = Math.min(Math.max(input.take ?? 100, 1), 500);
  const rows = await prisma.auditEvent.findMany({
    where: { ...inOrg(ctx), ...(input.beforeSeq ? { seq: { lt: input.beforeSeq } } : {}) },
    orderBy: { seq: "desc" },
    take,
  });
  return rows.map((e) => ({
    seq: e.seq,
    action: e.action,
    actor: e.actorLabel,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
    requestId: e.requestId,
    createdAt: e.createdAt.toISOString(),
    hash: e.hash,
    prevHash: e.prevHash,
  }));
}
