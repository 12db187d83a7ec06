// Use case: the misstatements of a period and their summary against the engagement's materiality: corrected and
// uncorrected totals (signed, and the uncorrected in absolute value: an overstatement and an understatement do not
// cancel out for materiality), how many uncorrected ones exceed the clearly trivial threshold. Exact decimals.
// Read by the auditor and by the organization's members (management is told of its uncorrected misstatements).
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, inOrg, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { Dec, ZERO, text } from "../../ghg/decimal";
import type { MisstatementSummary } from "../../views/inquiries";
import { peopleByIds } from "../periods/period-views";
import { assertPeriodCovered, coveredPeriodIds } from "./engagement-scope";
import { misstatementView } from "./inquiry-access";

export async function summarizeMisstatements({ ctx, input }: { ctx: ServiceContext; input: { periodId: string; engagementId?: string } }): Promise<MisstatementSummary> {
  authorize(ctx, "report:read");
  if (!isUuid(input.periodId)) throw notFound("Reporting period");
  await assertPeriodCovered(ctx, input.periodId);
  const period = await prisma.reportingPeriod.findFirst({ where: byId(ctx, input.periodId), select: { id: true, name: true } });
  if (!period) throw notFound("Reporting period");
  const covered = await coveredPeriodIds(ctx);
  const engagement = await prisma.engagement.findFirst({
    where: {
      ...inOrg(ctx),
      ...(input.engagementId && isUuid(input.engagementId) ? { id: input.engagementId } : {}),
      periods: { some: { periodId: period.id } },
      ...(covered === "all" ? {} : { auditors: { some: { membership: { userId: ctx.userId ?? undefined } } } }),
    },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
  });
  const rows = await prisma.misstatement.findMany({ where: { ...inOrg(ctx), periodId: period.id, ...(engagement ? { engagementId: engagement.id } : {}) }, orderBy: { createdAt: "asc" } });
  const people = await peopleByIds(rows.map((r) => r.recordedById));
  let corrected = ZERO, uncorrected = ZERO, uncorrectedAbs = ZERO, aboveTrivial = 0;
  const trivial = engagement ? new Dec(engagement.clearlyTrivialKgCo2e.toFixed()) : null;
  for (const r of rows) {
    const amount = new Dec(r.amountKgCo2e.toFixed());
    if (r.corrected) corrected = corrected.plus(amount);
    else {
      uncorrected = uncorrected.plus(amount);
      uncorrectedAbs = uncorrectedAbs.plus(amount.abs());
      if (trivial && amount.abs().gt(trivial)) aboveTrivial++;
    }
  }
  const overall = engagement ? new Dec(engagement.overallMaterialityKgCo2e.toFixed()) : null;
  return {
    period,
    engagement: engagement
      ? { id: engagement.id, name: engagement.name, overallMaterialityKgCo2e: engagement.overallMaterialityKgCo2e.toFixed(), performanceMaterialityKgCo2e: engagement.performanceMaterialityKgCo2e.toFixed(), clearlyTrivialKgCo2e: engagement.clearlyTrivialKgCo2e.toFixed() }
      : null,
    misstatements: rows.map((r) => misstatementView(r, people)),
    correctedKgCo2e: text(corrected),
    uncorrectedKgCo2e: text(uncorrected),
    uncorrectedAbsKgCo2e: text(uncorrectedAbs),
    aboveTrivial,
    againstMateriality: overall ? (uncorrectedAbs.gte(overall) ? "reaches" : "below") : null,
  };
}
