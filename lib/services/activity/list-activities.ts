// Use case: the organization's activity records (deleted ones left out: decision 0021), filtered by period (records
// overlapping it), category and site, newest period first, with exact totals per category and normalized unit
// (summed in Postgres).
import { z } from "zod";
import { categoryByName, categoryDef, scopeLabel } from "../../activity/categories";
import { dateProblem, utcDate } from "../../activity/dates";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg, isUuid } from "../../db/scope";
import { parseInput } from "../../parse-input";
import { ACTIVITY_INCLUDE } from "./activity-columns";
import type { ActivityTotal, ActivityView } from "../../views/activity";
import { activityView } from "./activity-view";

export const LIST_LIMIT = 500;

const day = z
  .string()
  .trim()
  .nullish()
  .transform((v) => v || null)
  .refine((v) => v === null || dateProblem(v) === null, "not a date (YYYY-MM-DD)");

export const ListActivitiesInput = z.object({
  from: day,
  to: day,
  category: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v === null || categoryByName(v) !== null, "unknown category"),
  siteId: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v === null || isUuid(v), "not a site id"),
});

export async function listActivities({ ctx, input = {} }: { ctx: ServiceContext; input?: unknown }): Promise<{ records: ActivityView[]; totals: ActivityTotal[]; truncated: boolean }> {
  authorize(ctx, "org:read");
  const f = parseInput(ListActivitiesInput, input);
  const where = {
    ...inOrg(ctx),
    deletedAt: null,
    ...(f.category ? { category: categoryByName(f.category)!.category } : {}),
    ...(f.siteId ? { siteId: f.siteId } : {}),
    ...(f.from ? { periodEnd: { gte: utcDate(f.from) } } : {}),
    ...(f.to ? { periodStart: { lte: utcDate(f.to) } } : {}),
  };
  const [rows, groups] = await Promise.all([
    prisma.activityRecord.findMany({
      where,
      orderBy: [{ periodStart: "desc" }, { createdAt: "desc" }],
      take: LIST_LIMIT + 1,
      include: ACTIVITY_INCLUDE,
    }),
    prisma.activityRecord.groupBy({ by: ["category", "normalizedUnit"], where, _sum: { normalizedQuantity: true }, _count: { _all: true }, orderBy: [{ category: "asc" }, { normalizedUnit: "asc" }] }),
  ]);
  return {
    records: rows.slice(0, LIST_LIMIT).map(activityView),
    truncated: rows.length > LIST_LIMIT,
    totals: groups.map((g) => {
      const def = categoryDef(g.category);
      return {
        category: def.csvName,
        categoryLabel: def.label,
        scope: scopeLabel(def.scope, def.scope3Category),
        normalizedUnit: g.normalizedUnit,
        normalizedQuantity: g._sum.normalizedQuantity?.toFixed() ?? "0",
        records: g._count._all,
      };
    }),
  };
}
