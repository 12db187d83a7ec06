// Evidence attached to an activity entry or an instrument (an invoice, a certificate): kept in the database with
// its sha256 inside the caller's transaction; the same bytes attached twice are one evidence file.
import { createHash } from "node:crypto";
import type { ServiceContext } from "../../auth/context";
import type { Tx } from "../../db/client";
import { inOrg } from "../../db/scope";
import { AppError } from "../../errors";
import { INLINE_EVIDENCE_MAX_BYTES } from "../../storage/uploads";

export interface Attachment {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface KeptEvidence {
  id: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
}

/** Refuses an attachment that is empty, nameless or larger than what the database keeps inline (8 MiB). */
export function checkAttachment(file: Attachment | null | undefined): Attachment | null {
  if (!file) return null;
  const fileName = file.fileName.split(/[\\/]/).pop()?.trim() ?? "";
  if (!fileName || fileName.length > 255) throw new AppError("VALIDATION", "The evidence file needs a name (at most 255 characters).", [{ field: "evidence", reason: "no file name" }]);
  if (file.bytes.length === 0) throw new AppError("VALIDATION", `The evidence file "${fileName}" is empty.`, [{ field: "evidence", reason: "empty file" }]);
  if (file.bytes.length > INLINE_EVIDENCE_MAX_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", `The evidence file is larger than ${INLINE_EVIDENCE_MAX_BYTES / 1024 / 1024} MiB.`, [{ field: "evidence", reason: "too large" }]);
  return { fileName, contentType: file.contentType || "application/octet-stream", bytes: file.bytes };
}

export async function keepEvidence(tx: Tx, ctx: ServiceContext, file: Attachment): Promise<KeptEvidence> {
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const existing = await tx.evidenceFile.findFirst({ where: { ...inOrg(ctx), sha256 }, select: { id: true, fileName: true, sizeBytes: true } });
  if (existing) return { id: existing.id, fileName: existing.fileName, sha256, sizeBytes: Number(existing.sizeBytes) };
  const row = await tx.evidenceFile.create({
    data: { ...inOrg(ctx), fileName: file.fileName, contentType: file.contentType, sizeBytes: BigInt(file.bytes.length), sha256, content: new Uint8Array(file.bytes), uploadedById: ctx.userId },
    select: { id: true },
  });
  return { id: row.id, fileName: file.fileName, sha256, sizeBytes: file.bytes.length };
}
