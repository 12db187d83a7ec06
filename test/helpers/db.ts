// Integration helpers: raw SQL on the test database, scratch databases, and organizations built through the
// same service the seed uses (createOrganization), with ServiceContexts from requireMembership.
import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { requireMembership, type ServiceContext } from "../../lib/auth/context";
import type { Role } from "../../lib/auth/permissions";
import { prisma } from "../../lib/db/client";
import { createOrganization } from "../../lib/services/organizations/create-organization";

export const databaseUrl = (): string => inject("databaseUrl");
export const databaseIsSuperuser = (): boolean => inject("databaseIsSuperuser");

export const PASSWORD = "correct-horse-battery";

/** Runs fn with a pg client on the test database (or another url), always closing it. */
export async function withPg<T>(fn: (client: pg.Client) => Promise<T>, url = databaseUrl()): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A new empty database on the test server, for tests that must not touch the shared one. */
export async function createScratchDatabase(prefix = "scratch"): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  await withPg((c) => c.query(`CREATE DATABASE "${name}"`));
  const u = new URL(databaseUrl());
  u.pathname = `/${name}`;
  return {
    name,
    url: u.toString(),
    drop: () => withPg((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

export function uniqueSlug(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export interface TestOrg {
  organization: { id: string; slug: string; name: string };
  /** One member per requested role (emails are unique to this organization). */
  users: Record<Role, { id: string; email: string } | undefined>;
  ctx(role: Role): Promise<ServiceContext>;
}

/** A fresh organization with one member for each role given (the first must be ADMIN: the org needs one). */
/**
 * Auditors see only the periods of their engagements (decision 0027). Unless `{ engagement: false }`, the auditor of a
 * test organization is on a standing "Test engagement" that covers every period: `period()` (test/helpers/ledger.ts)
 * adds new ones, and ctx("AUDITOR") covers those made otherwise. Scope tests build their own engagements instead.
 */
export async function createTestOrg(prefix: string, roles: Role[] = ["ADMIN", "OFFICER", "ENGINEER", "AUDITOR"], opts: { engagement?: boolean } = {}): Promise<TestOrg> {
  const slug = uniqueSlug(prefix);
  const { organization, users } = await createOrganization({
    db: prisma,
    input: {
      slug,
      name: `Test ${slug}`,
      members: roles.map((role) => ({ email: `${role.toLowerCase()}@${slug}.test`, name: `${role} of ${slug}`, password: PASSWORD, role })),
    },
    requestId: `test-${slug}`,
  });
  const byRole = {} as TestOrg["users"];
  for (const u of users) byRole[u.role] = { id: u.id, email: u.email };
  if (byRole.AUDITOR && opts.engagement !== false) await standingEngagement(organization.id, byRole.AUDITOR.id);
  return {
    organization: { id: organization.id, slug: organization.slug, name: organization.name },
    users: byRole,
    async ctx(role: Role) {
      const user = byRole[role];
      if (!user) throw new Error(`test org ${slug} has no ${role}`);
      if (role === "AUDITOR" && opts.engagement !== false) await coverAllPeriods(organization.id);
      return requireMembership({ userId: user.id, orgSlug: slug, requestId: `req-${role.toLowerCase()}-${randomUUID().slice(0, 8)}` });
    },
  };
}

/** A small valid CodeCarbon 2.x file with n rows of one run (distinct bytes per call thanks to the run id). */
export function smallCodecarbonCsv(n = 2, runId: string = randomUUID()): Buffer {
  const header = "timestamp,project_name,run_id,duration,emissions,energy_consumed,cpu_count";
  const rows = Array.from({ length: n }, (_, i) => `2025-03-01T10:00:${String(i).padStart(2, "0")},svc-project,${runId},${(i + 1) * 10},0.00${i + 1},0.0${i + 1},4`);
  return Buffer.from([header, ...rows].join("\n") + "\n", "utf8");
}

export function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}


export const STANDING_ENGAGEMENT = "Test engagement";

async function standingEngagement(organizationId: string, auditorUserId: string): Promise<void> {
  const membership = await prisma.membership.findFirstOrThrow({ where: { organizationId, userId: auditorUserId }, select: { id: true } });
  await prisma.engagement.create({
    data: {
      organizationId, name: STANDING_ENGAGEMENT, firm: "Test Assurance", startDate: new Date("2020-01-01T00:00:00Z"), endDate: new Date("2030-12-31T00:00:00Z"),
      overallMaterialityKgCo2e: "1000", performanceMaterialityKgCo2e: "750", clearlyTrivialKgCo2e: "50",
      auditors: { create: [{ membershipId: membership.id, organizationId }] },
    },
  });
}

/** Adds every period of the organization to its standing test engagement (none: nothing to do). */
export async function coverAllPeriods(organizationId: string): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO engagement_periods (engagement_id, period_id, organization_id)
    SELECT e.id, p.id, p.organization_id FROM engagements e JOIN reporting_periods p ON p.organization_id = e.organization_id
     WHERE e.organization_id = ${organizationId}::uuid AND e.name = ${STANDING_ENGAGEMENT}
    ON CONFLICT DO NOTHING`;
}
