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

/**
 * The date ranges of the covered periods ("all" for unscoped roles): records not bound to a period (runs, imports'
 * records, activity) are visible to a scoped member only when they fall in one of them (decision 0027, amendment).
 */
export async function coveredDateRanges(ctx: ServiceContext, db: Db = prisma): Promise<"all" | { startDate: Date; endDate: Date; periodId: string }[]> {
  const ids = await coveredPeriodIds(ctx, db);
  if (ids === "all") return "all";
  if (ids.length === 0) return [];
  const periods = await db.reportingPeriod.findMany({ where: { organizationId: ctx.organization.id, id: { in: ids } }, select: { id: true, startDate: true, endDate: true } });
  return periods.map((p) => ({ startDate: p.startDate, endDate: p.endDate, periodId: p.id }));
}

/**
 * Imports a scoped member may see: those feeding a ledger line of a calculation version of a covered period (the
 * files behind the covered figures). "all" for unscoped roles.
 */
export async function coveredImportIds(ctx: ServiceContext, db: Db = prisma): Promise<"all" | string[]> {
  const ids = await coveredPeriodIds(ctx, db);
  if (ids === "all") return "all";
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT l.import_id::text AS id FROM ledger_lines l
      JOIN calculation_versions v ON v.id = l.calculation_version_id AND v.organization_id = ${ctx.organization.id}::uuid
     WHERE l.organization_id = ${ctx.organization.id}::uuid AND v.period_id = ANY(${ids}::uuid[]) AND l.import_id IS NOT NULL`;
  return rows.map((r) => r.id);
}

/** Throws "Import not found" when a scoped member's engagements do not reach the import. */
export async function assertImportCovered(ctx: ServiceContext, importId: string, db: Db = prisma): Promise<void> {
  const ids = await coveredImportIds(ctx, db);
  if (ids !== "all" && !ids.includes(importId)) throw notFound("Import");
}
