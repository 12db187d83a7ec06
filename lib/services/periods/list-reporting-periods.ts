// Use case: the organization's reporting periods, newest first: status, the number of their current calculation
// version, who submitted, and the latest signed report version (preparer, approver, hash). A scoped auditor sees only
// the periods their engagements cover (decision 0027).
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { coveredPeriodsWhere } from "../assurance/engagement-scope";
import type { PeriodSummary } from "../../views/periods";
import { peopleByIds, signedVersionView } from "./period-views";

export async function listReportingPeriods({ ctx }: { ctx: ServiceContext }): Promise<PeriodSummary[]> {
  authorize(ctx, "org:read");
  const periods = await prisma.reportingPeriod.findMany({
    where: { ...inOrg(ctx), ...(await coveredPeriodsWhere(ctx)) },
    orderBy: { startDate: "desc" },
    include: {
      calcVersions: { where: { isCurrent: true }, select: { id: true, number: true } },
      reportVersions: { where: inOrg(ctx), orderBy: { number: "desc" }, take: 1, include: { calculationVersion: { select: { number: true } } } },
    },
  });
  const people = await peopleByIds(periods.flatMap((p) => [p.submittedById, p.reviewedById, p.reportVersions[0]?.reviewedById, p.reportVersions[0]?.preparedById, p.reportVersions[0]?.approvedById]));
  return periods.map((p) => {
    const signed = p.reportVersions[0] ?? null;
    const current = p.calcVersions[0] ?? null;
    return {
      id: p.id,
      name: p.name,
      startDate: p.startDate.toISOString().slice(0, 10),
      endDate: p.endDate.toISOString().slice(0, 10),
      status: p.status,
      netRevenue: p.netRevenue?.toFixed() ?? null,
      netRevenueCurrency: p.netRevenueCurrency,
      currentVersion: current?.number ?? null,
      submittedBy: p.submittedById ? (people.get(p.submittedById) ?? null) : null,
      submittedAt: p.submittedAt?.toISOString() ?? null,
      reviewedBy: p.reviewedById ? (people.get(p.reviewedById) ?? null) : null,
      reviewedAt: p.reviewedAt?.toISOString() ?? null,
      reviewNote: p.reviewNote,
      signed: signed ? signedVersionView(signed, people) : null,
      changedSinceSigned: signed !== null && current?.id !== signed.calculationVersionId,
    };
  });
}
