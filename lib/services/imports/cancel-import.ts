// Use case: the user cancels a previewed import. Nothing of it was written; the uploaded file is discarded
// (evidence row and stored bytes), the import stays listed as CANCELLED, and the same file may be uploaded again.
import { authorize, type ServiceContext } from "../../auth/context";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { byId, isUuid } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { removeStored } from "../../storage/uploads";
import type { ImportView } from "../../views/imports";
import { toImportView } from "./import-view";

export async function cancelImport({ ctx, input }: { ctx: ServiceContext; input: { importId: string } }): Promise<ImportView> {
  authorize(ctx, "import:create");
  if (!isUuid(input.importId)) throw notFound("Import");
  const { view, storagePath } = await prisma.$transaction(async (tx) => {
    const imp = await tx.import.findFirst({ where: byId(ctx, input.importId), include: { evidence: { select: { id: true, storagePath: true } } } });
    if (!imp) throw notFound("Import");
    if (imp.status !== "PREVIEW" && imp.status !== "FAILED")
      throw new AppError("CONFLICT", `Only a previewed or failed import can be cancelled; this one is ${imp.status.toLowerCase()}.`);
    const cancelled = await tx.import.update({
      where: byId(ctx, imp.id),
      data: { status: "CANCELLED", evidenceFileId: null, phase: null, finishedAt: new Date() },
    });
    // The evidence may be shared with no other import (sha256 is unique per organization): it goes with this one.
    if (imp.evidence) await tx.evidenceFile.deleteMany({ where: { id: imp.evidence.id, organizationId: ctx.organization.id } });
    await recordAudit(tx, ctx, { action: "import.cancelled", entityType: "Import", entityId: imp.id, before: { status: imp.status } });
    return { view: toImportView(cancelled), storagePath: imp.evidence?.storagePath ?? null };
  });
  if (storagePath) await removeStored(storagePath).catch(() => {});
  return view;
}
