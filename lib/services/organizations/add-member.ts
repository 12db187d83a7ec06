// Use case: an admin adds a member with a role. A new email creates the user with the given password;
// an existing user (member of another organization) joins with their own password unchanged.
import { z } from "zod";
import { authorize, type ServiceContext } from "../../auth/context";
import { hashPassword } from "../../auth/password";
import { ROLES } from "../../auth/permissions";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { AppError } from "../../errors";
import { parseInput } from "../../parse-input";

export const AddMemberInput = z.object({
  email: z.email("must be an email address").transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1, "is required").max(200),
  role: z.enum(ROLES),
  password: z.string().min(10, "must be at least 10 characters").max(200).optional(),
});

export async function addMember({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  authorize(ctx, "members:manage");
  const data = parseInput(AddMemberInput, input);
  const existingUser = await prisma.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (!existingUser && !data.password)
    throw new AppError("VALIDATION", "A new user needs an initial password.", [{ field: "password", reason: "is required for a new user" }]);
  const passwordHash = existingUser ? null : await hashPassword(data.password!);
  return prisma.$transaction(async (tx) => {
    const user =
      existingUser ?? (await tx.user.create({ data: { email: data.email, name: data.name, passwordHash: passwordHash! }, select: { id: true } }));
    const already = await tx.membership.findFirst({ where: { ...inOrg(ctx), userId: user.id } });
    if (already) throw new AppError("CONFLICT", `${data.email} is already a member.`, [{ field: "email", reason: "already a member" }]);
    const membership = await tx.membership.create({ data: { ...inOrg(ctx), userId: user.id, role: data.role } });
    await recordAudit(tx, ctx, {
      action: "member.added",
      entityType: "Membership",
      entityId: membership.id,
      after: { email: data.email, role: data.role, newUser: !existingUser },
    });
    return { id: membership.id, email: data.email, role: data.role };
  });
}
