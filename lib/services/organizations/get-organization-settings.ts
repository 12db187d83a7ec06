// Use case: the organization's settings (reporting currency, fiscal year, consolidation approach).
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { notFound } from "../../errors";

export async function getOrganizationSettings({ ctx }: { ctx: ServiceContext }) {
  authorize(ctx, "org:read");
  const org = await prisma.organization.findFirst({
    where: { id: ctx.organization.id },
    select: { slug: true, name: true, reportingCurrency: true, fiscalYearStartMonth: true, consolidationApproach: true },
  });
  if (!org) throw notFound("Organization");
  return org;
}
