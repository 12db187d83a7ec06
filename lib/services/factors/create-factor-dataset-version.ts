// Use case: "new version of this dataset": an officer copies a dataset (shipped or the organization's own, locked
// or not) into an unlocked new version of the organization, to correct it. The old version stays as it was.
import { z } from "zod";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg, isUuid, shippedOrInOrg } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { DATASET_SELECT, datasetView } from "./dataset-view";
import { copyAsNewVersion } from "./new-version";
import { thenRecalculate } from "../inventory/recalculate-after-change";

export const CreateDatasetVersionInput = z.object({
  datasetId: z.string().refine(isUuid, "must be a dataset id"),
  version: z.string().trim().min(1, "must not be empty").max(100),
});

export async function createFactorDatasetVersion({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  authorize(ctx, "factor:manage");
  const data = parseInput(CreateDatasetVersionInput, input);
  const taken = () => new AppError("CONFLICT", `Version "${data.version}" of this dataset already exists.`, [{ field: "version", reason: "already used" }]);
  try {
    return await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${ctx.organization.id}::text, 712))`;
      const source = await tx.emissionFactorDataset.findFirst({ where: { id: data.datasetId, ...shippedOrInOrg(ctx) }, select: DATASET_SELECT });
      if (!source) throw notFound("Dataset");
      if (source.version === data.version) throw taken();
      if (await tx.emissionFactorDataset.findFirst({ where: { ...inOrg(ctx), publisher: source.publisher, title: source.title, version: data.version }, select: { id: true } }))
        throw taken();
      const copy = await copyAsNewVersion(tx, ctx, source, data.version);
      return { dataset: datasetView(copy) };
    }).then(thenRecalculate(ctx, "all"));
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw taken();
    throw err;
  }
}
