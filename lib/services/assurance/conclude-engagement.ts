// Use case: the auditor records their conclusion on the engagement (OPEN → CONCLUDED). Every period it covers must
// be signed off and every inquiry closed. Audited.
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, inOrg, isUuid } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { parseInput } from "../../parse-input";

export const ConcludeEngagementInput = z.object({
  engagementId: z.string().refine(isUuid, "Engagement not found."),
  conclusion: z.string({ error: "must not be empty" }).trim().min(1, "must not be empty: state the conclusion").max(20000),
});

export async function concludeEngagement({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<{ id: string; status: "CONCLUDED"; concludedAt: string }> {
  authorize(ctx, "assurance:work");
  const data = parseInput(ConcludeEngagementInput, input);
  return prisma.$transaction(async (tx) => {
    const e = await tx.engagement.findFirst({
      where: { ...byId(ctx, data.engagementId), auditors: { some: { membership: { userId: ctx.userId ?? undefined, organizationId: ctx.organization.id } } } },
      include: { periods: { include: { period: { select: { name: true, status: true } } } } },
    });
    if (!e) throw notFound("Engagement");
    if (e.status === "CONCLUDED") throw new AppError("CONFLICT", `${e.name} is already concluded.`, [{ field: "status", reason: "CONCLUDED" }]);
    const unsigned = e.periods.filter((p) => p.period.status !== "SIGNED_OFF").map((p) => p.period.name);
    if (unsigned.length) throw new AppError("CONFLICT", `Not signed off yet: ${unsigned.join(", ")}. The conclusion is on a signed statement.`, [{ field: "engagementId", reason: "periods not signed off" }]);
    const open = await tx.inquiry.count({ where: { ...inOrg(ctx), engagementId: e.id, status: { not: "CLOSED" } } });
    if (open) throw new AppError("CONFLICT", `${open} inquiry(ies) of ${e.name} are not closed.`, [{ field: "engagementId", reason: "inquiries not closed" }]);
    const concludedAt = new Date();
    await tx.engagement.update({ where: { id: e.id }, data: { status: "CONCLUDED", conclusion: data.conclusion, concludedById: ctx.userId, concludedAt } });
    await recordAudit(tx, ctx, { action: "engagement.concluded", entityType: "Engagement", entityId: e.id, before: { status: "OPEN" }, after: { status: "CONCLUDED", conclusion: data.conclusion } });
    return { id: e.id, status: "CONCLUDED" as const, concludedAt: concludedAt.toISOString() };
  });
}
