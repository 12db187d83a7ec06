// Use case: recompute the organization's audit hash chain; report the first broken link.
import { authorize, type ServiceContext } from "../../auth/context";
import { verifyOrganizationChain } from "../../audit/verify";
import { prisma } from "../../db/client";

export async function verifyAuditChain({ ctx }: { ctx: ServiceContext }) {
  authorize(ctx, "audit:read");
  return verifyOrganizationChain(prisma, ctx.organization.id);
}
