// Use case: an officer removes a factor from one of the organization's own datasets (e.g. a mistyped custom
// factor). Refused while the dataset is locked (used by the ledger): a correction is then a new version.
import { z } from "zod";
import { authorize, type ServiceContext } from "../../auth/context";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { inOrg, isUuid } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { thenRecalculate } from "../inventory/recalculate-after-change";

export const DeleteFactorInput = z.object({ factorId: z.string().refine(isUuid, "must be a factor id") });

export async function deleteFactor({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  authorize(ctx, "factor:manage");
  const { factorId } = parseInput(DeleteFactorInput, input);
  return prisma.$transaction(async (tx) => {
    const factor = await tx.emissionFactor.findFirst({
      where: { id: factorId, dataset: inOrg(ctx) },
      include: { dataset: { select: { id: true, title: true, version: true, lockedAt: true } } },
    });
    if (!factor) throw notFound("Factor");
    if (factor.dataset.lockedAt) throw lockedDataset(factor.dataset);
    await tx.emissionFactor.delete({ where: { id: factor.id } });
    await recordAudit(tx, ctx, {
      action: "factor.deleted",
      entityType: "EmissionFactor",
      entityId: factor.id,
      before: { datasetId: factor.datasetId, keyType: factor.keyType, key: factor.key, year: factor.year, method: factor.method, value: factor.value.toFixed(), unit: factor.unit },
    });
    return { deleted: factor.id };
  }).then(thenRecalculate(ctx, "all"));
}

function lockedDataset(d: { title: string; version: string; lockedAt: Date | null }) {
  return new AppError(
    "CONFLICT",
    `"${d.title}" version ${d.version} is locked: the ledger has used it since ${d.lockedAt?.toISOString().slice(0, 10)}. Create a new version to correct it.`,
    [{ field: "dataset", reason: "locked (used by the ledger)" }],
  );
}
