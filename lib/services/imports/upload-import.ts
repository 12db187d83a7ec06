// Use case: a file arrives (browser or API) and becomes a PREVIEW import. The bytes stream to a temp file while
// they are hashed (sha256) and read by the matching source adapter, so a file of any size passes in constant
// memory; nothing but the evidence and the preview is written. The same file again (same sha256) changes nothing.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { authorize, type ServiceContext } from "../../auth/context";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { AppError, invalid } from "../../errors";
import { ByteFeed } from "../../ingest/pipeline/byte-feed";
import { ConflictGuard } from "../../ingest/pipeline/conflicts";
import { PreviewCollector, type ImportPreview } from "../../ingest/pipeline/preview";
import { acceptsFileName, isDeclarableSource } from "../../ingest/registry";
import { SOURCE_LABELS } from "../../records/source-types";
import type { SourceTypeName } from "../../ingest/source";
import { IngestFileError } from "../../ingest/types";
import { INLINE_EVIDENCE_MAX_BYTES, createTempUpload, keepUpload, removeStored, type TempUpload } from "../../storage/uploads";
import { authorizeSource, newSiteWarnings } from "../activity/import-rules";
import { recoverStaleImports } from "./commit/recover";
import type { ImportView } from "../../views/imports";
import { toImportView } from "./import-view";

export interface UploadImportInput {
  fileName: string;
  contentType?: string;
  /** The request body (or any byte stream): read once, never whole into memory. */
  body: AsyncIterable<Uint8Array>;
  maxBytes: number;
  /** Content-Length when known: refused before reading when over the limit. */
  declaredBytes?: number;
  /** The source the user says the file is (null or absent: detected from the file). Another source is refused. */
  sourceType?: string | null;
}

export interface UploadImportResult {
  importId: string;
  /** The same bytes were uploaded before: that import is returned and nothing changed. */
  duplicateFile: boolean;
  import: ImportView;
}

const FileName = z
  .string()
  .trim()
  .min(1, "a file name is required")
  .max(255, "at most 255 characters")
  .transform((n) => n.split(/[\\/]/).pop() ?? n);

const HTTP_CODE: Record<IngestFileError["code"], "VALIDATION" | "UNSUPPORTED_MEDIA_TYPE" | "PAYLOAD_TOO_LARGE"> = {
  empty: "VALIDATION",
  "header-only": "VALIDATION",
  "not-codecarbon": "VALIDATION",
  "wrong-delimiter": "VALIDATION",
  "line-too-long": "VALIDATION",
  "not-json": "VALIDATION",
  "too-large": "PAYLOAD_TOO_LARGE",
  binary: "UNSUPPORTED_MEDIA_TYPE",
  "not-utf8": "UNSUPPORTED_MEDIA_TYPE",
  "unsupported-type": "UNSUPPORTED_MEDIA_TYPE",
  "wrong-source": "VALIDATION",
  "missing-columns": "VALIDATION",
};

export function fileProblem(err: IngestFileError): AppError {
  return new AppError(HTTP_CODE[err.code], err.message, [{ field: "file", reason: err.message }]);
}

const tooLarge = (bytes: number, max: number) =>
  new AppError("PAYLOAD_TOO_LARGE", `The file is ${bytes.toLocaleString("en")} bytes or more; the limit is ${max.toLocaleString("en")} bytes.`);

interface Received {
  temp: TempUpload;
  sizeBytes: number;
  sha256: string;
  preview: ImportPreview;
  sourceType: SourceTypeName;
}

/** Streams the body to a temp file, hashing and previewing it. Any failure removes the temp file. */
async function receive(input: UploadImportInput, fileName: string, declared: SourceTypeName | null): Promise<Received> {
  if (input.declaredBytes !== undefined && input.declaredBytes > input.maxBytes) throw tooLarge(input.declaredBytes, input.maxBytes);
  const temp = await createTempUpload();
  try {
    const hash = createHash("sha256");
    const collector = new PreviewCollector();
    const guard = new ConflictGuard(collector);
    const feed = new ByteFeed(fileName, guard, declared);
    let size = 0;
    for await (const chunk of input.body) {
      size += chunk.length;
      if (size > input.maxBytes) throw tooLarge(size, input.maxBytes);
      hash.update(chunk);
      await temp.write(chunk);
      feed.push(chunk);
    }
    await temp.close();
    if (size === 0) throw new IngestFileError("empty", "The file is empty.");
    feed.end();
    const preview = collector.finish();
    preview.conflicts = guard.conflicts;
    if (preview.rowsTotal === 0) throw new IngestFileError("header-only", "The file has a header but no data rows: there is nothing to import.");
    return { temp, sizeBytes: size, sha256: hash.digest("hex"), preview, sourceType: feed.adapter!.sourceType };
  } catch (err) {
    await temp.discard();
    if (err instanceof IngestFileError) throw fileProblem(err);
    throw err;
  }
}

export async function uploadImport({ ctx, input }: { ctx: ServiceContext; input: UploadImportInput }): Promise<UploadImportResult> {
  authorize(ctx, "import:create");
  const parsedName = FileName.safeParse(input.fileName);
  if (!parsedName.success) throw invalid("The file needs a name.", [{ field: "fileName", reason: parsedName.error.issues[0].message }]);
  const fileName = parsedName.data;
  if (!acceptsFileName(fileName))
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `"${fileName}" is not a .csv file (nor .json/.jsonl/.ndjson): Scopebook reads CodeCarbon's emissions.csv and its JSON output, and cloud carbon exports.`,
    );

  const declared = input.sourceType || null;
  if (declared !== null && !isDeclarableSource(declared))
    throw invalid(`"${declared}" is not a source Scopebook reads.`, [
      { field: "source", reason: `one of ${Object.keys(SOURCE_LABELS).join(", ")}, or empty to detect it` },
    ]);
  const got = await receive(input, fileName, declared);
  try {
    authorizeSource(ctx, got.sourceType);
    got.preview.warnings.push(...(await newSiteWarnings(ctx, got.preview)));
  } catch (err) {
    await got.temp.discard();
    throw err;
  }
  // An import of the same bytes left PROCESSING by a stopped server is FAILED (nothing written), so it is taken up.
  await recoverStaleImports(ctx.organization.id);
  let stored: string | null = null;
  try {
    const content = got.sizeBytes <= INLINE_EVIDENCE_MAX_BYTES ? await readFile(got.temp.path) : null;
    const result = await prisma.$transaction(
      async (tx) => {
        // One upload at a time per organization: the same file sent twice at once is one import.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${ctx.organization.id}::text, 728))`;
        const existing = await tx.import.findFirst({ where: { ...inOrg(ctx), sha256: got.sha256 } });
        if (existing && existing.status !== "CANCELLED" && existing.status !== "FAILED") return { id: existing.id, duplicate: true };
        if (!content) stored = await keepUpload(got.temp.path, ctx.organization.id, got.sha256);
        const evidenceData = {
          fileName,
          contentType: input.contentType || (/\.(json|jsonl|ndjson)$/i.test(fileName) ? "application/json" : "text/csv"),
          sizeBytes: BigInt(got.sizeBytes),
          content: content ? new Uint8Array(content) : null,
          storagePath: stored,
          uploadedById: ctx.userId,
        };
        const evidence = await tx.evidenceFile.upsert({
          where: { organizationId_sha256: { ...inOrg(ctx), sha256: got.sha256 } },
          update: evidenceData,
          create: { ...inOrg(ctx), sha256: got.sha256, ...evidenceData },
        });
        const p = got.preview;
        const data = {
          sourceType: got.sourceType,
          detectedVersion: p.detectedVersion || null,
          fileName,
          sizeBytes: BigInt(got.sizeBytes),
          evidenceFileId: evidence.id,
          status: "PREVIEW" as const,
          rowsTotal: p.rowsTotal,
          rowsImported: 0,
          rowsDuplicate: 0,
          rowsFailed: p.rowsFailed,
          rowErrors: p.rowErrors as object[],
          rowErrorsTotal: p.rowErrorsTotal,
          warnings: p.warnings.map((message) => ({ code: "warning", message })),
          preview: { ...p, rowErrors: undefined } as object,
          phase: null,
          bytesProcessed: BigInt(0),
          rowsProcessed: 0,
          startedAt: null,
          finishedAt: null,
          failureReason: null,
          confirmedById: null,
          createdById: ctx.userId,
        };
        // A cancelled or failed import of the same bytes is taken up again (its sha256 is unique).
        const imp = existing
          ? await tx.import.update({ where: { id: existing.id }, data })
          : await tx.import.create({ data: { ...inOrg(ctx), sha256: got.sha256, ...data } });
        await recordAudit(tx, ctx, {
          action: "import.uploaded",
          entityType: "Import",
          entityId: imp.id,
          after: { fileName, sha256: got.sha256, sizeBytes: got.sizeBytes, sourceType: got.sourceType, rowsTotal: p.rowsTotal, rowsFailed: p.rowsFailed },
        });
        return { id: imp.id, duplicate: false };
      },
      { timeout: 60_000 },
    );
    if (result.duplicate) await got.temp.discard();
    const row = await prisma.import.findFirstOrThrow({ where: { id: result.id, ...inOrg(ctx) } });
    return { importId: result.id, duplicateFile: result.duplicate, import: toImportView(row) };
  } catch (err) {
    if (stored) await removeStored(stored).catch(() => {});
    throw err;
  } finally {
    await got.temp.discard();
  }
}
