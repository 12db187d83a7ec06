// Use case: an engineer or officer maps a cloud billing account / project / account / tag to a Scopebook project.
// The provider rows already imported move to it in the same transaction (audited with how many moved); later
// imports apply it when they are written.
import { authorize, type ServiceContext } from "../../auth/context";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { byId, inOrg } from "../../db/scope";
import { AppError, invalid } from "../../errors";
import { parseInput } from "../../parse-input";
import { reattributeProviderRows } from "./reattribute";
import { CreateMappingInput } from "./schemas";
import { thenRecalculate } from "../inventory/recalculate-after-change";

export async function createCloudMapping({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  authorize(ctx, "cloudMapping:edit");
  const data = parseInput(CreateMappingInput, input);
  const project = await prisma.project.findFirst({ where: byId(ctx, data.projectId), select: { id: true, name: true } });
  if (!project) throw invalid("No such project in this organization.", [{ field: "projectId", reason: "unknown project" }]);
  const taken = () =>
    new AppError("CONFLICT", `${data.provider} ${data.matchType.toLowerCase().replace("_", " ")} "${data.matchValue}" is already mapped.`, [
      { field: "matchValue", reason: "already mapped" },
    ]);
  try {
    return await prisma.$transaction(async (tx) => {
      const mapping = await tx.cloudProjectMapping.create({ data: { ...inOrg(ctx), ...data } });
      const rowsMoved = await reattributeProviderRows(tx, ctx.organization.id, data.provider);
      await recordAudit(tx, ctx, {
        action: "cloudMapping.created",
        entityType: "CloudProjectMapping",
        entityId: mapping.id,
        after: { ...data, projectName: project.name, rowsMoved },
      });
      return { id: mapping.id, rowsMoved };
    }).then(thenRecalculate(ctx, "all"));
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw taken();
    throw err;
  }
}
