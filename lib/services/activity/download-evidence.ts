// Use case: download an evidence file (attached to an activity record or an instrument, or an import's file) by id,
// exactly as it was hashed.
import { logAccess } from "../assurance/access-log";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { evidenceDownload, type EvidenceDownload } from "../imports/download-import-file";

export async function downloadEvidence({ ctx, input }: { ctx: ServiceContext; input: { evidenceId: string } }): Promise<EvidenceDownload> {
  authorize(ctx, "evidence:download");
  if (!isUuid(input.evidenceId)) throw notFound("Evidence file");
  const evidence = await prisma.evidenceFile.findFirst({
    where: byId(ctx, input.evidenceId),
    select: { fileName: true, contentType: true, sha256: true, sizeBytes: true, content: true, storagePath: true },
  });
  if (!evidence || (!evidence.content && !evidence.storagePath)) throw notFound("Evidence file");
  await logAccess(ctx, { action: "evidence.downloaded", entityType: "EvidenceFile", entityId: input.evidenceId });
  return evidenceDownload(evidence);
}
