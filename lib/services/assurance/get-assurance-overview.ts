// Use case: the assurance area's index — the member's engagements (an auditor: their own; officers: all, read-only)
// and, per covered period, the latest signed report version (number, sha256, approvers) with its datapoints, each
// with the filter of the ledger lines behind it. The view is logged in the access log.
import { datapointLinesQuery } from "../../assurance/datapoint-lines";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { reportDatapoints } from "../../reporting/datapoints";
import type { AssurancePeriod, EngagementView } from "../../views/assurance";
import { getReportDocument } from "../reporting/get-report-document";
import { logAccess } from "./access-log";
import { listEngagements } from "./list-engagements";

export async function getAssuranceOverview({ ctx }: { ctx: ServiceContext }): Promise<{ engagements: EngagementView[]; periods: AssurancePeriod[] }> {
  authorize(ctx, "report:read");
  const engagements = await listEngagements({ ctx });
  const periodIds = [...new Set(engagements.flatMap((e) => e.periods.map((p) => p.id)))];
  const rows = await prisma.reportingPeriod.findMany({
    where: { ...inOrg(ctx), id: { in: periodIds } },
    orderBy: { startDate: "desc" },
    include: { reportVersions: { where: inOrg(ctx), orderBy: { number: "desc" }, take: 1, select: { number: true, sha256: true, preparedById: true, approvedById: true, approvedAt: true } } },
  });
  const people = new Map(
    (await prisma.user.findMany({ where: { id: { in: rows.flatMap((r) => r.reportVersions.flatMap((v) => [v.preparedById, v.approvedById]).filter((x): x is string => !!x)) }, memberships: { some: inOrg(ctx) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  const periods: AssurancePeriod[] = [];
  for (const p of rows) {
    const v = p.reportVersions[0] ?? null;
    const signed = p.status === "SIGNED_OFF" && v;
    const datapoints = signed ? reportDatapoints((await getReportDocument({ ctx, input: { periodId: p.id } })).document.content) : [];
    periods.push({
      id: p.id, name: p.name, startDate: p.startDate.toISOString().slice(0, 10), endDate: p.endDate.toISOString().slice(0, 10), status: p.status,
      signed: v ? { number: v.number, sha256: v.sha256, preparedBy: v.preparedById ? (people.get(v.preparedById) ?? null) : null, approvedBy: v.approvedById ? (people.get(v.approvedById) ?? null) : null, approvedAt: v.approvedAt?.toISOString() ?? null } : null,
      datapoints: datapoints.map((d) => ({ name: d.name, esrsReference: d.esrsReference, label: d.label, value: d.value, unit: d.unit, linesQuery: datapointLinesQuery(d.name) })),
    });
  }
  await logAccess(ctx, { action: "assurance.viewed", entityType: "Assurance" });
  return { engagements, periods };
}
