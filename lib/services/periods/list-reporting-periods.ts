// Use case: the organization's reporting periods, newest first, with the number of their current version.
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";

export interface PeriodSummary {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  status: "OPEN" | "CLOSED" | "SIGNED_OFF";
  netRevenue: string | null;
  netRevenueCurrency: string | null;
  currentVersion: number | null;
}

export async function listReportingPeriods({ ctx }: { ctx: ServiceContext }): Promise<PeriodSummary[]> {
  authorize(ctx, "org:read");
  const periods = await prisma.reportingPeriod.findMany({
    where: inOrg(ctx),
    orderBy: { startDate: "desc" },
    include: { calcVersions: { where: { isCurrent: true }, select: { number: true } } },
  });
  return periods.map((p) => ({
    id: p.id,
    name: p.name,
    startDate: p.startDate.toISOString().slice(0, 10),
    endDate: p.endDate.toISOString().slice(0, 10),
    status: p.status,
    netRevenue: p.netRevenue?.toFixed() ?? null,
    netRevenueCurrency: p.netRevenueCurrency,
    currentVersion: p.calcVersions[0]?.number ?? null,
  }));
}
