// Use case: an officer imports a factor CSV as a dataset of the organization, with the provenance entered in the
// form. All or nothing: any row error refuses the file (422 listing them); the same file again changes nothing; the
// file is kept as evidence. Audited in the same transaction.
import { authorize, type ServiceContext } from "../../auth/context";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { insertFactorsStatement } from "../../db/factor-rows";
import { inOrg } from "../../db/scope";
import { AppError } from "../../errors";
import { parseInput } from "../../parse-input";
import { DATASET_SELECT, datasetView } from "./dataset-view";
import { ProvenanceInput, provenanceData } from "./provenance-input";
import { readFactorFile, type UploadedFile } from "./read-factor-file";
import { thenRecalculate } from "../inventory/recalculate-after-change";

const ROW_ERRORS_IN_MESSAGE = 50;

export async function importFactorDataset({ ctx, input }: { ctx: ServiceContext; input: { provenance: unknown; file: UploadedFile } }) {
  authorize(ctx, "factor:manage");
  const provenance = parseInput(ProvenanceInput, input.provenance);
  const { sha256, parsed } = readFactorFile(input.file);
  if (parsed.errors.length)
    throw new AppError(
      "VALIDATION",
      `${parsed.errors.length} row error(s): nothing was imported. Fix the file and import it again.`,
      parsed.errors.slice(0, ROW_ERRORS_IN_MESSAGE).map((e) => ({ field: `row ${e.row}${e.column ? `, ${e.column}` : ""}`, reason: `${e.reason}${e.value ? ` (value "${e.value}")` : ""}` })),
    );
  const taken = () =>
    new AppError("CONFLICT", `The organization already has "${provenance.title}" version "${provenance.version}" from ${provenance.publisher}.`, [
      { field: "version", reason: "already used for this publisher and title" },
    ]);
  try {
    return await prisma.$transaction(async (tx) => {
      // One factor import at a time per organization: the same file sent twice at once is one dataset.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${ctx.organization.id}::text, 712))`;
      const existing = await tx.emissionFactorDataset.findFirst({ where: { ...inOrg(ctx), sha256 }, select: DATASET_SELECT });
      if (existing) return { duplicateFile: true, dataset: datasetView(existing), factorsImported: 0 };
      if (await tx.emissionFactorDataset.findFirst({ where: { ...inOrg(ctx), publisher: provenance.publisher, title: provenance.title, version: provenance.version }, select: { id: true } }))
        throw taken();
      const evidenceData = {
        fileName: input.file.fileName,
        contentType: input.file.contentType || "text/csv",
        sizeBytes: BigInt(input.file.bytes.byteLength),
        content: new Uint8Array(input.file.bytes),
        storagePath: null,
        uploadedById: ctx.userId,
      };
      const evidence = await tx.evidenceFile.upsert({
        where: { organizationId_sha256: { ...inOrg(ctx), sha256 } },
        update: {},
        create: { ...inOrg(ctx), sha256, ...evidenceData },
        select: { id: true },
      });
      const dataset = await tx.emissionFactorDataset.create({
        data: { ...inOrg(ctx), kind: "IMPORTED", ...provenanceData(provenance), sha256, evidenceFileId: evidence.id, createdById: ctx.userId },
        select: DATASET_SELECT,
      });
      const statement = insertFactorsStatement(dataset.id, ctx.organization.id, parsed.rows);
      await tx.$executeRawUnsafe(statement.text, ...statement.values);
      await recordAudit(tx, ctx, {
        action: "factor-dataset.imported",
        entityType: "EmissionFactorDataset",
        entityId: dataset.id,
        after: { ...provenance, fileName: input.file.fileName, sha256, factors: parsed.rows.length },
      });
      return { duplicateFile: false, dataset: datasetView(dataset), factorsImported: parsed.rows.length };
    }).then(thenRecalculate(ctx, (r) => (r.duplicateFile ? null : "all")));
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw taken();
    throw err;
  }
}
