// Use case: download the original uploaded bytes of an import (evidence), as they were hashed.
import { authorize, type ServiceContext } from "../auth/context";
import { prisma } from "../db/client";
import { byId, isUuid } from "../db/scope";
import { notFound } from "../errors";

export async function downloadImportFile({ ctx, input }: { ctx: ServiceContext; input: { importId: string } }) {
  authorize(ctx, "evidence:download");
  if (!isUuid(input.importId)) throw notFound("Import");
  const imp = await prisma.import.findFirst({
    where: byId(ctx, input.importId),
    select: { evidence: { select: { fileName: true, contentType: true, sha256: true, content: true, organizationId: true } } },
  });
  const evidence = imp?.evidence;
  if (!evidence || evidence.organizationId !== ctx.organization.id || !evidence.content) throw notFound("Evidence file");
  return { fileName: evidence.fileName, contentType: evidence.contentType, sha256: evidence.sha256, bytes: Buffer.from(evidence.content) };
}
