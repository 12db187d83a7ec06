// Use case: an officer sets an ESRS E1-4 reduction target. The base value comes from the stated figures of a closed
// period of the base year, or is entered with its evidence; nothing is saved unless every field holds. Audited.
import { recordAudit } from "../../audit/record";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { AppError, invalid } from "../../errors";
import { coveredValue } from "../../ghg/targets";
import { parseInput } from "../../parse-input";
import type { TargetView } from "../../views/targets";
import { calculatedPeriodFigures } from "./period-figures";
import { checkTarget, TargetInput } from "./target-input";
import { targetView } from "./target-rows";

export async function createTarget({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<TargetView> {
  authorize(ctx, "target:manage");
  const t = parseInput(TargetInput, input);
  checkTarget(t);
  const [periods, closed, org] = await Promise.all([
    calculatedPeriodFigures(ctx.organization.id),
    prisma.reportingPeriod.findMany({ where: { ...inOrg(ctx), status: { not: "OPEN" } }, select: { id: true, endDate: true } }),
    prisma.organization.findFirst({ where: { id: ctx.organization.id }, select: { reportingCurrency: true } }),
  ]);
  const closedIds = new Set(closed.filter((p) => p.endDate.getUTCFullYear() === t.baseYear).map((p) => p.id));
  const basePeriod = periods.find((p) => closedIds.has(p.periodId)) ?? null;
  const coverage = { kind: t.kind, coversScope1: t.coversScope1, scope2Method: t.scope2Method ?? null, scope3Categories: t.scope3Categories };
  let baseValue = t.baseValue ?? null;
  if (baseValue === null) {
    if (!basePeriod) throw invalid("The target has no base value.", [{ field: "baseYear", reason: `no closed, calculated period ends in ${t.baseYear}: enter the base value with its evidence` }]);
    baseValue = coveredValue(coverage, basePeriod.e16, basePeriod.netRevenue);
    if (baseValue === null) throw invalid("The target has no base value.", [{ field: "baseValue", reason: `${basePeriod.periodName} has no net revenue: enter it, or enter the base intensity with its evidence` }]);
  }
  if (Number(baseValue) === 0) throw invalid("The target has no base value.", [{ field: "baseValue", reason: "the covered emissions of the base year are 0: a reduction from 0 cannot be measured" }]);
  if (await prisma.emissionTarget.findFirst({ where: { ...inOrg(ctx), name: t.name }, select: { id: true } }))
    throw new AppError("CONFLICT", `A target named "${t.name}" already exists.`, [{ field: "name", reason: "already used" }]);
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.emissionTarget.create({
      data: {
        ...inOrg(ctx),
        name: t.name,
        kind: t.kind,
        coversScope1: t.coversScope1,
        scope2Method: t.scope2Method ?? null,
        scope3Categories: t.scope3Categories,
        baseYear: t.baseYear,
        baseSource: t.baseValue === undefined ? "PERIOD" : "ENTERED",
        basePeriodId: t.baseValue === undefined ? basePeriod!.periodId : null,
        baseValue,
        baseEvidence: t.baseEvidence ?? null,
        targetYear: t.targetYear,
        reductionPercent: t.reductionPercent,
        milestones: [...t.milestones].sort((a, b) => a.year - b.year),
        createdById: ctx.userId,
      },
    });
    await recordAudit(tx, ctx, {
      action: "target.created",
      entityType: "EmissionTarget",
      entityId: created.id,
      after: { name: t.name, coverage, baseYear: t.baseYear, baseValue, baseSource: created.baseSource, targetYear: t.targetYear, reductionPercent: t.reductionPercent, milestones: t.milestones },
    });
    return created;
  });
  return targetView(row, basePeriod?.periodName ?? null, org?.reportingCurrency ?? "EUR", periods);
}
