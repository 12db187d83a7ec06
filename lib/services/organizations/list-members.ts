// Use case: the organization's members and their roles.
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";

export async function listMembers({ ctx }: { ctx: ServiceContext }) {
  authorize(ctx, "org:read");
  const rows = await prisma.membership.findMany({
    where: inOrg(ctx),
    select: { id: true, role: true, createdAt: true, user: { select: { email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((m) => ({ id: m.id, role: m.role, email: m.user.email, name: m.user.name, since: m.createdAt.toISOString() }));
}
