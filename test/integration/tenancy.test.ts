// Tenancy at the service level: an id from organization A, presented with organization B's context, is "not
// found" — never data, never a change — and a malformed id is "not found" too, not a crash.
import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/client";
import { changeMemberRole } from "../../lib/services/organizations/change-member-role";
import { downloadImportFile } from "../../lib/services/imports/download-import-file";
import { getDashboard } from "../../lib/services/inventory/get-dashboard";
import { getImport } from "../../lib/services/imports/get-import";
import { listAuditEvents } from "../../lib/services/audit/list-audit-events";
import { listImports } from "../../lib/services/imports/list-imports";
import { listMembers } from "../../lib/services/organizations/list-members";
import { listProjects } from "../../lib/services/projects/list-projects";
import { uploadCodecarbonFile } from "../../lib/services/imports/upload-codecarbon-file";
import { CODECARBON_24, fixtureBytes } from "../helpers/fixtures";
import { createTestOrg } from "../helpers/db";
import { expectAppError } from "../helpers/errors";

async function twoOrgs(prefix: string) {
  const a = await createTestOrg(`${prefix}-a`, ["ADMIN", "AUDITOR"]);
  const b = await createTestOrg(`${prefix}-b`, ["ADMIN", "AUDITOR"]);
  const upload = await uploadCodecarbonFile({
    ctx: await a.ctx("ADMIN"),
    input: { fileName: "a-emissions.csv", contentType: "text/csv", bytes: fixtureBytes(CODECARBON_24), maxBytes: 10_000_000 },
  });
  return { a, b, importId: upload.importId };
}

const MALFORMED = ["", "not-a-uuid", "1", "00000000-0000-0000-0000-00000000000g", "' OR 1=1 --", "0".repeat(36), "../../etc/passwd"];

describe("cross-tenant access through services", () => {
  it("org A's import id with org B's context: getImport and downloadImportFile are NOT_FOUND", async () => {
    const { a, b, importId } = await twoOrgs("ten-import");
    for (const role of ["ADMIN", "AUDITOR"] as const) {
      const ctxB = await b.ctx(role);
      await expectAppError(() => getImport({ ctx: ctxB, input: { importId } }), "NOT_FOUND");
      await expectAppError(() => downloadImportFile({ ctx: ctxB, input: { importId } }), "NOT_FOUND");
    }
    // The owner still sees it.
    const ctxA = await a.ctx("AUDITOR");
    await expect(getImport({ ctx: ctxA, input: { importId } })).resolves.toMatchObject({ id: importId, rowsImported: 26 });
  });

  it("org B's lists and dashboard show none of org A's data", async () => {
    const { b } = await twoOrgs("ten-lists");
    const ctxB = await b.ctx("ADMIN");
    expect(await listImports({ ctx: ctxB })).toEqual([]);
    expect(await listProjects({ ctx: ctxB })).toEqual([]);
    expect((await listMembers({ ctx: ctxB })).map((m) => m.email).sort()).toEqual([b.users.ADMIN!.email, b.users.AUDITOR!.email].sort());
    expect((await listAuditEvents({ ctx: ctxB })).events.map((e) => e.action)).toEqual(["member.added", "member.added", "organization.created"]);
    expect((await getDashboard({ ctx: ctxB })).totals).toEqual({ energyKwh: "0", trackerEmissionsKgCo2e: "0", runs: 0, projects: 0, imports: 0 });
  });

  it("changeMemberRole with a membership id of the other organization is NOT_FOUND and changes nothing", async () => {
    const { a, b } = await twoOrgs("ten-role");
    const victim = await prisma.membership.findFirstOrThrow({ where: { organizationId: a.organization.id, userId: a.users.AUDITOR!.id } });
    const auditA = await prisma.auditEvent.count({ where: { organizationId: a.organization.id } });
    const auditB = await prisma.auditEvent.count({ where: { organizationId: b.organization.id } });
    const ctxB = await b.ctx("ADMIN");
    await expectAppError(() => changeMemberRole({ ctx: ctxB, input: { membershipId: victim.id, role: "ADMIN" } }), "NOT_FOUND");
    const after = await prisma.membership.findUniqueOrThrow({ where: { id: victim.id } });
    expect(after.role).toBe("AUDITOR");
    expect(after.updatedAt.getTime()).toBe(victim.updatedAt.getTime());
    expect(await prisma.auditEvent.count({ where: { organizationId: a.organization.id } })).toBe(auditA);
    expect(await prisma.auditEvent.count({ where: { organizationId: b.organization.id } })).toBe(auditB);
  });

  it.each(MALFORMED)("malformed id %j is NOT_FOUND, not a crash", async (id) => {
    const org = await createTestOrg("ten-malformed", ["ADMIN"]);
    const ctx = await org.ctx("ADMIN");
    await expectAppError(() => getImport({ ctx, input: { importId: id } }), "NOT_FOUND");
    await expectAppError(() => downloadImportFile({ ctx, input: { importId: id } }), "NOT_FOUND");
    await expectAppError(() => changeMemberRole({ ctx, input: { membershipId: id, role: "AUDITOR" } }), "NOT_FOUND");
  });

  it("a well-formed but unknown id is NOT_FOUND", async () => {
    const org = await createTestOrg("ten-unknown", ["ADMIN"]);
    const ctx = await org.ctx("ADMIN");
    const id = "6f1c2d3e-4b5a-4c6d-8e7f-0123456789ab";
    await expectAppError(() => getImport({ ctx, input: { importId: id } }), "NOT_FOUND");
    await expectAppError(() => downloadImportFile({ ctx, input: { importId: id } }), "NOT_FOUND");
    await expectAppError(() => changeMemberRole({ ctx, input: { membershipId: id, role: "AUDITOR" } }), "NOT_FOUND");
  });

  it("deduplication is per organization: the same file in org B is imported in full, A's runs untouched", async () => {
    const { a, b } = await twoOrgs("ten-dedupe");
    const result = await uploadCodecarbonFile({
      ctx: await b.ctx("ADMIN"),
      input: { fileName: "b-emissions.csv", contentType: "text/csv", bytes: fixtureBytes(CODECARBON_24), maxBytes: 10_000_000 },
    });
    expect(result).toMatchObject({ duplicateFile: false, rowsTotal: 28, rowsImported: 26, rowsDuplicate: 0, rowsFailed: 2 });
    expect(await prisma.run.count({ where: { organizationId: a.organization.id } })).toBe(19);
    expect(await prisma.run.count({ where: { organizationId: b.organization.id } })).toBe(19);
    const sameRun = await prisma.run.findMany({ where: { externalRunId: "8a1d9822-56c9-4c52-8497-5a2e32dd5b03", organizationId: { in: [a.organization.id, b.organization.id] } } });
    expect(new Set(sameRun.map((r) => r.organizationId)).size).toBe(2);
  });
});
