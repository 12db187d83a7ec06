// Use case: an engineer defines the project's SCI functional unit (R): its name, how many units one run delivers,
// and the embodied emissions reserved per run (M). SCI stays apart from the inventory. Audited.
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { parseInput } from "../../parse-input";

const positive = z.string().trim().regex(/^\d{1,20}(\.\d{1,20})?$/, "must be a non-negative number like 1000 or 0.5");

export const SetProjectSciInput = z.object({
  projectId: z.string(),
  functionalUnit: z.string().trim().min(1, "must not be empty").max(100),
  unitsPerRun: positive.refine((v) => !/^0+(\.0+)?$/.test(v), "must be more than 0"),
  embodiedKgCo2ePerRun: z.union([positive, z.literal("").transform(() => "0")]).default("0"),
});

export async function setProjectSci({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  authorize(ctx, "project:write");
  const data = parseInput(SetProjectSciInput, input);
  if (!isUuid(data.projectId)) throw notFound("Project");
  return prisma.$transaction(async (tx) => {
    const before = await tx.project.findFirst({ where: byId(ctx, data.projectId), select: { id: true, sciFunctionalUnit: true, sciUnitsPerRun: true, sciEmbodiedKgCo2ePerRun: true } });
    if (!before) throw notFound("Project");
    await tx.project.update({ where: { id: before.id }, data: { sciFunctionalUnit: data.functionalUnit, sciUnitsPerRun: data.unitsPerRun, sciEmbodiedKgCo2ePerRun: data.embodiedKgCo2ePerRun } });
    await recordAudit(tx, ctx, {
      action: "project.sci-set",
      entityType: "Project",
      entityId: before.id,
      before: { functionalUnit: before.sciFunctionalUnit, unitsPerRun: before.sciUnitsPerRun?.toFixed() ?? null, embodiedKgCo2ePerRun: before.sciEmbodiedKgCo2ePerRun?.toFixed() ?? null },
      after: { functionalUnit: data.functionalUnit, unitsPerRun: data.unitsPerRun, embodiedKgCo2ePerRun: data.embodiedKgCo2ePerRun },
    });
    return { id: before.id };
  });
}
