// Use case: the emissions summary PDF of the organization: the dashboard's figures, then the ESRS E1 page of a
// reporting period (the one asked for, else the latest calculated one): E1-6, its extras, E1-5, the methodology and
// the attribution of every factor dataset shipped or used by its lines.
import { coveredPeriodsWhere } from "../assurance/engagement-scope";
import { z } from "zod";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { METHODOLOGY } from "../../ghg/methodology";
import { parseInput } from "../../parse-input";
import { renderSummaryPdf, type SummaryInventory } from "../../pdf/render-summary";
import { getDashboard } from "../inventory/get-dashboard";
import { getInventory } from "../inventory/get-inventory";
import { listFactorAttributions } from "../factors/list-factor-attributions";
import { assertPeriodId } from "../inventory/ledger/period-id";

export const SummaryReportInput = z.object({ period: z.string().optional() });

export async function renderSummaryReport({ ctx, input = {} }: { ctx: ServiceContext; input?: unknown }): Promise<{ fileName: string; bytes: Buffer }> {
  authorize(ctx, "report:read");
  const { period } = parseInput(SummaryReportInput, input);
  if (period !== undefined) assertPeriodId({ periodId: period }); // a malformed id is "not found", like an unknown one
  const [data, org, inventory] = await Promise.all([
    getDashboard({ ctx }),
    prisma.organization.findFirst({ where: { id: ctx.organization.id }, select: { reportingCurrency: true } }),
    inventoryPage(ctx, period),
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
    inventory,
  });
  return { fileName: `scopebook-summary-${ctx.organization.slug}-${generatedAt.slice(0, 10)}.pdf`, bytes };
}

async function inventoryPage(ctx: ServiceContext, periodId: string | undefined): Promise<SummaryInventory | null> {
  const id =
    periodId ??
    (await prisma.calculationVersion.findFirst({ where: { ...inOrg(ctx), isCurrent: true, period: await coveredPeriodsWhere(ctx) }, orderBy: { period: { endDate: "desc" } }, select: { periodId: true } }))?.periodId;
  if (!id) return null;
  const inv = await getInventory({ ctx, input: { periodId: id } });
  if (!inv.version || !inv.e16 || !inv.e15 || !inv.e16Extras) return null;
  const [used, credited] = await Promise.all([listFactorAttributions({ ctx, input: { datasetIds: inv.datasetIds } }), listFactorAttributions({ ctx })]);
  const attributions = [...new Map([...credited, ...used].map((a) => [a.datasetId, a])).values()];
  return {
    periodName: inv.period.name,
    startDate: inv.period.startDate,
    endDate: inv.period.endDate,
    versionNumber: inv.version.number,
    currency: inv.period.netRevenueCurrency ?? "EUR",
    e16: inv.e16,
    e16Extras: inv.e16Extras,
    e15: inv.e15,
    methodology: METHODOLOGY,
    attributions,
  };
}
