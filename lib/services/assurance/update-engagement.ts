// Use case: an officer changes an engagement — materiality, dates, the periods it covers, the auditors assigned. The
// fields not given keep their value; the result is checked whole (materiality in order, periods and auditors of the
// organization). Audited with before and after.
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { materialityKg } from "../../assurance/materiality";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, inOrg, isUuid } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import type { EngagementView } from "../../views/assurance";
import { auditShape, checkEngagementFields, checkReferences, ENGAGEMENT_INCLUDE, EngagementFields, engagementView } from "./engagement-input";

export const UpdateEngagementInput = EngagementFields.partial().extend({ engagementId: z.string() });

export async function updateEngagement({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<EngagementView> {
  authorize(ctx, "engagement:manage");
  const id = typeof input === "object" && input !== null ? (input as { engagementId?: unknown }).engagementId : undefined;
  if (typeof id !== "string" || !isUuid(id)) throw notFound("Engagement");
  const patch = parseInput(UpdateEngagementInput, input);
  return prisma.$transaction(async (tx) => {
    const row = await tx.engagement.findFirst({ where: byId(ctx, id), include: ENGAGEMENT_INCLUDE });
    if (!row) throw notFound("Engagement");
    const before = engagementView(row);
    if (before.status === "CONCLUDED") throw new AppError("CONFLICT", `${before.name} is concluded: it can no longer change.`);
    const next = {
      name: patch.name ?? before.name,
      firm: patch.firm ?? before.firm,
      startDate: patch.startDate ?? before.startDate,
      endDate: patch.endDate ?? before.endDate,
      overallTCo2e: patch.overallTCo2e ?? before.overallTCo2e,
      performanceTCo2e: patch.performanceTCo2e ?? before.performanceTCo2e,
      clearlyTrivialTCo2e: patch.clearlyTrivialTCo2e ?? before.clearlyTrivialTCo2e,
      periodIds: patch.periodIds ?? before.periods.map((p) => p.id),
      auditorMembershipIds: patch.auditorMembershipIds ?? before.auditors.map((a) => a.membershipId),
    };
    checkEngagementFields(next);
    await checkReferences(tx, ctx.organization.id, next.periodIds, next.auditorMembershipIds);
    if (next.name !== before.name && (await tx.engagement.findFirst({ where: { ...inOrg(ctx), name: next.name }, select: { id: true } })))
      throw new AppError("CONFLICT", `An engagement named "${next.name}" already exists.`, [{ field: "name", reason: "already used" }]);
    const kg = materialityKg(next);
    await tx.engagementPeriod.deleteMany({ where: { ...inOrg(ctx), engagementId: id } });
    await tx.engagementAuditor.deleteMany({ where: { ...inOrg(ctx), engagementId: id } });
    const updated = await tx.engagement.update({
      where: { id },
      data: {
        name: next.name,
        firm: next.firm,
        startDate: new Date(`${next.startDate}T00:00:00Z`),
        endDate: new Date(`${next.endDate}T00:00:00Z`),
        overallMaterialityKgCo2e: kg.overallKgCo2e,
        performanceMaterialityKgCo2e: kg.performanceKgCo2e,
        clearlyTrivialKgCo2e: kg.clearlyTrivialKgCo2e,
        periods: { create: [...new Set(next.periodIds)].map((periodId) => ({ periodId, organizationId: ctx.organization.id })) },
        auditors: { create: [...new Set(next.auditorMembershipIds)].map((membershipId) => ({ membershipId, organizationId: ctx.organization.id })) },
      },
      include: ENGAGEMENT_INCLUDE,
    });
    const after = engagementView(updated);
    await recordAudit(tx, ctx, { action: "engagement.updated", entityType: "Engagement", entityId: id, before: auditShape(before), after: auditShape(after) });
    return after;
  });
}
