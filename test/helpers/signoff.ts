// The three-person sign-off chain in tests (issue 14): a second officer as reviewer, added to a test organization,
// and signOff(): the officer submits, the reviewer reviews, the admin approves.
import { randomUUID } from "node:crypto";
import { requireMembership, type ServiceContext } from "../../lib/auth/context";
import { prisma } from "../../lib/db/client";
import { approvePeriod } from "../../lib/services/periods/approve-period";
import { reviewPeriod } from "../../lib/services/periods/review-period";
import { submitPeriod } from "../../lib/services/periods/submit-period";

/** A member of the organization with the given role, created once per (organization, label). */
export async function extraMember(organizationId: string, label: string, role: "OFFICER" | "ADMIN" | "AUDITOR" = "OFFICER"): Promise<ServiceContext> {
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { slug: true } });
  const email = `${label}@${org.slug}.test`;
  const user = await prisma.user.upsert({ where: { email }, update: {}, create: { email, name: `${label} of ${org.slug}`, passwordHash: "scrypt$test" } });
  await prisma.membership.upsert({ where: { organizationId_userId: { organizationId, userId: user.id } }, update: {}, create: { organizationId, userId: user.id, role } });
  return requireMembership({ userId: user.id, orgSlug: org.slug, requestId: `req-${label}-${randomUUID().slice(0, 8)}` });
}

/** The reviewer of a period's organization (a second officer). */
export async function reviewerFor(periodId: string): Promise<ServiceContext> {
  const p = await prisma.reportingPeriod.findUniqueOrThrow({ where: { id: periodId }, select: { organizationId: true } });
  return extraMember(p.organizationId, "reviewer");
}

/** Preparer submits, a second officer reviews, the approver approves. */
export async function signOff(preparer: ServiceContext, approver: ServiceContext, periodId: string, acknowledgeUnresolved = false) {
  await submitPeriod({ ctx: preparer, input: { periodId, acknowledgeUnresolved } });
  await reviewPeriod({ ctx: await reviewerFor(periodId), input: { periodId } });
  return approvePeriod({ ctx: approver, input: { periodId } });
}
