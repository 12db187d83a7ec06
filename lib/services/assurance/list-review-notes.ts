// Use case: the auditor's own review notes on the engagements they are assigned to (assurance:private: no member
// of the organization, not even ADMIN, may call it). No other service returns review notes.
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg, isUuid } from "../../db/scope";
import type { ReviewNoteView } from "../../views/inquiries";
import { peopleByIds } from "../periods/period-views";

export async function reviewNoteViews(ctx: ServiceContext, filter: { id?: string; periodId?: string }): Promise<ReviewNoteView[]> {
  authorize(ctx, "assurance:private");
  const rows = await prisma.reviewNote.findMany({
    where: { ...inOrg(ctx), ...(filter.id ? { id: filter.id } : {}), ...(filter.periodId ? { periodId: filter.periodId } : {}), engagement: { auditors: { some: { membership: { userId: ctx.userId ?? undefined, organizationId: ctx.organization.id } } } } },
    include: { period: { select: { id: true, name: true } }, engagement: { select: { id: true, name: true } } },
    orderBy: { createdAt: "desc" },
  });
  const people = await peopleByIds(rows.map((r) => r.authorId));
  return rows.map((r) => ({
    id: r.id,
    period: r.period,
    engagement: r.engagement,
    anchor: { type: r.anchorType, ref: r.anchorRef, label: r.anchorLabel },
    body: r.body,
    author: people.get(r.authorId) ?? { name: r.authorId.slice(0, 8), email: "" },
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listReviewNotes({ ctx, input = {} }: { ctx: ServiceContext; input?: { periodId?: string } }): Promise<ReviewNoteView[]> {
  authorize(ctx, "assurance:private");
  return reviewNoteViews(ctx, { periodId: input.periodId && isUuid(input.periodId) ? input.periodId : undefined });
}
