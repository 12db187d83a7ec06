// Use case: an engineer uploads a CodeCarbon emissions.csv. All-or-nothing for the valid rows, idempotent by
// file sha256 (same file again changes nothing) and by row identity (a row seen in another file is a duplicate).
// Foundation slice: commits at once; the ingestion issue adds preview/confirm, streaming and progress.
import { createHash } from "node:crypto";
import { authorize, type ServiceContext } from "../auth/context";
import { recordAudit } from "../audit/record";
import { prisma, type Tx } from "../db/client";
import { byId, inOrg } from "../db/scope";
import { AppError, invalid } from "../errors";
import {
  CodecarbonHeaderError,
  lastRowPerRun,
  parseCodecarbonCsv,
  type CodecarbonMeasurement,
} from "../ingest/sources/codecarbon-csv/map";

export interface UploadInput {
  fileName: string;
  contentType: string;
  bytes: Buffer;
  maxBytes: number;
}

export interface UploadResult {
  importId: string;
  duplicateFile: boolean;
  rowsTotal: number;
  rowsImported: number;
  rowsDuplicate: number;
  rowsFailed: number;
}

function decodeText(bytes: Buffer, fileName: string): string {
  if (bytes.includes(0))
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `"${fileName}" is a binary file, not a CSV text file.`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `"${fileName}" is not UTF-8 text; CodeCarbon writes UTF-8 CSV.`);
  }
}

export async function uploadCodecarbonFile({ ctx, input }: { ctx: ServiceContext; input: UploadInput }): Promise<UploadResult> {
  authorize(ctx, "import:create");
  if (input.bytes.length === 0) throw invalid("The file is empty.", [{ field: "file", reason: "empty" }]);
  if (input.bytes.length > input.maxBytes)
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The file is ${input.bytes.length} bytes; the limit is ${input.maxBytes} bytes.`,
    );
  if (!/\.csv$/i.test(input.fileName))
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `"${input.fileName}" is not a .csv file.`);
  const text = decodeText(input.bytes, input.fileName);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");

  const duplicateOf = (existing: { id: string; rowsTotal: number }): UploadResult => ({
    importId: existing.id,
    duplicateFile: true,
    rowsTotal: existing.rowsTotal,
    rowsImported: 0,
    rowsDuplicate: existing.rowsTotal,
    rowsFailed: 0,
  });
  const existing = await prisma.import.findFirst({ where: { ...inOrg(ctx), sha256 } });
  if (existing) return duplicateOf(existing);

  let parsed;
  try {
    parsed = parseCodecarbonCsv(text);
  } catch (err) {
    if (err instanceof CodecarbonHeaderError) throw invalid(err.message, [{ field: "file", reason: err.message }]);
    throw err;
  }

  return prisma.$transaction(
    async (tx) => {
      // One upload at a time per organization: concurrent uploads of the same file (or of the same new run) would
      // otherwise all pass the check above and fail on a unique constraint instead of being duplicates.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${ctx.organization.id}::text, 728))`;
      const raced = await tx.import.findFirst({ where: { ...inOrg(ctx), sha256 } });
      if (raced) return duplicateOf(raced);
      const evidence = await tx.evidenceFile.create({
        data: {
          ...inOrg(ctx),
          fileName: input.fileName,
          contentType: input.contentType || "text/csv",
          sizeBytes: BigInt(input.bytes.length),
          sha256,
          content: new Uint8Array(input.bytes),
          uploadedById: ctx.userId,
        },
      });
      const imp = await tx.import.create({
        data: {
          ...inOrg(ctx),
          sourceType: "CODECARBON_CSV",
          detectedVersion: parsed.detectedVersion,
          fileName: input.fileName,
          sizeBytes: BigInt(input.bytes.length),
          sha256,
          evidenceFileId: evidence.id,
          status: "PROCESSING",
          rowsTotal: parsed.rowsTotal,
          rowsFailed: new Set(parsed.errors.map((e) => e.row)).size,
          rowErrors: parsed.errors as object[],
          warnings: parsed.warnings.map((message) => ({ code: "warning", message })),
          createdById: ctx.userId,
        },
      });
      const inserted = await writeMeasurements(tx, ctx, imp.id, parsed.measurements);
      const committed = await tx.import.update({
        where: byId(ctx, imp.id),
        data: {
          status: "COMMITTED",
          committedAt: new Date(),
          rowsImported: inserted,
          rowsDuplicate: parsed.measurements.length - inserted,
        },
      });
      await recordAudit(tx, ctx, {
        action: "import.committed",
        entityType: "Import",
        entityId: imp.id,
        after: {
          fileName: committed.fileName,
          sha256,
          sourceType: committed.sourceType,
          rowsTotal: committed.rowsTotal,
          rowsImported: committed.rowsImported,
          rowsDuplicate: committed.rowsDuplicate,
          rowsFailed: committed.rowsFailed,
        },
      });
      return {
        importId: imp.id,
        duplicateFile: false,
        rowsTotal: committed.rowsTotal,
        rowsImported: committed.rowsImported,
        rowsDuplicate: committed.rowsDuplicate,
        rowsFailed: committed.rowsFailed,
      };
    },
    { timeout: 120_000 },
  );
}

async function projectIdsByName(tx: Tx, ctx: ServiceContext, names: string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const name of names) {
    const project = await tx.project.upsert({
      where: { organizationId_name: { ...inOrg(ctx), name } },
      update: {},
      create: { ...inOrg(ctx), name, ownerId: ctx.userId },
    });
    ids.set(name, project.id);
  }
  return ids;
}

function runFields(m: CodecarbonMeasurement) {
  return {
    lastMeasuredAt: m.measuredAt,
    durationSeconds: m.durationSeconds,
    energyKwh: m.energyKwh,
    cpuEnergyKwh: m.cpuEnergyKwh,
    gpuEnergyKwh: m.gpuEnergyKwh,
    ramEnergyKwh: m.ramEnergyKwh,
    trackerEmissionsKgCo2e: m.trackerEmissionsKgCo2e,
    waterLitres: m.waterLitres,
    ...m.machine,
  };
}

/** Inserts the measurements not seen before and keeps each run's totals = its latest cumulative row. */
async function writeMeasurements(
  tx: Tx,
  ctx: ServiceContext,
  importId: string,
  measurements: CodecarbonMeasurement[],
): Promise<number> {
  const seen = await tx.measurement.findMany({
    where: { ...inOrg(ctx), rowHash: { in: measurements.map((m) => m.rowHash) } },
    select: { rowHash: true },
  });
  const already = new Set(seen.map((s) => s.rowHash));
  const fresh = measurements.filter((m, i, all) => !already.has(m.rowHash) && all.findIndex((x) => x.rowHash === m.rowHash) === i);
  if (!fresh.length) return 0;
  const projects = await projectIdsByName(tx, ctx, [...new Set(fresh.map((m) => m.projectName))]);

  const runIds = new Map<CodecarbonMeasurement, string>();
  for (const [externalRunId, last] of lastRowPerRun(fresh)) {
    const current = await tx.run.findFirst({ where: { ...inOrg(ctx), externalRunId } });
    const newer = !current?.lastMeasuredAt || last.measuredAt >= current.lastMeasuredAt;
    const run = current
      ? newer
        ? await tx.run.update({ where: byId(ctx, current.id), data: runFields(last) })
        : current
      : await tx.run.create({
          data: {
            ...inOrg(ctx),
            projectId: projects.get(last.projectName)!,
            externalRunId,
            identityKnown: true,
            firstImportId: importId,
            startedAt: last.measuredAt,
            ...runFields(last),
          },
        });
    for (const m of fresh) if (m.runId === externalRunId) runIds.set(m, run.id);
  }
  for (const m of fresh) {
    if (m.runId) {
      const start = fresh.filter((x) => x.runId === m.runId).reduce((a, b) => (a.measuredAt < b.measuredAt ? a : b));
      if (start === m) await tx.run.updateMany({ where: { ...inOrg(ctx), id: runIds.get(m)!, startedAt: { gt: m.measuredAt } }, data: { startedAt: m.measuredAt } });
      continue;
    }
    // Unknown run identity: the row is kept as a run of its own, flagged.
    const run = await tx.run.create({
      data: {
        ...inOrg(ctx),
        projectId: projects.get(m.projectName)!,
        externalRunId: null,
        identityKnown: false,
        firstImportId: importId,
        startedAt: m.measuredAt,
        ...runFields(m),
      },
    });
    runIds.set(m, run.id);
  }
  const result = await tx.measurement.createMany({
    data: fresh.map((m) => ({
      ...inOrg(ctx),
      runId: runIds.get(m)!,
      importId,
      rowNumber: m.rowNumber,
      rowHash: m.rowHash,
      kind: "CUMULATIVE" as const,
      measuredAt: m.measuredAt,
      durationSeconds: m.durationSeconds,
      trackerEmissionsKgCo2e: m.trackerEmissionsKgCo2e,
      emissionsRateKgPerS: m.emissionsRateKgPerS,
      cpuPowerW: m.cpuPowerW,
      gpuPowerW: m.gpuPowerW,
      ramPowerW: m.ramPowerW,
      cpuEnergyKwh: m.cpuEnergyKwh,
      gpuEnergyKwh: m.gpuEnergyKwh,
      ramEnergyKwh: m.ramEnergyKwh,
      energyKwh: m.energyKwh,
      waterLitres: m.waterLitres,
    })),
    skipDuplicates: true,
  });
  return result.count;
}
