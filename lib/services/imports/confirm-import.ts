// Use case: the user confirms a previewed import (or retries a failed one). It becomes PROCESSING and is written
// in the background by this server process (import-commit/); the request returns at once and the page may be
// left. `wait` (seed, scripts, the upload-and-commit API) resolves only when the import is written or failed.
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, isUuid } from "../../db/scope";
import { AppError, invalid, notFound } from "../../errors";
import type { FileConflict } from "../../ingest/pipeline/conflicts";
import { authorizeSource } from "../activity/import-rules";
import { lockJob } from "./commit/job";
import { launchCommit } from "./commit/launch";
import { recoverStaleImports } from "./commit/recover";
import type { ImportView } from "../../views/imports";
import { toImportView } from "./import-view";

export async function confirmImport({
  ctx,
  input,
  wait = false,
}: {
  ctx: ServiceContext;
  input: { importId: string };
  wait?: boolean;
}): Promise<ImportView> {
  authorize(ctx, "import:create");
  if (!isUuid(input.importId)) throw notFound("Import");
  await recoverStaleImports(ctx.organization.id);
  const imp = await prisma.import.findFirst({
    where: byId(ctx, input.importId),
    include: { evidence: { select: { content: true, storagePath: true } } },
  });
  if (!imp) throw notFound("Import");
  authorizeSource(ctx, imp.sourceType);
  if (imp.status === "COMMITTED") throw new AppError("CONFLICT", "This import is already committed: nothing changed.");
  if (imp.status === "PROCESSING") throw new AppError("CONFLICT", "This import is already being written.");
  if (imp.status === "CANCELLED") throw new AppError("CONFLICT", "This import was cancelled; upload the file again to import it.");
  if (imp.rowsTotal - imp.rowsFailed === 0) throw invalid("No row of this file can be imported: every row has an error.", [{ field: "file", reason: "no valid rows" }]);
  if (!imp.evidence) throw new AppError("CONFLICT", "The uploaded file of this import is gone; upload it again.");

  // The job's lock is taken before the status changes, so a running import is never mistaken for a stopped one.
  const client = await lockJob(imp.id);
  try {
    const moved = await prisma.import.updateMany({
      where: { ...byId(ctx, imp.id), status: { in: ["PREVIEW", "FAILED"] } },
      data: {
        status: "PROCESSING",
        phase: "QUEUED",
        confirmedById: ctx.userId,
        startedAt: new Date(),
        finishedAt: null,
        failureReason: null,
        bytesProcessed: BigInt(0),
        rowsProcessed: 0,
      },
    });
    if (!moved.count) throw new AppError("CONFLICT", "This import changed meanwhile (confirmed or cancelled elsewhere).");
  } catch (err) {
    await client.end().catch(() => {});
    throw err;
  }
  const job = launchCommit(client, {
    importId: imp.id,
    organizationId: ctx.organization.id,
    fileName: imp.fileName,
    sha256: imp.sha256,
    sourceType: imp.sourceType,
    sizeBytes: Number(imp.sizeBytes),
    fileRepeatsRows: ((imp.preview ?? {}) as { duplicateRowsInFile?: number }).duplicateRowsInFile !== 0,
    conflicts: ((imp.preview ?? {}) as { conflicts?: FileConflict[] }).conflicts ?? [],
    evidence: { content: imp.evidence.content, storagePath: imp.evidence.storagePath },
    actor: ctx,
  });
  if (wait) await job;
  return toImportView(await prisma.import.findFirstOrThrow({ where: byId(ctx, imp.id) }));
}
