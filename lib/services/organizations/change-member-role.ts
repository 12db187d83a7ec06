// Use case: an admin changes a member's role. The last admin cannot be demoted (the organization would be locked).
import { z } from "zod";
import { authorize, type ServiceContext } from "../../auth/context";
import { ROLES } from "../../auth/permissions";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { byId, inOrg, isUuid } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { parseInput } from "../../parse-input";

export const ChangeRoleInput = z.object({ membershipId: z.string(), role: z.enum(ROLES) });

export async function changeMemberRole({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  authorize(ctx, "members:manage");
  const data = parseInput(ChangeRoleInput, input);
  if (!isUuid(data.membershipId)) throw notFound("Member");
  return prisma.$transaction(async (tx) => {
    const before = await tx.membership.findFirst({ where: byId(ctx, data.membershipId), include: { user: { select: { email: true } } } });
    if (!before) throw notFound("Member");
    if (before.role === "ADMIN" && data.role !== "ADMIN") {
      const admins = await tx.membership.count({ where: { ...inOrg(ctx), role: "ADMIN" } });
      if (admins <= 1) throw new AppError("CONFLICT", "The organization needs at least one admin.", [{ field: "role", reason: "last admin" }]);
    }
    const after = await tx.membership.update({ where: byId(ctx, before.id), data: { role: data.role } });
    await recordAudit(tx, ctx, {
      action: "member.role_changed",
      entityType: "Membership",
      entityId: before.id,
      before: { email: before.user.email, role: before.role },
      after: { email: before.user.email, role: after.role },
    });
    return { id: after.id, role: after.role };
  });
}
