// Use case: download the original uploaded bytes of an import (evidence), exactly as they were hashed, streamed
// (a stored file of any size never passes through memory whole).
import { logAccess } from "../assurance/access-log";
import type { Readable } from "node:stream";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { evidenceStream } from "./commit/source";

export interface EvidenceDownload {
  fileName: string;
  contentType: string;
  sha256: string;
  sizeBytes: number;
  stream(): Readable;
  /** The whole file in memory (small files, tests). */
  bytes(): Promise<Buffer>;
}

export async function downloadImportFile({ ctx, input }: { ctx: ServiceContext; input: { importId: string } }): Promise<EvidenceDownload> {
  authorize(ctx, "evidence:download");
  if (!isUuid(input.importId)) throw notFound("Import");
  const imp = await prisma.import.findFirst({
    where: byId(ctx, input.importId),
    select: { evidence: { select: { fileName: true, contentType: true, sha256: true, sizeBytes: true, content: true, storagePath: true, organizationId: true } } },
  });
  const evidence = imp?.evidence;
  if (!evidence || evidence.organizationId !== ctx.organization.id || (!evidence.content && !evidence.storagePath)) throw notFound("Evidence file");
  await logAccess(ctx, { action: "import-file.downloaded", entityType: "Import", entityId: input.importId });
  return evidenceDownload(evidence);
}

/** A stored evidence file as a download (streamed, or whole in memory for small files and tests). */
export function evidenceDownload(evidence: {
  fileName: string;
  contentType: string;
  sha256: string;
  sizeBytes: bigint;
  content: Uint8Array | null;
  storagePath: string | null;
}): EvidenceDownload {
  const stream = () => evidenceStream({ content: evidence.content, storagePath: evidence.storagePath });
  return {
    fileName: evidence.fileName,
    contentType: evidence.contentType,
    sha256: evidence.sha256,
    sizeBytes: Number(evidence.sizeBytes),
    stream,
    async bytes() {
      const parts: Buffer[] = [];
      for await (const chunk of stream()) parts.push(Buffer.from(chunk));
      return Buffer.concat(parts);
    },
  };
}
