// A period's report content (lib/reporting/content.ts) from its current calculation version: the inventory's
// E1-5 / E1-6 figures, the previous period and the targets' base year as comparatives, the Scope 3 categories
// with the officer's reasons, series for the charts, targets, instruments, methodology, factor sources,
// restatements and data quality. Deterministic: the same stored data gives the same content (no clock).
import type { ServiceContext } from "../../../auth/context";
import { prisma } from "../../../db/client";
import { inOrg } from "../../../db/scope";
import { AppError } from "../../../errors";
import { scope1EtsPercent } from "../../../ghg/ets";
import { METHODOLOGY } from "../../../ghg/methodology";
import { REPORT_SCHEMA, type ReportComparative, type ReportContent, type ReportPerson } from "../../../reporting/content";
import { SCOPE3_CATEGORIES } from "../../../reporting/scope3-categories";
import type { InventoryData } from "../../../views/inventory";
import { listFactorAttributions } from "../../factors/list-factor-attributions";
import { getInventory } from "../../inventory/get-inventory";
import { listTargets } from "../../targets/list-targets";
import { versionQuality } from "./quality";
import { versionSeries } from "./series";

const APPROACH: Record<string, string> = {
  OPERATIONAL_CONTROL: "Operational control (GHG Protocol Corporate Standard, chapter 3)",
  FINANCIAL_CONTROL: "Financial control (GHG Protocol Corporate Standard, chapter 3)",
  EQUITY_SHARE: "Equity share (GHG Protocol Corporate Standard, chapter 3)",
};

export interface SignoffPeople {
  preparedBy: ReportPerson | null;
  submittedAt: string | null;
  /** The reviewer (issue 14); absent on versions signed before the reviewer step. */
  reviewedBy?: ReportPerson | null;
  reviewedAt?: string | null;
  approvedBy: ReportPerson | null;
  approvedAt: string | null;
}

type Calculated = InventoryData & { version: NonNullable<InventoryData["version"]>; e16: NonNullable<InventoryData["e16"]>; e15: NonNullable<InventoryData["e15"]>; e16Extras: NonNullable<InventoryData["e16Extras"]> };

function calculated(inv: InventoryData): inv is Calculated {
  return inv.version !== null && inv.e16 !== null && inv.e15 !== null && inv.e16Extras !== null;
}

async function comparative(ctx: ServiceContext, periodId: string): Promise<ReportComparative | null> {
  const inv = await getInventory({ ctx, input: { periodId } });
  if (!calculated(inv)) return null;
  return {
    periodName: inv.period.name, startDate: inv.period.startDate, endDate: inv.period.endDate, status: inv.period.status, e16: inv.e16, e15: inv.e15,
    e16Extras: inv.e16Extras, scope1EtsPercent: scope1EtsPercent(inv.period.scope1EtsKgCo2e, inv.e16.scope1KgCo2e),
  };
}

export async function buildReportContent(ctx: ServiceContext, periodId: string, signoff: SignoffPeople): Promise<ReportContent> {
  const inv = await getInventory({ ctx, input: { periodId } });
  if (!calculated(inv)) throw new AppError("CONFLICT", `${inv.period.name} has not been calculated yet: recalculate it first.`, [{ field: "period", reason: "no calculation version" }]);
  const org = ctx.organization.id;
  const [organization, period, version, earlier, notes, targets, series, quality, sources, gwp] = await Promise.all([
    prisma.organization.findFirstOrThrow({ where: { id: org }, select: { name: true, slug: true, consolidationApproach: true, reportingCurrency: true } }),
    prisma.reportingPeriod.findFirstOrThrow({ where: { ...inOrg(ctx), id: periodId }, select: { unresolvedAcknowledged: true } }),
    prisma.calculationVersion.findFirstOrThrow({ where: { ...inOrg(ctx), id: inv.version.id }, select: { linesSha256: true } }),
    prisma.reportingPeriod.findFirst({ where: { ...inOrg(ctx), startDate: { lt: new Date(`${inv.period.startDate}T00:00:00Z`) } }, orderBy: { startDate: "desc" }, select: { id: true } }),
    prisma.scope3CategoryNote.findMany({ where: { ...inOrg(ctx), periodId } }),
    listTargets({ ctx }),
    versionSeries(prisma, org, inv.version.id),
    versionQuality(prisma, org, inv.version.id),
    listFactorAttributions({ ctx, input: { datasetIds: inv.datasetIds } }),
    prisma.emissionFactorDataset.findMany({ where: { id: { in: inv.datasetIds }, OR: [{ organizationId: null }, { organizationId: org }] }, select: { gwpBasis: true } }),
  ]);
  const baseTarget = targets.find((t) => t.basePeriod !== null && t.basePeriod.id !== periodId) ?? null;
  // The base year is often N-1 (a target set from last year): its inventory is read once.
  const basePeriodId = baseTarget?.basePeriod?.id ?? null;
  const previousRead = earlier ? comparative(ctx, earlier.id) : Promise.resolve(null);
  const [previous, base] = await Promise.all([previousRead, basePeriodId === null ? null : basePeriodId === earlier?.id ? previousRead : comparative(ctx, basePeriodId)]);
  const noteBy = new Map(notes.map((n) => [n.category, n]));
  const year = Number(inv.period.endDate.slice(0, 4));
  return {
    schema: REPORT_SCHEMA,
    organization: { name: organization.name, slug: organization.slug, consolidationApproach: organization.consolidationApproach, reportingCurrency: organization.reportingCurrency },
    period: { id: inv.period.id, name: inv.period.name, startDate: inv.period.startDate, endDate: inv.period.endDate, netRevenue: inv.period.netRevenue, netRevenueCurrency: inv.period.netRevenueCurrency },
    calculation: { versionId: inv.version.id, number: inv.version.number, engineVersion: inv.version.engineVersion, calculatedAt: inv.version.createdAt, linesSha256: version.linesSha256 },
    signoff,
    e16: inv.e16,
    e15: inv.e15,
    e16Extras: inv.e16Extras,
    scope1EtsPercent: scope1EtsPercent(inv.period.scope1EtsKgCo2e, inv.e16.scope1KgCo2e),
    previous,
    base: base && baseTarget ? { ...base, year: baseTarget.baseYear } : null,
    scope3Categories: SCOPE3_CATEGORIES.map((c) => {
      const figure = inv.e16.scope3ByCategory.find((f) => f.category === c.category);
      const note = noteBy.get(c.category);
      if (figure) return { category: c.category, label: c.label, status: "CALCULATED" as const, lbKgCo2e: figure.lbKgCo2e, mbKgCo2e: figure.mbKgCo2e, reason: null };
      return { category: c.category, label: c.label, status: note?.relevance ?? ("NOT_CALCULATED" as const), lbKgCo2e: null, mbKgCo2e: null, reason: note?.reason ?? null };
    }),
    ...series,
    targets: targets.map((t) => ({
      name: t.name,
      kind: t.kind,
      coverage: t.coverage,
      baseYear: t.baseYear,
      baseValue: t.baseValue,
      unit: t.unit,
      baseSource: t.baseSource,
      baseEvidence: t.baseEvidence,
      targetYear: t.targetYear,
      reductionPercent: t.reductionPercent,
      milestones: t.milestones,
      trajectory: t.trajectory,
      progress: t.progress.find((p) => p.periodId === periodId) ?? { year, value: null, achievedPercent: null, trajectoryValue: t.trajectory.find((p) => p.year === year)?.value ?? null, onTrack: null },
    })),
    instruments: inv.instruments.map((i) => ({ type: i.type, certificateId: i.certificateId, market: i.market, vintage: i.vintage, appliedMwh: i.allocatedMwh, status: i.status })),
    methodology: [...METHODOLOGY],
    boundary: {
      approach: APPROACH[organization.consolidationApproach] ?? organization.consolidationApproach,
      gwpBasis: [...new Set(gwp.map((g) => g.gwpBasis).filter((g): g is string => !!g))].sort(),
      exclusions: notes
        .filter((n) => !inv.e16.scope3ByCategory.some((f) => f.category === n.category))
        .sort((a, b) => a.category - b.category)
        .map((n) => `Scope 3 category ${n.category} (${n.relevance === "NOT_RELEVANT" ? "not relevant" : "not calculated"}): ${n.reason}`),
    },
    factorSources: sources.map((s) => ({ publisher: s.publisher, title: s.title, version: s.version, licence: s.licence, url: s.url, attribution: s.attribution })),
    restatements: (inv.restatement?.changes ?? []).map((c) => ({
      datapoint: c.datapoint,
      previousNumber: inv.restatement!.previousNumber,
      previousKgCo2e: c.previouslyKgCo2e,
      currentKgCo2e: c.currentlyKgCo2e,
      reason: c.reason,
      note: c.note,
    })),
    dataQuality: {
      resolvedLines: inv.e16.resolvedLines,
      unresolvedLines: inv.e16.unresolvedLines,
      unresolvedAcknowledged: period.unresolvedAcknowledged,
      unresolved: quality.unresolved,
      fallbackLines: inv.fallbacks.total,
      estimatedKgCo2e: quality.estimatedKgCo2e,
      primaryScope3Percent: inv.e16Extras.scope3PrimaryMbPct,
    },
  };
}
