// recordAudit(tx, ctx, event): appends to the organization's hash chain inside the caller's transaction.
// If this throws, the caller's transaction — and so the mutation — rolls back.
import type { Tx } from "../db/client";
import { GENESIS_HASH, eventHash, toAuditJson, type ChainedFields } from "./chain";

export interface AuditActor {
  userId: string | null;
  actorLabel: string;
  organization: { id: string };
  requestId: string;
}

export interface AuditInput {
  action: string; // e.g. "member.added", "import.committed"
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** The next event of the organization's chain after `last` (null: the first one). */
export function chainedFields(actor: AuditActor, input: AuditInput, last: { seq: number; hash: string } | null | undefined): ChainedFields {
  return {
    organizationId: actor.organization.id,
    seq: (last?.seq ?? 0) + 1,
    actorUserId: actor.userId,
    actorLabel: actor.actorLabel,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    before: toAuditJson(input.before ?? null),
    after: toAuditJson(input.after ?? null),
    requestId: actor.requestId,
    createdAt: new Date(),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
}

/** The organization's chain lock, held to the end of the transaction (re-entrant: recordAudit takes it again). */
export async function lockAuditChain(tx: Tx, organizationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${organizationId}::text, 727))`;
}

export async function recordAudit(tx: Tx, actor: AuditActor, input: AuditInput) {
  const organizationId = actor.organization.id;
  // Serialise appends per organization so two transactions cannot fork the chain.
  await lockAuditChain(tx, organizationId);
  const last = await tx.auditEvent.findFirst({
    where: { organizationId },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  const fields = chainedFields(actor, input, last);
  return tx.auditEvent.create({
    data: {
      ...fields,
      before: fields.before === null ? undefined : (fields.before as object),
      after: fields.after === null ? undefined : (fields.after as object),
      hash: eventHash(fields),
    },
  });
}
