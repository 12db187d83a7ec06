// Use case: remove a mapping. Its rows go to the next matching mapping, or back to "Unassigned" (never dropped),
// in the same transaction; audited with how many rows moved.
import { authorize, type ServiceContext } from "../../auth/context";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { byId, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { reattributeProviderRows } from "./reattribute";
import { thenRecalculate } from "../inventory/recalculate-after-change";

export async function deleteCloudMapping({ ctx, input }: { ctx: ServiceContext; input: { mappingId: string } }) {
  authorize(ctx, "cloudMapping:edit");
  if (!isUuid(input.mappingId)) throw notFound("Mapping");
  return prisma.$transaction(async (tx) => {
    const mapping = await tx.cloudProjectMapping.findFirst({ where: byId(ctx, input.mappingId) });
    if (!mapping) throw notFound("Mapping");
    await tx.cloudProjectMapping.delete({ where: { id: mapping.id } });
    const rowsMoved = await reattributeProviderRows(tx, ctx.organization.id, mapping.provider);
    await recordAudit(tx, ctx, {
      action: "cloudMapping.deleted",
      entityType: "CloudProjectMapping",
      entityId: mapping.id,
      before: { provider: mapping.provider, matchType: mapping.matchType, matchValue: mapping.matchValue, projectId: mapping.projectId },
      after: { rowsMoved },
    });
    return { id: mapping.id, rowsMoved };
  }).then(thenRecalculate(ctx, "all"));
}
