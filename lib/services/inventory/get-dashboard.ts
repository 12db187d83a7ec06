// Use case: the organization dashboard. The inventory of one reporting period (`period`, else the latest calculated
// one by start date) in one method (`method`: market-based by default, or location-based) — cards with N-1 (the
// previous period by start date, when calculated) and % change, % primary Scope 3 data, unresolved lines, staleness,
// the scope split per month, Scope 3 by category, breakdowns by project, site, source and location, biggest movers
// against N-1 — all summed in SQL from the rollups of the period's current version (never from ledger lines). And,
// as before, the tracker energy panel (runs' energy and tracker-reported emissions) at the top level.
import { coveredDateRanges, coveredPeriodsWhere } from "../assurance/engagement-scope";
import { z } from "zod";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { listTargets } from "../targets/list-targets";
import { DASHBOARD_METHODS, DEFAULT_DASHBOARD_METHOD, type DashboardData, type DashboardTargetProgress, type DashboardInventoryData, type DashboardMethod, type DashboardPeriodOption, type InventoryDashboard } from "../../views/dashboard";
import { breakdowns, cardsOf, cardsQuery, monthlySplit, movers } from "./dashboard/inventory-figures";
import { trackerEnergy } from "./dashboard/tracker-energy";
import { latestInputChange } from "./staleness/input-changes";

export const GetDashboardInput = z.object({
  period: z.string().refine(isUuid, "must be a reporting period id").optional(),
  method: z.enum(DASHBOARD_METHODS as [DashboardMethod, ...DashboardMethod[]]).default(DEFAULT_DASHBOARD_METHOD),
});

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The dashboard as the API returns it: the inventory figures and the tracker panel (top level, as before). */
export async function getDashboard({ ctx, input = {} }: { ctx: ServiceContext; input?: unknown }): Promise<DashboardData> {
  authorize(ctx, "org:read");
  const within = await coveredDateRanges(ctx);
  const [inventory, tracker] = await Promise.all([getDashboardInventory({ ctx, input }), trackerEnergy(prisma, ctx.organization.id, within)]);
  return { ...tracker, ...inventory };
}

/**
 * The inventory part alone: what the page waits for (it streams the tracker panel apart, getTrackerEnergy, which
 * reads the runs' sums per day).
 */
export async function getDashboardInventory({ ctx, input = {} }: { ctx: ServiceContext; input?: unknown }): Promise<DashboardInventoryData> {
  authorize(ctx, "org:read");
  const q = parseInput(GetDashboardInput, input);
  const org = ctx.organization.id;
  const rows = await prisma.reportingPeriod.findMany({
    where: { ...inOrg(ctx), ...(await coveredPeriodsWhere(ctx)) },
    orderBy: [{ startDate: "desc" }, { name: "asc" }],
    select: { id: true, name: true, startDate: true, endDate: true, status: true, calcVersions: { where: { ...inOrg(ctx), isCurrent: true }, select: { id: true, number: true, createdAt: true } } },
  });
  const at = q.period !== undefined ? rows.findIndex((p) => p.id === q.period) : rows.findIndex((p) => p.calcVersions.length > 0);
  if (q.period !== undefined && at < 0) throw notFound("Reporting period");
  const inventory = at < 0 ? null : await inventoryOf(org, rows, at, q.method);
  const selectedPeriodId = at < 0 ? null : rows[at].id;
  return { periods: rows.map(option), selectedPeriodId, method: q.method, inventory, targetProgress: selectedPeriodId ? await targetProgressOf(ctx, selectedPeriodId) : null };
}

/** The first absolute target's progress in the selected period (a target keeps its own Scope 2 method, whatever the toggle). */
async function targetProgressOf(ctx: ServiceContext, periodId: string): Promise<DashboardTargetProgress | null> {
  for (const t of await listTargets({ ctx })) {
    const p = t.progress.find((x) => x.periodId === periodId);
    if (t.kind !== "ABSOLUTE" || !p || p.value === null || p.trajectoryValue === null) continue;
    return { name: t.name, coverage: t.coverage, targetYear: t.targetYear, trajectoryKgCo2e: p.trajectoryValue, actualKgCo2e: p.value, reductionPct: p.achievedPercent, onTrack: p.onTrack };
  }
  return null;
}

type PeriodRow = { id: string; name: string; startDate: Date; endDate: Date; status: string; calcVersions: { id: string; number: number; createdAt: Date }[] };

const option = (r: PeriodRow): DashboardPeriodOption => ({ id: r.id, name: r.name, startDate: day(r.startDate), endDate: day(r.endDate), status: r.status, calculated: r.calcVersions.length > 0 });

async function inventoryOf(organizationId: string, rows: PeriodRow[], at: number, method: DashboardMethod): Promise<InventoryDashboard | null> {
  const p = rows[at];
  const version = p.calcVersions[0];
  if (!version) return null;
  // N-1: the period that starts next before this one (rows are by start date, latest first).
  const before = rows.slice(at + 1).find((r) => r.startDate < p.startDate) ?? null;
  const prevVersion = before?.calcVersions[0] ?? null;
  const v = { organizationId, versionId: version.id };
  const [rowsNow, rowsPrev, monthly, charts, moved, change] = await Promise.all([
    cardsQuery(prisma, v),
    prevVersion ? cardsQuery(prisma, { organizationId, versionId: prevVersion.id }) : null,
    monthlySplit(prisma, v, method),
    breakdowns(prisma, v, method),
    prevVersion ? movers(prisma, v, prevVersion.id, method) : null,
    latestInputChange(prisma, organizationId, version, p),
  ]);
  return {
    period: { ...option(p), versionNumber: version.number, versionCreatedAt: version.createdAt.toISOString() },
    previous: before ? { ...option(before), versionNumber: prevVersion?.number ?? null } : null,
    method,
    cards: {
      ...cardsOf(rowsNow, rowsPrev, method),
      staleness: { stale: change !== null, inputsChangedAt: change?.changedAt.toISOString() ?? null, lastChange: change?.action ?? null },
    },
    monthly,
    ...charts,
    movers: moved,
  };
}
