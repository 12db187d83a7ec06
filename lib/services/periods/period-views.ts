// Names of the people on a period's sign-off, and a signed report version as the period list shows it.
import { prisma } from "../../db/client";
import type { PersonView, SignedVersionView } from "../../views/periods";

/** Users by id (members of any organization: the ids come from rows of the caller's organization). */
export async function peopleByIds(ids: (string | null | undefined)[]): Promise<Map<string, PersonView>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === "string"))];
  if (wanted.length === 0) return new Map();
  const users = await prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((u) => [u.id, { name: u.name ?? u.email, email: u.email }]));
}

const unknown = (id: string): PersonView => ({ name: `user ${id.slice(0, 8)}`, email: "" });

export function signedVersionView(
  v: { id: string; number: number; sha256: string; auditHeadHash: string; preparedById: string; submittedAt: Date; reviewedById: string | null; reviewedAt: Date | null; approvedById: string; approvedAt: Date; calculationVersion: { number: number } },
  people: Map<string, PersonView>,
): SignedVersionView {
  return {
    id: v.id,
    number: v.number,
    sha256: v.sha256,
    auditHeadHash: v.auditHeadHash,
    preparedBy: people.get(v.preparedById) ?? unknown(v.preparedById),
    submittedAt: v.submittedAt.toISOString(),
    reviewedBy: v.reviewedById ? (people.get(v.reviewedById) ?? unknown(v.reviewedById)) : null,
    reviewedAt: v.reviewedAt?.toISOString() ?? null,
    approvedBy: people.get(v.approvedById) ?? unknown(v.approvedById),
    approvedAt: v.approvedAt.toISOString(),
    calculationVersion: v.calculationVersion.number,
  };
}
