// The management representation letter's data, drawn from a period's latest signed report version (entity, period,
// boundary, E1-6 totals, estimates from the data-quality section) and the period's uncorrected misstatements.
// Shared by the letter's download and its signing; also the plain-data source of the evidence pack's letter.
import type { ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, inOrg } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { Dec, ZERO, text } from "../../ghg/decimal";
import type { RepresentationLetterData } from "../../pdf/RepresentationLetter";
import { canonicalJson, sha256Hex } from "../../reporting/canonical-json";
import type { ReportContent } from "../../reporting/content";
import { assertPeriodCovered } from "../assurance/engagement-scope";

export async function letterData(ctx: ServiceContext, periodId: string, signature: RepresentationLetterData["signature"]): Promise<{ data: RepresentationLetterData; reportVersionId: string; approvedById: string }> {
  await assertPeriodCovered(ctx, periodId);
  const period = await prisma.reportingPeriod.findFirst({ where: byId(ctx, periodId), include: { reportVersions: { where: inOrg(ctx), orderBy: { number: "desc" }, take: 1 } } });
  if (!period) throw notFound("Reporting period");
  const version = period.status === "SIGNED_OFF" ? period.reportVersions[0] : undefined;
  if (!version) throw new AppError("CONFLICT", `${period.name} is not signed off: the representation letter covers a signed report version.`, [{ field: "period", reason: "not signed off" }]);
  if (sha256Hex(version.content) !== version.sha256) throw new AppError("CONFLICT", `Report version ${version.number} of ${period.name} does not match its sha256.`);
  const c = JSON.parse(version.content) as ReportContent;
  const engagement = await prisma.engagement.findFirst({ where: { ...inOrg(ctx), periods: { some: { periodId } } }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, firm: true } });
  const uncorrected = await prisma.misstatement.findMany({ where: { ...inOrg(ctx), periodId, corrected: false }, orderBy: { createdAt: "asc" } });
  const total = uncorrected.reduce((s, m) => s.plus(new Dec(m.amountKgCo2e.toFixed())), ZERO);
  const totalLb = new Dec(c.e16.totalLbKgCo2e);
  const estimated = new Dec(c.dataQuality.estimatedKgCo2e);
  const data: RepresentationLetterData = {
    schema: "scopebook.representation-letter/1",
    entity: { name: c.organization.name, slug: c.organization.slug },
    addressee: engagement ? { firm: engagement.firm, engagement: engagement.name } : null,
    period: { name: c.period.name, startDate: c.period.startDate, endDate: c.period.endDate },
    reportVersion: { number: version.number, sha256: version.sha256 },
    boundary: { consolidationApproach: c.boundary.approach, exclusions: c.boundary.exclusions },
    totals: { scope1KgCo2e: c.e16.scope1KgCo2e, scope2LbKgCo2e: c.e16.scope2LbKgCo2e, scope2MbKgCo2e: c.e16.scope2MbKgCo2e, scope3LbKgCo2e: c.e16.scope3LbKgCo2e, scope3MbKgCo2e: c.e16.scope3MbKgCo2e, totalLbKgCo2e: c.e16.totalLbKgCo2e, totalMbKgCo2e: c.e16.totalMbKgCo2e },
    estimates: { estimatedKgCo2e: c.dataQuality.estimatedKgCo2e, estimatedPercentOfTotalLb: totalLb.isZero() ? null : estimated.div(totalLb).mul(100).toDecimalPlaces(2).toFixed(2), fallbackLines: c.dataQuality.fallbackLines, unresolvedLines: c.dataQuality.unresolvedLines },
    uncorrected: uncorrected.map((m) => ({ description: m.description, amountKgCo2e: m.amountKgCo2e.toFixed(), source: m.source })),
    uncorrectedTotalKgCo2e: text(total),
    signoff: { preparedBy: c.signoff.preparedBy?.name ?? null, reviewedBy: c.signoff.reviewedBy?.name ?? null, approvedBy: c.signoff.approvedBy?.name ?? null },
    signature,
  };
  return { data, reportVersionId: version.id, approvedById: version.approvedById };
}

export const letterCanonical = (d: RepresentationLetterData): string => canonicalJson(d);
