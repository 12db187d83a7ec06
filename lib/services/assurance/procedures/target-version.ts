// Which calculation version the auditor's procedures read for a period: the one its latest signed report version
// froze (report_versions.calculation_version_id), else — a period not signed yet — its current calculation, marked
// unsigned. Also the period before it (N-1: the latest period ending before this one starts) and its version.
import type { ServiceContext } from "../../../auth/context";
import { prisma } from "../../../db/client";
import { byId, inOrg } from "../../../db/scope";
import { notFound } from "../../../errors";
import { e16Datapoints } from "../../../ghg/aggregate";
import type { ReportContent } from "../../../reporting/content";
import { assertPeriodId } from "../../inventory/ledger/period-id";
import { versionE16 } from "../../inventory/ledger/version-figures";
import { assertPeriodCovered } from "../engagement-scope";

export interface TargetVersion {
  period: { id: string; name: string; startDate: Date; endDate: Date; netRevenue: string | null };
  calculationVersionId: string;
  calculationNumber: number;
  /** The signed report version's number; null: not signed, the current calculation is read. */
  reportVersionNumber: number | null;
}

async function versionOf(organizationId: string, periodId: string): Promise<Omit<TargetVersion, "period"> | null> {
  const signed = await prisma.reportVersion.findFirst({ where: { organizationId, periodId }, orderBy: { number: "desc" }, select: { number: true, calculationVersionId: true, period: { select: { status: true } } } });
  if (signed && signed.period.status === "SIGNED_OFF") {
    const v = await prisma.calculationVersion.findFirstOrThrow({ where: { organizationId, id: signed.calculationVersionId }, select: { number: true } });
    return { calculationVersionId: signed.calculationVersionId, calculationNumber: v.number, reportVersionNumber: signed.number };
  }
  const current = await prisma.calculationVersion.findFirst({ where: { organizationId, periodId, isCurrent: true }, select: { id: true, number: true } });
  return current ? { calculationVersionId: current.id, calculationNumber: current.number, reportVersionNumber: null } : null;
}

/** The period's version for the procedures; 404 when the period is not the member's to see or was never calculated. */
export async function targetVersion(ctx: ServiceContext, input: unknown): Promise<TargetVersion> {
  assertPeriodId(input);
  const periodId = (input as { periodId: string }).periodId;
  const period = await prisma.reportingPeriod.findFirst({ where: byId(ctx, periodId), select: { id: true, name: true, startDate: true, endDate: true, netRevenue: true } });
  if (!period) throw notFound("Reporting period");
  await assertPeriodCovered(ctx, period.id);
  const v = await versionOf(ctx.organization.id, period.id);
  if (!v) throw notFound("Calculation of this period");
  return { period: { ...period, netRevenue: period.netRevenue?.toFixed() ?? null }, ...v };
}

/** N-1: the latest period of the organization ending before this one starts, with its version (signed, else current). */
export async function priorVersion(ctx: ServiceContext, t: TargetVersion): Promise<(Omit<TargetVersion, "period"> & { periodName: string }) | null> {
  const prior = await prisma.reportingPeriod.findFirst({ where: { ...inOrg(ctx), endDate: { lt: t.period.startDate } }, orderBy: { endDate: "desc" }, select: { id: true, name: true } });
  if (!prior) return null;
  const v = await versionOf(ctx.organization.id, prior.id);
  return v ? { ...v, periodName: prior.name } : null;
}

/** The E1-6 datapoints as reported: the signed version's content, else the current calculation's rollups. */
export async function reportedDatapoints(ctx: ServiceContext, t: TargetVersion): Promise<Record<string, string>> {
  if (t.reportVersionNumber !== null) {
    const rv = await prisma.reportVersion.findFirstOrThrow({ where: { ...inOrg(ctx), periodId: t.period.id, number: t.reportVersionNumber }, select: { content: true } });
    return e16Datapoints((JSON.parse(rv.content) as ReportContent).e16);
  }
  return e16Datapoints(await versionE16(prisma, ctx.organization.id, t.calculationVersionId, t.period.netRevenue));
}
