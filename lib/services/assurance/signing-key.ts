// The organization's Ed25519 signing key (decision 0028): created on first need (the first sign-off, checkpoint or
// pack), its private half in the data folder only (lib/storage/signing-keys.ts), its public key and fingerprint in
// the database and in Settings. Creation is audited in the caller's transaction.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import type { AuditActor } from "../../audit/record";
import { recordAudit } from "../../audit/record";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma, type Tx } from "../../db/client";
import { AppError } from "../../errors";
import { groupedFingerprint } from "../../assurance/checkpoint";
import { readPrivateKeyPem, writePrivateKeyPem } from "../../storage/signing-keys";
import type { SigningKeyView } from "../../views/signing-key";

export interface OrgKey {
  organizationId: string;
  privateKey: KeyObject;
  publicKeyPem: string;
  rawPublicKey: Buffer;
  fingerprint: string;
}

/** The raw 32-byte Ed25519 public key (the last 32 bytes of its SPKI DER). */
export function rawEd25519(publicKey: KeyObject): Buffer {
  return publicKey.export({ format: "der", type: "spki" }).subarray(-32);
}

export const keyFingerprint = (raw: Uint8Array) => createHash("sha256").update(raw).digest("hex");

/** The organization's key, created (and audited as signing-key.created) when it has none yet. */
export async function ensureSigningKey(tx: Tx, actor: AuditActor): Promise<OrgKey> {
  const organizationId = actor.organization.id;
  const row = await tx.orgSigningKey.findUnique({ where: { organizationId } });
  let pem = await readPrivateKeyPem(organizationId);
  if (row) {
    if (!pem) throw new AppError("CONFLICT", "This server does not hold the organization's private signing key (its data folder's keys/ was lost or moved): restore it to sign.", [{ field: "signingKey", reason: "private key missing" }]);
    const key = loadKey(organizationId, pem);
    if (key.fingerprint !== row.fingerprint) throw new AppError("CONFLICT", "The private signing key in the data folder does not match the organization's published key.", [{ field: "signingKey", reason: "fingerprint mismatch" }]);
    return key;
  }
  // A key file without a row: a transaction that created it rolled back; the file is reused, never replaced.
  if (!pem) {
    pem = generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    await writePrivateKeyPem(organizationId, pem);
  }
  const key = loadKey(organizationId, pem);
  await tx.orgSigningKey.create({ data: { organizationId, publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint } });
  await recordAudit(tx, actor, { action: "signing-key.created", entityType: "Organization", entityId: organizationId, after: { algorithm: "Ed25519", fingerprint: key.fingerprint } });
  return key;
}

function loadKey(organizationId: string, pem: string): OrgKey {
  const privateKey = createPrivateKey(pem);
  const publicKey = createPublicKey(privateKey);
  const rawPublicKey = rawEd25519(publicKey);
  return { organizationId, privateKey, publicKeyPem: publicKey.export({ format: "pem", type: "spki" }).toString(), rawPublicKey, fingerprint: keyFingerprint(rawPublicKey) };
}

/** Raw Ed25519 over the exact bytes (deterministic: the same bytes and key give the same signature). */
export const signBytes = (key: OrgKey, bytes: Uint8Array): Buffer => sign(null, bytes, key.privateKey);

/** Settings: the public key and fingerprint (null until the first sign-off or pack creates it). */
export async function getSigningKey({ ctx }: { ctx: ServiceContext }): Promise<SigningKeyView | null> {
  authorize(ctx, "org:read");
  const row = await prisma.orgSigningKey.findUnique({ where: { organizationId: ctx.organization.id } });
  return row ? { algorithm: "Ed25519", fingerprint: row.fingerprint, fingerprintGrouped: groupedFingerprint(row.fingerprint), publicKeyPem: row.publicKeyPem, createdAt: row.createdAt.toISOString() } : null;
}
