// Use case: the organizations the signed-in user belongs to (organization switcher, landing redirect).
import { prisma } from "../../db/client";

export async function listMyOrganizations({ userId }: { userId: string }) {
  const memberships = await prisma.membership.findMany({
    where: { userId, user: { disabledAt: null } },
    select: { role: true, organization: { select: { slug: true, name: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return memberships.map((m) => ({ slug: m.organization.slug, name: m.organization.name, role: m.role }));
}
