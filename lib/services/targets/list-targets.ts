// Use case: the organization's E1-4 targets with their trajectory and progress in every calculated period.
import { coveredPeriodIds } from "../assurance/engagement-scope";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import type { TargetView } from "../../views/targets";
import { calculatedPeriodFigures } from "./period-figures";
import { targetView } from "./target-rows";

export async function listTargets({ ctx }: { ctx: ServiceContext }): Promise<TargetView[]> {
  authorize(ctx, "org:read");
  const [targets, org, periods] = await Promise.all([
    prisma.emissionTarget.findMany({ where: inOrg(ctx), orderBy: [{ targetYear: "asc" }, { name: "asc" }] }),
    prisma.organization.findFirst({ where: { id: ctx.organization.id }, select: { reportingCurrency: true } }),
    calculatedPeriodFigures(ctx.organization.id),
  ]);
  const covered = await coveredPeriodIds(ctx);
  const names = new Map(periods.map((p) => [p.periodId, p.periodName]));
  // A scoped auditor sees the target as disclosed (E1-4 states its base value) and its progress only in covered periods.
  const visible = covered === "all" ? periods : periods.filter((p) => covered.includes(p.periodId));
  return targets.map((t) => targetView(t, t.basePeriodId ? (names.get(t.basePeriodId) ?? null) : null, org?.reportingCurrency ?? "EUR", visible));
}
