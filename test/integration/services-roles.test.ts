// Who may call which service: contexts come from requireMembership (as in the app), never built by hand.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { requireMembership, type ServiceContext } from "../../lib/auth/context";
import { ROLES, type Role } from "../../lib/auth/permissions";
import { prisma } from "../../lib/db/client";
import { addMember } from "../../lib/services/organizations/add-member";
import { changeMemberRole } from "../../lib/services/organizations/change-member-role";
import { downloadImportFile } from "../../lib/services/imports/download-import-file";
import { getDashboard } from "../../lib/services/inventory/get-dashboard";
import { getImport } from "../../lib/services/imports/get-import";
import { getOrganizationSettings } from "../../lib/services/organizations/get-organization-settings";
import { listAuditEvents } from "../../lib/services/audit/list-audit-events";
import { listImports } from "../../lib/services/imports/list-imports";
import { listMembers } from "../../lib/services/organizations/list-members";
import { listMyOrganizations } from "../../lib/services/organizations/list-my-organizations";
import { listProjects } from "../../lib/services/projects/list-projects";
import { uploadCodecarbonFile } from "../../lib/services/imports/upload-codecarbon-file";
import { verifyAuditChain } from "../../lib/services/audit/verify-audit-chain";
import { AppError } from "../../lib/errors";
import { createTestOrg, smallCodecarbonCsv, type TestOrg } from "../helpers/db";
import { expectAppError } from "../helpers/errors";

describe("requireMembership builds the context from the database", () => {
  it("returns the caller's organization, role and actor label", async () => {
    const org = await createTestOrg("ctx-basic", ["ADMIN", "AUDITOR"]);
    const ctx = await requireMembership({ userId: org.users.AUDITOR!.id, orgSlug: org.organization.slug, requestId: "r-1" });
    expect(ctx).toEqual({
      userId: org.users.AUDITOR!.id,
      actorLabel: `user:${org.users.AUDITOR!.email}`,
      organization: org.organization,
      role: "AUDITOR",
      requestId: "r-1",
    });
  });

  it("a member of org A asking for org B's slug gets NOT_FOUND (same answer as an unknown org)", async () => {
    const a = await createTestOrg("ctx-a", ["ADMIN"]);
    const b = await createTestOrg("ctx-b", ["ADMIN"]);
    const other = await expectAppError(() => requireMembership({ userId: a.users.ADMIN!.id, orgSlug: b.organization.slug, requestId: "r" }), "NOT_FOUND");
    const unknown = await expectAppError(() => requireMembership({ userId: a.users.ADMIN!.id, orgSlug: `no-such-${randomUUID().slice(0, 8)}`, requestId: "r" }), "NOT_FOUND");
    expect(other.message).toBe(unknown.message);
    expect(other.status).toBe(404);
  });

  it("no user is UNAUTHENTICATED; an unknown or malformed user id and a disabled user are NOT_FOUND", async () => {
    const org = await createTestOrg("ctx-disabled", ["ADMIN", "ENGINEER"]);
    for (const userId of [null, undefined, ""]) {
      const err = await expectAppError(() => requireMembership({ userId, orgSlug: org.organization.slug, requestId: "r" }), "UNAUTHENTICATED");
      expect(err.status).toBe(401);
    }
    await expectAppError(() => requireMembership({ userId: randomUUID(), orgSlug: org.organization.slug, requestId: "r" }), "NOT_FOUND");
    // A malformed id (old or corrupt session) is an unknown user, not a database error.
    await expectAppError(() => requireMembership({ userId: "not-a-uuid", orgSlug: org.organization.slug, requestId: "r" }), "NOT_FOUND");
    await prisma.user.update({ where: { id: org.users.ENGINEER!.id }, data: { disabledAt: new Date() } });
    await expectAppError(() => requireMembership({ userId: org.users.ENGINEER!.id, orgSlug: org.organization.slug, requestId: "r" }), "NOT_FOUND");
  });

  it("listMyOrganizations lists only the caller's memberships", async () => {
    const a = await createTestOrg("ctx-mine-a", ["ADMIN"]);
    const b = await createTestOrg("ctx-mine-b", ["ADMIN"]);
    await addMember({ ctx: await b.ctx("ADMIN"), input: { email: a.users.ADMIN!.email, name: "ignored", role: "AUDITOR" } });
    const mine = await listMyOrganizations({ userId: a.users.ADMIN!.id });
    expect(mine).toEqual(
      [
        { slug: a.organization.slug, name: a.organization.name, role: "ADMIN" },
        { slug: b.organization.slug, name: b.organization.name, role: "AUDITOR" },
      ].sort((x, y) => x.name.localeCompare(y.name)),
    );
  });
});

type Call = (ctx: ServiceContext, env: { org: TestOrg; importId: string }) => Promise<unknown>;

/** Every service and the roles that may call it (the role matrix of lib/auth/permissions.ts, restated by hand). */
const MATRIX: { service: string; allowed: Role[]; call: Call }[] = [
  {
    service: "addMember",
    allowed: ["ADMIN"],
    call: (ctx, { org }) => addMember({ ctx, input: { email: `m-${randomUUID().slice(0, 8)}@${org.organization.slug}.test`, name: "M", role: "AUDITOR", password: "long-enough-password" } }),
  },
  {
    service: "changeMemberRole",
    allowed: ["ADMIN"],
    call: async (ctx, { org }) => {
      const m = await prisma.membership.findFirstOrThrow({ where: { organizationId: org.organization.id, userId: org.users.AUDITOR!.id } });
      return changeMemberRole({ ctx, input: { membershipId: m.id, role: "AUDITOR" } });
    },
  },
  {
    service: "uploadCodecarbonFile",
    allowed: ["ADMIN", "OFFICER", "ENGINEER"],
    call: (ctx) => uploadCodecarbonFile({ ctx, input: { fileName: "emissions.csv", contentType: "text/csv", bytes: smallCodecarbonCsv(2), maxBytes: 1_000_000 } }),
  },
  { service: "downloadImportFile", allowed: ["ADMIN", "OFFICER", "ENGINEER", "AUDITOR"], call: (ctx, { importId }) => downloadImportFile({ ctx, input: { importId } }) },
  { service: "getImport", allowed: ["ADMIN", "OFFICER", "ENGINEER", "AUDITOR"], call: (ctx, { importId }) => getImport({ ctx, input: { importId } }) },
  { service: "listImports", allowed: ["ADMIN", "OFFICER", "ENGINEER", "AUDITOR"], call: (ctx) => listImports({ ctx }) },
  { service: "getDashboard", allowed: ["ADMIN", "OFFICER", "ENGINEER", "AUDITOR"], call: (ctx) => getDashboard({ ctx }) },
  { service: "listProjects", allowed: ["ADMIN", "OFFICER", "ENGINEER", "AUDITOR"], call: (ctx) => listProjects({ ctx }) },
  { service: "listMembers", allowed: ["ADMIN", "OFFICER", "ENGINEER", "AUDITOR"], call: (ctx) => listMembers({ ctx }) },
  { service: "getOrganizationSettings", allowed: ["ADMIN", "OFFICER", "ENGINEER", "AUDITOR"], call: (ctx) => getOrganizationSettings({ ctx }) },
  { service: "listAuditEvents", allowed: ["ADMIN", "OFFICER", "AUDITOR"], call: (ctx) => listAuditEvents({ ctx }) },
  { service: "verifyAuditChain", allowed: ["ADMIN", "OFFICER", "AUDITOR"], call: (ctx) => verifyAuditChain({ ctx }) },
];

describe("services × roles", () => {
  let org: TestOrg;
  let importId: string;
  beforeAll(async () => {
    org = await createTestOrg("roles-matrix");
    importId = (await uploadCodecarbonFile({ ctx: await org.ctx("ADMIN"), input: { fileName: "seed.csv", contentType: "text/csv", bytes: smallCodecarbonCsv(2), maxBytes: 1_000_000 } })).importId;
  });

  for (const { service, allowed, call } of MATRIX) {
    for (const role of ROLES) {
      const may = allowed.includes(role);
      it(`${service} as ${role}: ${may ? "allowed" : "FORBIDDEN"}`, async () => {
        const ctx = await org.ctx(role);
        const auditBefore = await prisma.auditEvent.count({ where: { organizationId: org.organization.id } });
        if (may) {
          await expect(call(ctx, { org, importId })).resolves.toBeDefined();
        } else {
          const err = await expectAppError(() => call(ctx, { org, importId }), "FORBIDDEN");
          expect(err.status).toBe(403);
          // Refused before anything happened.
          expect(await prisma.auditEvent.count({ where: { organizationId: org.organization.id } })).toBe(auditBefore);
        }
      });
    }
  }

  it("explicit cases from the role matrix", async () => {
    const engineer = await org.ctx("ENGINEER");
    const auditor = await org.ctx("AUDITOR");
    await expectAppError(() => addMember({ ctx: engineer, input: { email: `e@${org.organization.slug}.test`, name: "E", role: "ADMIN", password: "long-enough-password" } }), "FORBIDDEN");
    const importsBefore = await prisma.import.count({ where: { organizationId: org.organization.id } });
    await expectAppError(
      () => uploadCodecarbonFile({ ctx: auditor, input: { fileName: "a.csv", contentType: "text/csv", bytes: smallCodecarbonCsv(1), maxBytes: 1_000_000 } }),
      "FORBIDDEN",
    );
    expect(await prisma.import.count({ where: { organizationId: org.organization.id } })).toBe(importsBefore);
    const ok = await uploadCodecarbonFile({ ctx: engineer, input: { fileName: "e.csv", contentType: "text/csv", bytes: smallCodecarbonCsv(1), maxBytes: 1_000_000 } });
    expect(ok).toMatchObject({ duplicateFile: false, rowsImported: 1 });
  });

  it("authorization comes before validation: a forbidden caller with invalid input still gets FORBIDDEN", async () => {
    const auditor = await org.ctx("AUDITOR");
    const officer = await org.ctx("OFFICER");
    await expectAppError(() => addMember({ ctx: auditor, input: { email: "not-an-email" } }), "FORBIDDEN");
    await expectAppError(() => changeMemberRole({ ctx: officer, input: { membershipId: "x", role: "GOD" } }), "FORBIDDEN");
  });

  it("invalid input from an allowed caller is VALIDATION with field issues", async () => {
    const admin = await org.ctx("ADMIN");
    const err = await expectAppError(() => addMember({ ctx: admin, input: { email: "not-an-email", name: "", role: "GOD" } }), "VALIDATION");
    expect(err.status).toBe(422);
    expect(err.issues.map((i) => i.field).sort()).toEqual(["email", "name", "role"]);
    const noPassword = await expectAppError(() => addMember({ ctx: admin, input: { email: `np@${org.organization.slug}.test`, name: "N", role: "AUDITOR" } }), "VALIDATION");
    expect(noPassword.issues).toEqual([{ field: "password", reason: "is required for a new user" }]);
  });

  it("the last admin cannot be demoted (CONFLICT), a second admin makes it possible", async () => {
    const solo = await createTestOrg("roles-last-admin", ["ADMIN"]);
    const admin = await solo.ctx("ADMIN");
    const own = await prisma.membership.findFirstOrThrow({ where: { organizationId: solo.organization.id, userId: solo.users.ADMIN!.id } });
    await expectAppError(() => changeMemberRole({ ctx: admin, input: { membershipId: own.id, role: "OFFICER" } }), "CONFLICT");
    await addMember({ ctx: admin, input: { email: `second@${solo.organization.slug}.test`, name: "Second", role: "ADMIN", password: "long-enough-password" } });
    await expect(changeMemberRole({ ctx: admin, input: { membershipId: own.id, role: "OFFICER" } })).resolves.toMatchObject({ role: "OFFICER" });
  });

  it("an existing user joins another organization with their password unchanged", async () => {
    const a = await createTestOrg("roles-join-a", ["ADMIN"]);
    const b = await createTestOrg("roles-join-b", ["ADMIN"]);
    const hashBefore = (await prisma.user.findUniqueOrThrow({ where: { id: a.users.ADMIN!.id } })).passwordHash;
    const added = await addMember({ ctx: await b.ctx("ADMIN"), input: { email: a.users.ADMIN!.email.toUpperCase(), name: "Other", role: "OFFICER", password: "a-different-password" } });
    expect(added).toMatchObject({ email: a.users.ADMIN!.email, role: "OFFICER" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: a.users.ADMIN!.id } })).passwordHash).toBe(hashBefore);
    const ctx = await requireMembership({ userId: a.users.ADMIN!.id, orgSlug: b.organization.slug, requestId: "r" });
    expect(ctx.role).toBe("OFFICER");
  });

  it("AppError codes map to HTTP statuses", () => {
    expect(new AppError("FORBIDDEN", "x").status).toBe(403);
    expect(new AppError("NOT_FOUND", "x").status).toBe(404);
    expect(new AppError("PAYLOAD_TOO_LARGE", "x").status).toBe(413);
    expect(new AppError("UNSUPPORTED_MEDIA_TYPE", "x").status).toBe(415);
  });
});
