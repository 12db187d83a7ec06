// Use case: the inquiries ("prepared by client" list) the caller may see, newest first, filtered by status, period
// and "awaiting me". Auditors see the periods of their engagements; members of the organization see all.
import { z } from "zod";
import type { ServiceContext } from "../../auth/context";
import { forbidden } from "../../errors";
import { prisma } from "../../db/client";
import { inOrg, isUuid } from "../../db/scope";
import { parseInput } from "../../parse-input";
import type { InquiryListItem } from "../../views/inquiries";
import { coveredPeriodIds } from "./engagement-scope";
import { INQUIRY_INCLUDE, listItems, membershipOf, sideOf } from "./inquiry-access";

export const ListInquiriesInput = z.object({
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["OPEN", "ANSWERED", "REOPENED", "CLOSED"]).optional()),
  periodId: z.preprocess((v) => (v === "" ? undefined : v), z.string().refine(isUuid, "Reporting period not found.").optional()),
  awaitingMe: z.preprocess((v) => v === true || v === "true" || v === "1", z.boolean()).default(false),
});

/** The where-fragment of inquiries waiting for the caller (see AwaitingCount). */
export async function awaitingWhere(ctx: ServiceContext): Promise<Record<string, unknown>> {
  const side = sideOf(ctx);
  if (side === "auditor") return { status: "ANSWERED", engagement: { auditors: { some: { membership: { userId: ctx.userId ?? undefined } } } } };
  const me = await membershipOf(prisma, ctx);
  return { status: { in: ["OPEN", "REOPENED"] }, OR: [{ assigneeMembershipId: me ?? undefined }, { assigneeMembershipId: null }] };
}

export async function inquiriesWhere(ctx: ServiceContext, periodId?: string) {
  const covered = await coveredPeriodIds(ctx);
  const periods = covered === "all" ? undefined : covered;
  const ids = periodId ? (periods && !periods.includes(periodId) ? [] : [periodId]) : periods;
  return { ...inOrg(ctx), ...(ids ? { periodId: { in: ids } } : {}) };
}

export async function listInquiries({ ctx, input = {} }: { ctx: ServiceContext; input?: unknown }): Promise<InquiryListItem[]> {
  if (!sideOf(ctx)) throw forbidden("inquiry:answer");
  const data = parseInput(ListInquiriesInput, input);
  const where = { ...(await inquiriesWhere(ctx, data.periodId)), ...(data.status ? { status: data.status } : {}) };
  const rows = await prisma.inquiry.findMany({
    where: data.awaitingMe ? { AND: [where, await awaitingWhere(ctx)] } : where,
    include: INQUIRY_INCLUDE,
    orderBy: { number: "desc" },
    take: 500,
  });
  return listItems(prisma, ctx, rows);
}
