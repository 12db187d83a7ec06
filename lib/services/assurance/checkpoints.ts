// Signed checkpoints of the audit log (decision 0028): size and RFC 6962 root over the events' hashes in seq order,
// as a signed checkpoint note, stored at each sign-off (in its transaction) and each pack export; consistency proofs
// between two stored checkpoints for the auditor who kept the earlier one.
import { z } from "zod";
import type { AuditActor } from "../../audit/record";
import { lockAuditChain } from "../../audit/record";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma, type Tx } from "../../db/client";
import { isUuid } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { checkpointBodyText, checkpointOrigin, signedNote } from "../../assurance/checkpoint";
import { consistencyProof, merkleRoot } from "../../assurance/merkle";
import { parseInput } from "../../parse-input";
import type { CheckpointView } from "../../views/signing-key";
import { ensureSigningKey, signBytes } from "./signing-key";

type Db = typeof prisma | Tx;

/** The leaves: the organization's event hashes (raw 32 bytes) of seq 1..size, in seq order. */
export async function auditLeaves(db: Db, organizationId: string, size?: number): Promise<Buffer[]> {
  const rows = await db.auditEvent.findMany({ where: { organizationId, ...(size !== undefined ? { seq: { lte: size } } : {}) }, orderBy: { seq: "asc" }, select: { hash: true } });
  return rows.map((r) => Buffer.from(r.hash, "hex"));
}

export interface CheckpointRequest {
  kind: "SIGNOFF" | "PACK_EXPORT";
  timestamp: Date;
  periodId?: string;
  reportVersionId?: string;
  /** Default: the whole log as it is now. */
  treeSize?: number;
}

/** Signs and stores a checkpoint inside the caller's transaction (the chain is locked, so the head cannot move). */
export async function writeCheckpoint(tx: Tx, actor: AuditActor, req: CheckpointRequest) {
  const organizationId = actor.organization.id;
  const key = await ensureSigningKey(tx, actor);
  await lockAuditChain(tx, organizationId);
  const leaves = await auditLeaves(tx, organizationId, req.treeSize);
  const rootHex = merkleRoot(leaves).toString("hex");
  const origin = checkpointOrigin(organizationId);
  const body = checkpointBodyText({ origin, treeSize: leaves.length, rootHex, timestamp: req.timestamp.toISOString() });
  const signature = signBytes(key, Buffer.from(body));
  return tx.auditCheckpoint.create({
    data: {
      organizationId,
      kind: req.kind,
      treeSize: leaves.length,
      rootHash: rootHex,
      note: signedNote(body, origin, key.rawPublicKey, signature),
      signature: signature.toString("base64"),
      keyFingerprint: key.fingerprint,
      periodId: req.periodId ?? null,
      reportVersionId: req.reportVersionId ?? null,
      timestamp: req.timestamp,
    },
  });
}

const view = (c: { id: string; kind: "SIGNOFF" | "PACK_EXPORT"; treeSize: number; rootHash: string; timestamp: Date; note: string; periodId: string | null; reportVersionId: string | null }): CheckpointView => ({
  id: c.id, kind: c.kind, treeSize: c.treeSize, rootHash: c.rootHash, timestamp: c.timestamp.toISOString(), note: c.note, periodId: c.periodId, reportVersionId: c.reportVersionId,
});

/** Every checkpoint of the organization, oldest first (read-only, for the auditor to keep). */
export async function listCheckpoints({ ctx }: { ctx: ServiceContext }): Promise<CheckpointView[]> {
  authorize(ctx, "audit:read");
  const rows = await prisma.auditCheckpoint.findMany({ where: { organizationId: ctx.organization.id }, orderBy: [{ treeSize: "asc" }, { createdAt: "asc" }] });
  return rows.map(view);
}

export const ConsistencyInput = z.object({
  from: z.string().refine(isUuid, "must be a checkpoint id"),
  to: z.string().refine(isUuid, "must be a checkpoint id"),
});

/** The RFC 9162 consistency proof from checkpoint `from` to the larger checkpoint `to`, from the log as stored now. */
export async function getConsistencyProof({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  authorize(ctx, "audit:read");
  const q = parseInput(ConsistencyInput, input);
  const [from, to] = await Promise.all([q.from, q.to].map((id) => prisma.auditCheckpoint.findFirst({ where: { id, organizationId: ctx.organization.id } })));
  if (!from) throw notFound("Checkpoint (from)");
  if (!to) throw notFound("Checkpoint (to)");
  if (from.treeSize > to.treeSize) throw new AppError("VALIDATION", "The first checkpoint must be the smaller tree.", [{ field: "from", reason: `size ${from.treeSize} > ${to.treeSize}` }]);
  const leaves = await auditLeaves(prisma, ctx.organization.id, to.treeSize);
  const stillMatches = leaves.length === to.treeSize && merkleRoot(leaves).toString("hex") === to.rootHash && merkleRoot(leaves.slice(0, from.treeSize)).toString("hex") === from.rootHash;
  return {
    from: view(from),
    to: view(to),
    /** false: the stored log no longer gives these roots — it was rewritten after the checkpoints were signed. */
    logMatchesCheckpoints: stillMatches,
    proof: consistencyProof(from.treeSize, leaves).map((h) => h.toString("hex")),
  };
}
