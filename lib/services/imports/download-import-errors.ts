// Use case: download the rows of an import that could not be imported, as CSV (all of them: the import keeps
// only the first 1000 errors, this reads the stored file again).
import { logAccess } from "../assurance/access-log";
import { Readable } from "node:stream";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { BadRowsCsv } from "../../ingest/pipeline/bad-rows";
import { ByteFeed } from "../../ingest/pipeline/byte-feed";
import { ConflictGuard, type FileConflict } from "../../ingest/pipeline/conflicts";
import { evidenceStream } from "./commit/source";

export async function downloadImportErrors({ ctx, input }: { ctx: ServiceContext; input: { importId: string } }) {
  authorize(ctx, "org:read");
  if (!isUuid(input.importId)) throw notFound("Import");
  const imp = await prisma.import.findFirst({
    where: byId(ctx, input.importId),
    select: { fileName: true, sourceType: true, preview: true, evidence: { select: { content: true, storagePath: true } } },
  });
  if (!imp) throw notFound("Import");
  if (!imp.evidence) throw notFound("Uploaded file");
  await logAccess(ctx, { action: "import-errors.downloaded", entityType: "Import", entityId: input.importId });
  const source = evidenceStream(imp.evidence);
  async function* csv() {
    const sink = new BadRowsCsv();
    const feed = new ByteFeed(imp!.fileName, new ConflictGuard(sink, ((imp!.preview ?? {}) as { conflicts?: FileConflict[] }).conflicts ?? []), imp!.sourceType);
    for await (const chunk of source) {
      feed.push(chunk);
      const out = sink.take();
      if (out) yield out;
    }
    feed.end();
    const out = sink.take();
    if (out) yield out;
  }
  return { fileName: `${imp.fileName.replace(/\.[^.]+$/, "")}-rows-with-errors.csv`, stream: () => Readable.from(csv()) };
}
