// Use case (system): create an organization with its first admin. Used by the demo seed and test factories;
// the organization's audit chain starts with this event.
import { z } from "zod";
import { hashPassword } from "../../auth/password";
import { recordAudit } from "../../audit/record";
import type { PrismaClient } from "../../generated/prisma/client";
import { parseInput } from "../../parse-input";

export const CreateOrganizationInput = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,47}$/, "must be 2-48 lowercase letters, digits or dashes"),
  name: z.string().trim().min(1).max(200),
  reportingCurrency: z.string().regex(/^[A-Z]{3}$/).default("EUR"),
  fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
  consolidationApproach: z.enum(["OPERATIONAL_CONTROL", "FINANCIAL_CONTROL", "EQUITY_SHARE"]).default("OPERATIONAL_CONTROL"),
  members: z
    .array(
      z.object({
        email: z.email().transform((e) => e.toLowerCase()),
        name: z.string().min(1),
        password: z.string().min(10),
        role: z.enum(["ADMIN", "OFFICER", "ENGINEER", "AUDITOR"]),
      }),
    )
    .min(1),
});

export async function createOrganization({
  db,
  input,
  requestId = "system",
}: {
  db: PrismaClient;
  input: z.input<typeof CreateOrganizationInput>;
  requestId?: string;
}) {
  const data = parseInput(CreateOrganizationInput, input);
  const hashes = await Promise.all(data.members.map((m) => hashPassword(m.password)));
  return db.$transaction(async (tx) => {
    const org = await tx.organization.create({
      data: {
        slug: data.slug,
        name: data.name,
        reportingCurrency: data.reportingCurrency,
        fiscalYearStartMonth: data.fiscalYearStartMonth,
        consolidationApproach: data.consolidationApproach,
      },
    });
    const actor = { userId: null, actorLabel: "system", organization: { id: org.id }, requestId };
    await recordAudit(tx, actor, { action: "organization.created", entityType: "Organization", entityId: org.id, after: { slug: org.slug, name: org.name } });
    const users = [];
    for (const [i, m] of data.members.entries()) {
      const user = await tx.user.upsert({
        where: { email: m.email },
        update: {},
        create: { email: m.email, name: m.name, passwordHash: hashes[i] },
      });
      const membership = await tx.membership.create({ data: { organizationId: org.id, userId: user.id, role: m.role } });
      await recordAudit(tx, actor, { action: "member.added", entityType: "Membership", entityId: membership.id, after: { email: m.email, role: m.role } });
      users.push({ id: user.id, email: m.email, role: m.role });
    }
    return { organization: org, users };
  });
}
