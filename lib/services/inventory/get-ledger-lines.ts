// Use case: the ledger lines behind one inventory figure (scope, method view, Scope 3 category), each with its
// source record and factor, and "deleted on … by …" when its activity record or instrument was deleted since.
import { z } from "zod";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import { parseInput } from "../../parse-input";
import { assertPeriodId } from "./ledger/period-id";
import { lineViews } from "./ledger/line-views";
import { withDeletedNotes } from "../activity/deleted-notes";

export const GetLedgerLinesInput = z.object({
  periodId: z.string().refine(isUuid, "Reporting period not found."),
  scope: z.enum(["SCOPE_1", "SCOPE_2", "SCOPE_3"]).optional(),
  /** lb: lines counted in the location-based figure (LB and not-applicable); mb: in the market-based figure. */
  view: z.enum(["lb", "mb"]).optional(),
  category: z.coerce.number().int().min(1).max(15).optional(),
  status: z.enum(["RESOLVED", "UNRESOLVED"]).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export async function getLedgerLines({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  authorize(ctx, "org:read");
  assertPeriodId(input);
  const q = parseInput(GetLedgerLinesInput, input);
  const version = await prisma.calculationVersion.findFirst({ where: { ...inOrg(ctx), periodId: q.periodId, isCurrent: true }, select: { id: true, number: true } });
  if (!version) throw notFound("Calculation of this period");
  const where: Prisma.LedgerResolutionWhereInput = {
    ...(q.scope ? { scope: q.scope } : {}),
    ...(q.view === "lb" ? { method: { not: "MARKET_BASED" } } : q.view === "mb" ? { method: { not: "LOCATION_BASED" } } : {}),
    ...(q.category ? { scope3Category: q.category } : {}),
    ...(q.status ? { status: q.status } : {}),
  };
  const { lines, total } = await lineViews(ctx.organization.id, version.id, where, q.limit);
  return { version: version.number, lines: await withDeletedNotes(ctx.organization.id, lines), total };
}
