// Which periods a member may see (decision 0027). Members of an engagement-scoped role (AUDITOR, see
// ENGAGEMENT_SCOPED in lib/auth/permissions.ts) see only the periods of the engagements they are assigned to;
// everyone else sees every period of the organization. Period-bound reads (inventory, lines, reports, exports, the
// assurance area) call assertPeriodCovered, or filter lists with coveredPeriodIds. Outside it, the period is
// "not found" — the same answer as a period of another organization, so nothing leaks.
import type { ServiceContext } from "../../auth/context";
import { ENGAGEMENT_SCOPED } from "../../auth/permissions";
import { prisma, type Tx } from "../../db/client";
import { notFound } from "../../errors";

type Db = typeof prisma | Tx;

/** "all" for unscoped roles; otherwise the ids of the periods the member's engagements cover (maybe none). */
export async function coveredPeriodIds(ctx: ServiceContext, db: Db = prisma): Promise<"all" | string[]> {
  if (!ENGAGEMENT_SCOPED[ctx.role]) return "all";
  if (!ctx.userId) return [];
  const rows = await db.engagementPeriod.findMany({
    where: { organizationId: ctx.organization.id, engagement: { organizationId: ctx.organization.id, auditors: { some: { membership: { userId: ctx.userId, organizationId: ctx.organization.id } } } } },
    select: { periodId: true },
    distinct: ["periodId"],
  });
  return rows.map((r) => r.periodId);
}

/** A where-fragment for reporting periods the member may see. */
export async function coveredPeriodsWhere(ctx: ServiceContext, db: Db = prisma): Promise<{ id?: { in: string[] } }> {
  const ids = await coveredPeriodIds(ctx, db);
  return ids === "all" ? {} : { id: { in: ids } };
}

/** Throws "Reporting period not found" when the member's engagements do not cover the period. */
export async function assertPeriodCovered(ctx: ServiceContext, periodId: string, db: Db = prisma): Promise<void> {
  const ids = await coveredPeriodIds(ctx, db);
  if (ids !== "all" && !ids.includes(periodId)) throw notFound("Reporting period");
}
