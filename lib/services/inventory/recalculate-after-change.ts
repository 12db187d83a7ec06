// Use case: after a committed change to an input (activity entry, instrument, import of any source, factor dataset
// or custom factor, cloud mapping, site), recalculate the organization's OPEN reporting periods that overlap the
// changed dates ("all": every OPEN period), one after the other. Closed and signed-off periods are never restated
// automatically (a restatement needs the officer's reason): they show the stale signal instead. Runs only when the
// acting member may recalculate (period:manage); otherwise nothing happens and the stale signal shows. Never throws:
// the change that triggered it is already committed, so a failure is logged and leaves the period stale.
import type { AuditActor } from "../../audit/record";
import { requireMembership, type ServiceContext } from "../../auth/context";
import { can } from "../../auth/permissions";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { recalculateAndCheck } from "./recalculate-and-check";
import type { RecalculationOutcome } from "./recalculate-period";

/** The changed dates (yyyy-mm-dd or Date, inclusive), "all" when the change may touch any period, null: nothing changed. */
export type ChangedRange = "all" | { from: string | Date; to: string | Date } | null;

export async function recalculateAfterChange({ ctx, input }: { ctx: ServiceContext; input: ChangedRange }): Promise<RecalculationOutcome[]> {
  if (input === null || !can(ctx.role, "period:manage")) return [];
  const outcomes: RecalculationOutcome[] = [];
  try {
    const overlap = input === "all" ? {} : { startDate: { lte: asDate(input.to) }, endDate: { gte: asDate(input.from) } };
    const periods = await prisma.reportingPeriod.findMany({ where: { ...inOrg(ctx), status: "OPEN", ...overlap }, select: { id: true }, orderBy: { startDate: "asc" } });
    for (const { id } of periods) {
      try {
        outcomes.push(await recalculateAndCheck({ ctx, input: { periodId: id } }));
      } catch (err) {
        console.error(`[scopebook] recalculation of period ${id} after a change failed; its figures are marked stale`, err);
      }
    }
  } catch (err) {
    console.error("[scopebook] recalculation after a change failed; the figures are marked stale", err);
  }
  return outcomes;
}

/**
 * For a service's committed result: `prisma.$transaction(…).then(thenRecalculate(ctx, range))` recalculates after the
 * commit and passes the result on (the range may be read from it).
 */
export function thenRecalculate<T>(ctx: ServiceContext, range: ChangedRange | ((result: T) => ChangedRange)) {
  return async (result: T): Promise<T> => {
    await recalculateAfterChange({ ctx, input: typeof range === "function" ? range(result) : range });
    return result;
  };
}

/**
 * After an import committed in the background: the confirming user's membership as it is now (read like every
 * request's), then recalculateAfterChange for every OPEN period. Nothing when the user is gone or may not recalculate.
 */
export async function recalculateAfterImport(actor: AuditActor): Promise<RecalculationOutcome[]> {
  try {
    const org = await prisma.organization.findUnique({ where: { id: actor.organization.id }, select: { slug: true } });
    if (!org || !actor.userId) return [];
    const ctx = await requireMembership({ userId: actor.userId, orgSlug: org.slug, requestId: actor.requestId });
    return await recalculateAfterChange({ ctx, input: "all" });
  } catch (err) {
    console.error("[scopebook] recalculation after an import failed; the figures are marked stale", err);
    return [];
  }
}

function asDate(d: string | Date): Date {
  return d instanceof Date ? d : new Date(`${d}T00:00:00Z`);
}
