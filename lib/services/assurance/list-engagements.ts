// Use case: the engagements a member sees — officers and admins every engagement of the organization, an auditor
// those they are assigned to (decision 0027).
import { authorize, type ServiceContext } from "../../auth/context";
import { ENGAGEMENT_SCOPED } from "../../auth/permissions";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import type { EngagementView } from "../../views/assurance";
import { ENGAGEMENT_INCLUDE, engagementView } from "./engagement-input";

export async function listEngagements({ ctx }: { ctx: ServiceContext }): Promise<EngagementView[]> {
  authorize(ctx, "org:read");
  const mine = ENGAGEMENT_SCOPED[ctx.role]
    ? { auditors: { some: { membership: { userId: ctx.userId ?? "00000000-0000-0000-0000-000000000000", organizationId: ctx.organization.id } } } }
    : {};
  const rows = await prisma.engagement.findMany({ where: { ...inOrg(ctx), ...mine }, orderBy: [{ startDate: "desc" }, { name: "asc" }], include: ENGAGEMENT_INCLUDE });
  return rows.map(engagementView);
}
