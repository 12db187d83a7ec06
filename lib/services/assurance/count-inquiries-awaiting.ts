// Use case: how many inquiries wait for the caller (the badge in the Assurance area and on a period's inventory
// page): open or returned ones assigned to the member (or to nobody) for the organization, answered ones for the
// auditor. Members who neither answer nor audit get zero.
import type { ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import type { AwaitingCount } from "../../views/inquiries";
import { awaitingWhere, inquiriesWhere } from "./list-inquiries";
import { sideOf } from "./inquiry-access";

export async function countInquiriesAwaiting({ ctx, input = {} }: { ctx: ServiceContext; input?: { periodId?: string } }): Promise<AwaitingCount> {
  if (!sideOf(ctx)) return { total: 0, byPeriod: {} };
  const rows = await prisma.inquiry.groupBy({
    by: ["periodId"],
    where: { AND: [await inquiriesWhere(ctx, input.periodId), await awaitingWhere(ctx)] },
    _count: { _all: true },
  });
  const byPeriod = Object.fromEntries(rows.map((r) => [r.periodId, r._count._all]));
  return { total: rows.reduce((n, r) => n + r._count._all, 0), byPeriod };
}
