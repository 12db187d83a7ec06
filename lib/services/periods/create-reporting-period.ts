// Use case: an officer opens a reporting period (a name, first and last day, optional net revenue for intensity).
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { AppError } from "../../errors";
import { parseInput } from "../../parse-input";

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD").refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "is not a real date");
export const revenueText = z.string().trim().regex(/^\d{1,20}(\.\d{1,10})?$/, "must be a non-negative amount like 1250000.50");

export const CreateReportingPeriodInput = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(100),
    startDate: isoDay,
    endDate: isoDay,
    netRevenue: z.union([revenueText, z.literal("").transform(() => undefined)]).optional(),
    netRevenueCurrency: z.string().trim().regex(/^[A-Z]{3}$/, "must be a currency code like EUR").optional(),
  })
  .refine((p) => p.endDate >= p.startDate, { path: ["endDate"], message: "must not be before the start date" });

export async function createReportingPeriod({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  authorize(ctx, "period:manage");
  const data = parseInput(CreateReportingPeriodInput, input);
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: ctx.organization.id }, select: { consolidationApproach: true, reportingCurrency: true } });
  try {
    return await prisma.$transaction(async (tx) => {
      const period = await tx.reportingPeriod.create({
        data: {
          ...inOrg(ctx),
          name: data.name,
          startDate: new Date(`${data.startDate}T00:00:00Z`),
          endDate: new Date(`${data.endDate}T00:00:00Z`),
          consolidationApproach: org.consolidationApproach,
          netRevenue: data.netRevenue ?? null,
          netRevenueCurrency: data.netRevenue ? (data.netRevenueCurrency ?? org.reportingCurrency) : null,
        },
      });
      await recordAudit(tx, ctx, { action: "period.created", entityType: "ReportingPeriod", entityId: period.id, after: { name: data.name, startDate: data.startDate, endDate: data.endDate, netRevenue: data.netRevenue ?? null } });
      return { id: period.id, name: period.name };
    });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw new AppError("CONFLICT", `A period named "${data.name}" already exists.`, [{ field: "name", reason: "already used" }]);
    throw err;
  }
}
