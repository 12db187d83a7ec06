// Recomputes an organization's audit chain from the database and reports the first broken link.
import type { Db } from "../db/client";
import { verifyChain, type ChainBreak } from "./chain";

export async function verifyOrganizationChain(db: Db, organizationId: string): Promise<ChainBreak> {
  const events = await db.auditEvent.findMany({ where: { organizationId }, orderBy: { seq: "asc" } });
  return verifyChain(
    events.map((e) => ({
      organizationId: e.organizationId,
      seq: e.seq,
      actorUserId: e.actorUserId,
      actorLabel: e.actorLabel,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: e.before ?? null,
      after: e.after ?? null,
      requestId: e.requestId,
      createdAt: e.createdAt,
      prevHash: e.prevHash,
      hash: e.hash,
    })),
  );
}
