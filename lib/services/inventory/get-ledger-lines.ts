// Use case: the ledger lines behind one inventory or dashboard figure — by scope, method view, Scope 3 category,
// status, and (the dashboard's bars) month, project, site, source and location — each with its source record and
// factor, and "deleted on … by …" when its activity record or instrument was deleted since. The filters on a line's
// project, site and month are exact on the lines and on the rollups that count them; source and location are the
// dashboard's own rules (dashboard/dimensions.ts), so a bar and its lines are the same set.
import { assertPeriodCovered } from "../assurance/engagement-scope";
import { z } from "zod";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import { parseInput } from "../../parse-input";
import { SOURCE_LABELS, type DashboardSource } from "../../views/dashboard";
import { assertPeriodId } from "./ledger/period-id";
import { lineViews, type LineWhere } from "./ledger/line-views";
import { withDeletedNotes } from "../activity/deleted-notes";
import { SOURCE_KINDS, locationPairs } from "./dashboard/dimensions";
import { locationLabel } from "./dashboard/inventory-figures";

const idOrNone = z.string().refine((v) => v === "none" || isUuid(v), "must be an id or none");

export const GetLedgerLinesInput = z.object({
  periodId: z.string().refine(isUuid, "Reporting period not found."),
  scope: z.enum(["SCOPE_1", "SCOPE_2", "SCOPE_3"]).optional(),
  /** lb: lines counted in the location-based figure (LB and not-applicable); mb: in the market-based figure. */
  view: z.enum(["lb", "mb"]).optional(),
  category: z.coerce.number().int().min(1).max(15).optional(),
  status: z.enum(["RESOLVED", "UNRESOLVED"]).optional(),
  /** YYYY-MM: lines of that month. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month, YYYY-MM").optional(),
  /** A project id, or none: lines of no project. */
  project: idOrNone.optional(),
  /** A site id, or none: lines of no site. */
  site: idOrNone.optional(),
  source: z.enum(Object.keys(SOURCE_KINDS) as [DashboardSource, ...DashboardSource[]]).optional(),
  /** country:DEU, cloud-region:gcp:europe-west4, grid-region:DE-LU or none (dashboard/dimensions.ts LOCATION_KEY). */
  location: z.string().regex(/^(none|(country|cloud-region|grid-region):[^\s]{1,100})$/, "must be a location key (country:XXX, cloud-region:…, grid-region:…, none)").optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export async function getLedgerLines({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  authorize(ctx, "org:read");
  assertPeriodId(input);
  const q = parseInput(GetLedgerLinesInput, input);
  await assertPeriodCovered(ctx, q.periodId);
  const version = await prisma.calculationVersion.findFirst({ where: { ...inOrg(ctx), periodId: q.periodId, isCurrent: true }, select: { id: true, number: true } });
  if (!version) throw notFound("Calculation of this period");
  const where: Prisma.LedgerResolutionWhereInput = {
    ...(q.scope ? { scope: q.scope } : {}),
    ...(q.view === "lb" ? { method: { not: "MARKET_BASED" } } : q.view === "mb" ? { method: { not: "LOCATION_BASED" } } : {}),
    ...(q.category ? { scope3Category: q.category } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.source ? { sourceKind: { in: SOURCE_KINDS[q.source] } } : {}),
  };
  const lineWhere: LineWhere = {
    ...(q.month ? { month: new Date(`${q.month}-01T00:00:00Z`) } : {}),
    ...(q.project ? { projectId: q.project === "none" ? null : q.project } : {}),
    ...(q.site ? { siteId: q.site === "none" ? null : q.site } : {}),
  };
  const filters = await describe(ctx, q);
  if (q.location) {
    lineWhere.OR = await locationPairs(prisma, ctx.organization.id, version.id, q.location);
    if (lineWhere.OR.length === 0) return { version: version.number, filters, lines: [], total: 0 };
  }
  const { lines, total } = await lineViews(ctx.organization.id, version.id, where, q.limit, lineWhere);
  return { version: version.number, filters, lines: await withDeletedNotes(ctx.organization.id, lines), total };
}

/** The filters in words, for the page's title: "Scope 2, market-based, 2025-03, project ml-training". */
async function describe(ctx: ServiceContext, q: z.infer<typeof GetLedgerLinesInput>): Promise<string[]> {
  const [project, site] = await Promise.all([
    q.project && q.project !== "none" ? prisma.project.findFirst({ where: { ...inOrg(ctx), id: q.project }, select: { name: true } }) : null,
    q.site && q.site !== "none" ? prisma.site.findFirst({ where: { ...inOrg(ctx), id: q.site }, select: { name: true } }) : null,
  ]);
  return [
    q.scope?.replace("SCOPE_", "Scope "),
    q.category ? `category ${q.category}` : null,
    q.view === "lb" ? "location-based" : q.view === "mb" ? "market-based" : null,
    q.status === "UNRESOLVED" ? "unresolved" : q.status === "RESOLVED" ? "resolved" : null,
    q.month ?? null,
    q.project ? (q.project === "none" ? "no project" : `project ${project?.name ?? "unknown"}`) : null,
    q.site ? (q.site === "none" ? "no site" : `site ${site?.name ?? "unknown"}`) : null,
    q.source ? SOURCE_LABELS[q.source].toLowerCase() : null,
    q.location ? locationLabel(q.location) : null,
  ].filter((x): x is string => x !== null && x !== undefined);
}
