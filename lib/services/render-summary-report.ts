// Use case: the one-page emissions summary PDF of the organization, from the same figures as the dashboard.
import { authorize, type ServiceContext } from "../auth/context";
import { prisma } from "../db/client";
import { renderSummaryPdf } from "../pdf/render-summary";
import { getDashboard } from "./get-dashboard";

export async function renderSummaryReport({ ctx }: { ctx: ServiceContext }): Promise<{ fileName: string; bytes: Buffer }> {
  authorize(ctx, "report:read");
  const [data, org] = await Promise.all([
    getDashboard({ ctx }),
    prisma.organization.findFirst({ where: { id: ctx.organization.id }, select: { reportingCurrency: true } }),
  ]);
  const generatedAt = new Date().toISOString();
  const bytes = await renderSummaryPdf({
    organizationName: ctx.organization.name,
    reportingCurrency: org?.reportingCurrency ?? "EUR",
    generatedAt,
    generatedBy: ctx.actorLabel.replace(/^user:/, ""),
    totals: data.totals,
    series: data.series,
    granularity: data.granularity,
  });
  return { fileName: `scopebook-summary-${ctx.organization.slug}-${generatedAt.slice(0, 10)}.pdf`, bytes };
}
