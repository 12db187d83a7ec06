// Use case: an officer opens an assurance engagement — firm, fieldwork dates, materiality entered in tCO2e (stored in
// kg CO2e), the periods it covers and the auditor members assigned. Nothing is saved unless every field holds. Audited.
import { recordAudit } from "../../audit/record";
import { materialityKg } from "../../assurance/materiality";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { AppError } from "../../errors";
import { parseInput } from "../../parse-input";
import type { EngagementView } from "../../views/assurance";
import { auditShape, checkEngagementFields, checkReferences, ENGAGEMENT_INCLUDE, EngagementFields, engagementView } from "./engagement-input";

export async function createEngagement({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<EngagementView> {
  authorize(ctx, "engagement:manage");
  const f = parseInput(EngagementFields, input);
  checkEngagementFields(f);
  const kg = materialityKg(f);
  return prisma.$transaction(async (tx) => {
    await checkReferences(tx, ctx.organization.id, f.periodIds, f.auditorMembershipIds);
    if (await tx.engagement.findFirst({ where: { ...inOrg(ctx), name: f.name }, select: { id: true } }))
      throw new AppError("CONFLICT", `An engagement named "${f.name}" already exists.`, [{ field: "name", reason: "already used" }]);
    const created = await tx.engagement.create({
      data: {
        ...inOrg(ctx),
        name: f.name,
        firm: f.firm,
        startDate: new Date(`${f.startDate}T00:00:00Z`),
        endDate: new Date(`${f.endDate}T00:00:00Z`),
        overallMaterialityKgCo2e: kg.overallKgCo2e,
        performanceMaterialityKgCo2e: kg.performanceKgCo2e,
        clearlyTrivialKgCo2e: kg.clearlyTrivialKgCo2e,
        createdById: ctx.userId,
        periods: { create: [...new Set(f.periodIds)].map((periodId) => ({ periodId, organizationId: ctx.organization.id })) },
        auditors: { create: [...new Set(f.auditorMembershipIds)].map((membershipId) => ({ membershipId, organizationId: ctx.organization.id })) },
      },
      include: ENGAGEMENT_INCLUDE,
    });
    const view = engagementView(created);
    await recordAudit(tx, ctx, { action: "engagement.created", entityType: "Engagement", entityId: created.id, after: auditShape(view) });
    return view;
  });
}
