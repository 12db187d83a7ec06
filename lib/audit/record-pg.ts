// recordAudit for work done on a plain pg client (the bulk import writer runs COPY, which Prisma cannot): the same
// event, lock and hash chain as record.ts, inside the caller's pg transaction.
import type pg from "pg";
import { eventHash } from "./chain";
import { chainedFields, type AuditActor, type AuditInput } from "./record";

export async function recordAuditPg(client: pg.ClientBase, actor: AuditActor, input: AuditInput): Promise<void> {
  const organizationId = actor.organization.id;
  await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1::text, 727))", [organizationId]);
  const last = await client.query<{ seq: number; hash: string }>(
    "SELECT seq, hash FROM audit_events WHERE organization_id = $1 ORDER BY seq DESC LIMIT 1",
    [organizationId],
  );
  const fields = chainedFields(actor, input, last.rows[0]);
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
  await client.query(
    `INSERT INTO audit_events (organization_id, seq, actor_user_id, actor_label, action, entity_type, entity_id,
                               before, after, request_id, created_at, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11::timestamp(3), $12, $13)`,
    [
      fields.organizationId,
      fields.seq,
      fields.actorUserId,
      fields.actorLabel,
      fields.action,
      fields.entityType,
      fields.entityId,
      json(fields.before),
      json(fields.after),
      fields.requestId,
      // timestamp without zone holds UTC (as Prisma writes it), whatever the server's time zone
      fields.createdAt.toISOString().slice(0, 23),
      fields.prevHash,
      eventHash(fields),
    ],
  );
}
