// The E1-6 figures of every calculated period of the organization (its current calculation version), oldest first.
import { prisma } from "../../db/client";
import { versionE16 } from "../inventory/ledger/version-figures";
import type { PeriodFigures } from "./target-rows";

export async function calculatedPeriodFigures(organizationId: string): Promise<PeriodFigures[]> {
  const periods = await prisma.reportingPeriod.findMany({
    where: { organizationId },
    orderBy: { startDate: "asc" },
    select: { id: true, name: true, endDate: true, netRevenue: true, calcVersions: { where: { organizationId, isCurrent: true }, select: { id: true } } },
  });
  const calculated = periods.filter((p) => p.calcVersions.length > 0);
  return Promise.all(
    calculated.map(async (p) => {
      const netRevenue = p.netRevenue?.toFixed() ?? null;
      return { periodId: p.id, periodName: p.name, year: p.endDate.getUTCFullYear(), netRevenue, e16: await versionE16(prisma, organizationId, p.calcVersions[0].id, netRevenue) };
    }),
  );
}
