// Use case: the officer gives the reason for a restated datapoint of a version (previously vs currently stated).
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, isUuid } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { parseInput } from "../../parse-input";

export const SetRestatementReasonInput = z.object({
  versionId: z.string().refine(isUuid, "must be a calculation version id"),
  datapoint: z.string().trim().regex(/^E1-\d\.[a-z0-9.-]+$/, "must be a datapoint like E1-6.scope2.market-based"),
  reason: z.enum(["FACTOR_UPDATE", "DATA_CORRECTION", "BOUNDARY_CHANGE", "LATE_DATA"]),
  note: z.string().trim().max(2000).optional().transform((v) => v || null),
});

export async function setRestatementReason({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  authorize(ctx, "period:manage");
  const data = parseInput(SetRestatementReasonInput, input);
  return prisma.$transaction(async (tx) => {
    const version = await tx.calculationVersion.findFirst({ where: byId(ctx, data.versionId), select: { id: true, number: true } });
    if (!version) throw notFound("Calculation version");
    if (version.number === 1) throw new AppError("VALIDATION", "The first version of a period restates nothing.", [{ field: "versionId", reason: "not a restatement" }]);
    const before = await tx.restatementNote.findUnique({ where: { calculationVersionId_datapoint: { calculationVersionId: version.id, datapoint: data.datapoint } } });
    const note = await tx.restatementNote.upsert({
      where: { calculationVersionId_datapoint: { calculationVersionId: version.id, datapoint: data.datapoint } },
      create: { organizationId: ctx.organization.id, calculationVersionId: version.id, datapoint: data.datapoint, reason: data.reason, note: data.note, createdById: ctx.userId },
      update: { reason: data.reason, note: data.note, createdById: ctx.userId },
    });
    await recordAudit(tx, ctx, {
      action: "restatement.reason-set",
      entityType: "CalculationVersion",
      entityId: version.id,
      before: before ? { datapoint: before.datapoint, reason: before.reason, note: before.note } : null,
      after: { datapoint: note.datapoint, reason: note.reason, note: note.note },
    });
    return { id: note.id };
  });
}
