// The audit trail on a real database: every mutation writes its event in the same transaction, the chain verifies,
// the table is append-only (trigger), and tampering by someone who bypasses the trigger is detected.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordAudit } from "../../lib/audit/record";
import { verifyOrganizationChain } from "../../lib/audit/verify";
import { prisma } from "../../lib/db/client";
import { addMember } from "../../lib/services/organizations/add-member";
import { changeMemberRole } from "../../lib/services/organizations/change-member-role";
import { listAuditEvents } from "../../lib/services/audit/list-audit-events";
import { uploadCodecarbonFile } from "../../lib/services/imports/upload-codecarbon-file";
import { verifyAuditChain } from "../../lib/services/audit/verify-audit-chain";
import { expectAppError } from "../helpers/errors";
import { createTestOrg, databaseIsSuperuser, smallCodecarbonCsv, withPg } from "../helpers/db";

async function events(organizationId: string) {
  return prisma.auditEvent.findMany({ where: { organizationId }, orderBy: { seq: "asc" } });
}

/** An organization with a few audited mutations: created (1), admin added (2), member added (3), role changed (4), file uploaded (5), import committed (6). */
async function orgWithHistory(prefix: string) {
  const org = await createTestOrg(prefix, ["ADMIN"]);
  const admin = await org.ctx("ADMIN");
  const member = await addMember({ ctx: admin, input: { email: `new@${org.organization.slug}.test`, name: "New Member", role: "AUDITOR", password: "long-enough-password" } });
  await changeMemberRole({ ctx: admin, input: { membershipId: member.id, role: "ENGINEER" } });
  const upload = await uploadCodecarbonFile({ ctx: admin, input: { fileName: "emissions.csv", contentType: "text/csv", bytes: smallCodecarbonCsv(3), maxBytes: 1_000_000 } });
  return { org, admin, member, upload };
}

describe("audit events written by services", () => {
  it("each mutation appends its event in order (seq 1..n), inside the organization's own chain, and the chain verifies", async () => {
    const { org, admin, member, upload } = await orgWithHistory("audit-order");
    const rows = await events(org.organization.id);
    expect(rows.map((e) => [e.seq, e.action])).toEqual([
      [1, "organization.created"],
      [2, "member.added"],
      [3, "member.added"],
      [4, "member.role_changed"],
      [5, "import.uploaded"],
      [6, "import.committed"],
    ]);
    expect(rows[0]).toMatchObject({ actorLabel: "system", actorUserId: null, entityType: "Organization", entityId: org.organization.id });
    expect(rows[2]).toMatchObject({
      actorLabel: admin.actorLabel,
      actorUserId: admin.userId,
      requestId: admin.requestId,
      entityType: "Membership",
      entityId: member.id,
      after: { email: `new@${org.organization.slug}.test`, role: "AUDITOR", newUser: true },
    });
    expect(rows[2].before).toBeNull();
    expect(rows[3]).toMatchObject({ before: { role: "AUDITOR" }, after: { role: "ENGINEER" }, entityId: member.id });
    expect(rows[4]).toMatchObject({ entityType: "Import", entityId: upload.importId, after: { rowsTotal: 3, fileName: "emissions.csv" } });
    expect(rows[5]).toMatchObject({ entityType: "Import", entityId: upload.importId, after: { rowsImported: 3, rowsTotal: 3, fileName: "emissions.csv" } });
    // Linked: each prev_hash is the hash before it, starting from the genesis hash.
    expect(rows[0].prevHash).toBe("0".repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);

    expect(await verifyOrganizationChain(prisma, org.organization.id)).toEqual({ ok: true, checked: 6 });
    expect(await verifyAuditChain({ ctx: admin })).toEqual({ ok: true, checked: 6 });
    const listed = await listAuditEvents({ ctx: admin });
    expect(listed.events.map((e) => e.seq)).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it("chains are per organization: another organization's activity does not change this one's seq", async () => {
    const a = await createTestOrg("audit-chain-a", ["ADMIN"]);
    const b = await createTestOrg("audit-chain-b", ["ADMIN"]);
    await addMember({ ctx: await b.ctx("ADMIN"), input: { email: `x@${b.organization.slug}.test`, name: "X", role: "AUDITOR", password: "long-enough-password" } });
    await addMember({ ctx: await a.ctx("ADMIN"), input: { email: `y@${a.organization.slug}.test`, name: "Y", role: "AUDITOR", password: "long-enough-password" } });
    expect((await events(a.organization.id)).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect((await events(b.organization.id)).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it("concurrent mutations in one organization still produce one unbroken chain", async () => {
    const org = await createTestOrg("audit-concurrent", ["ADMIN"]);
    const admin = await org.ctx("ADMIN");
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        addMember({ ctx: admin, input: { email: `c${i}@${org.organization.slug}.test`, name: `C${i}`, role: "AUDITOR", password: "long-enough-password" } }),
      ),
    );
    const rows = await events(org.organization.id);
    expect(rows.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await verifyOrganizationChain(prisma, org.organization.id)).toEqual({ ok: true, checked: 8 });
  });

  it("a refused mutation writes no event", async () => {
    const org = await createTestOrg("audit-refused", ["ADMIN", "ENGINEER"]);
    const before = (await events(org.organization.id)).length;
    const admin = await org.ctx("ADMIN");
    await expectAppError(() => addMember({ ctx: admin, input: { email: org.users.ENGINEER!.email, name: "Again", role: "AUDITOR" } }), "CONFLICT");
    const engineer = await org.ctx("ENGINEER");
    await expectAppError(() => addMember({ ctx: engineer, input: { email: `z@${org.organization.slug}.test`, name: "Z", role: "ADMIN", password: "long-enough-password" } }), "FORBIDDEN");
    const adminMembership = await prisma.membership.findFirstOrThrow({ where: { organizationId: org.organization.id, userId: org.users.ADMIN!.id } });
    await expectAppError(() => changeMemberRole({ ctx: admin, input: { membershipId: adminMembership.id, role: "AUDITOR" } }), "CONFLICT");
    expect(await events(org.organization.id)).toHaveLength(before);
  });
});

describe("audit_events is append-only (trigger from migration 0002)", () => {
  it.each([
    ["UPDATE", `UPDATE audit_events SET action = 'forged' WHERE organization_id = $1`],
    ["DELETE", `DELETE FROM audit_events WHERE organization_id = $1`],
  ])("%s is refused", async (op, sql) => {
    const org = await createTestOrg(`audit-${op.toLowerCase()}`, ["ADMIN"]);
    const err = await withPg((c) => c.query(sql, [org.organization.id]).then(() => null, (e: Error & { code?: string }) => e));
    expect(err, `${op} was not refused`).not.toBeNull();
    expect(err!.code).toBe("42501");
    expect(err!.message).toContain(`audit_events is append-only: ${op} is not allowed`);
    expect((await events(org.organization.id)).map((e) => e.action)).toEqual(["organization.created", "member.added"]);
  });

  it("TRUNCATE is refused", async () => {
    const err = await withPg((c) => c.query("TRUNCATE audit_events CASCADE").then(() => null, (e: Error) => e));
    expect(err?.message).toContain("audit_events is append-only: TRUNCATE is not allowed");
  });

  it("Prisma cannot update or delete events either", async () => {
    const org = await createTestOrg("audit-prisma", ["ADMIN"]);
    await expect(prisma.auditEvent.updateMany({ where: { organizationId: org.organization.id }, data: { action: "forged" } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.deleteMany({ where: { organizationId: org.organization.id } })).rejects.toThrow(/append-only/);
    expect(await verifyOrganizationChain(prisma, org.organization.id)).toEqual({ ok: true, checked: 2 });
  });
});

describe("tampering that bypasses the trigger is detected by the hash chain", () => {
  // Disabling triggers (session_replication_role) needs a superuser: the embedded server's user is one.
  const superuser = databaseIsSuperuser();

  async function asSuperuserWithoutTriggers(sql: string, params: unknown[]) {
    await withPg(async (c) => {
      await c.query("BEGIN");
      await c.query("SET LOCAL session_replication_role = replica");
      await c.query(sql, params);
      await c.query("COMMIT");
    });
  }

  it.skipIf(!superuser)("an event's after altered in place → verify reports ok:false at that seq", async () => {
    const { org, admin } = await orgWithHistory("audit-tamper-update");
    await asSuperuserWithoutTriggers(
      `UPDATE audit_events SET after = jsonb_set(after, '{role}', '"ADMIN"') WHERE organization_id = $1 AND seq = 4`,
      [org.organization.id],
    );
    const result = await verifyOrganizationChain(prisma, org.organization.id);
    expect(result).toMatchObject({ ok: false, seq: 4, checked: 3 });
    if (!result.ok) expect(result.reason).toMatch(/altered/);
    expect(await verifyAuditChain({ ctx: admin })).toMatchObject({ ok: false, seq: 4 });
  });

  it.skipIf(!superuser)("an altered event whose hash was recomputed by the forger → the next link breaks", async () => {
    const { org } = await orgWithHistory("audit-tamper-rehash");
    const third = (await events(org.organization.id))[2];
    const { eventHash } = await import("../../lib/audit/chain");
    const forgedAfter = { ...(third.after as object), role: "ADMIN" };
    const forgedHash = eventHash({ ...third, before: third.before ?? null, after: forgedAfter });
    await asSuperuserWithoutTriggers(`UPDATE audit_events SET after = $2, hash = $3 WHERE organization_id = $1 AND seq = 3`, [
      org.organization.id,
      JSON.stringify(forgedAfter),
      forgedHash,
    ]);
    expect(await verifyOrganizationChain(prisma, org.organization.id)).toMatchObject({ ok: false, seq: 4 });
  });

  it.skipIf(!superuser)("a middle event deleted → verify reports the gap", async () => {
    const { org } = await orgWithHistory("audit-tamper-delete");
    await asSuperuserWithoutTriggers(`DELETE FROM audit_events WHERE organization_id = $1 AND seq = 3`, [org.organization.id]);
    const result = await verifyOrganizationChain(prisma, org.organization.id);
    expect(result).toMatchObject({ ok: false, seq: 4, checked: 2 });
    if (!result.ok) expect(result.reason).toMatch(/missing/);
  });

  it.skipIf(!superuser)("the last event deleted and nothing else: still a verifiable chain (documented limit of a hash chain)", async () => {
    // Truncating the tail cannot be detected by the chain alone; the count shows up in listAuditEvents.
    const { org } = await orgWithHistory("audit-tamper-tail");
    await asSuperuserWithoutTriggers(`DELETE FROM audit_events WHERE organization_id = $1 AND seq = 6`, [org.organization.id]);
    expect(await verifyOrganizationChain(prisma, org.organization.id)).toEqual({ ok: true, checked: 5 });
  });
});

describe("audit atomicity: a failed audit write rolls the mutation back", () => {
  it("a project created in a transaction whose audit insert fails (unknown organization → FK error) is not written", async () => {
    const org = await createTestOrg("audit-atomic", ["ADMIN"]);
    const name = `atomic-${randomUUID()}`;
    const failed = await prisma
      .$transaction(async (tx) => {
        await tx.project.create({ data: { organizationId: org.organization.id, name } });
        await recordAudit(
          tx,
          { userId: null, actorLabel: "system", organization: { id: randomUUID() }, requestId: "atomicity-test" },
          { action: "project.created", entityType: "Project", entityId: name },
        );
      })
      .then(() => null, (err: unknown) => err);
    expect(failed, "the audit insert should have failed").not.toBeNull();
    expect(String((failed as Error).message)).toMatch(/audit_events_organization_id_fkey|Foreign key constraint/i);
    expect(await prisma.project.findFirst({ where: { organizationId: org.organization.id, name } })).toBeNull();
    expect(await verifyOrganizationChain(prisma, org.organization.id)).toEqual({ ok: true, checked: 2 });
  });

  it("a service whose audit write fails at the very end leaves nothing behind (upload: evidence, import, projects, runs, measurements)", async () => {
    const org = await createTestOrg("audit-atomic-svc", ["ADMIN"]);
    const admin = await org.ctx("ADMIN");
    // A context without an actor label: every write of the service succeeds, then the audit insert
    // (actor_label NOT NULL) fails as the last statement of the transaction.
    const broken = { ...admin, actorLabel: null as unknown as string };
    await expect(
      uploadCodecarbonFile({ ctx: broken, input: { fileName: "e.csv", contentType: "text/csv", bytes: smallCodecarbonCsv(2), maxBytes: 1_000_000 } }),
    ).rejects.toThrow(/actorLabel/);
    const where = { organizationId: org.organization.id };
    expect(await prisma.evidenceFile.count({ where })).toBe(0);
    expect(await prisma.import.count({ where })).toBe(0);
    expect(await prisma.project.count({ where })).toBe(0);
    expect(await prisma.run.count({ where })).toBe(0);
    expect(await prisma.measurement.count({ where })).toBe(0);
    expect(await prisma.auditEvent.count({ where })).toBe(2);
    // The same upload with a proper context then works (nothing half-written blocks it as a "duplicate file").
    const ok = await uploadCodecarbonFile({ ctx: admin, input: { fileName: "e.csv", contentType: "text/csv", bytes: smallCodecarbonCsv(2, "fixed-run"), maxBytes: 1_000_000 } });
    expect(ok).toMatchObject({ duplicateFile: false, rowsImported: 2 });
  });

  it("addMember whose audit write fails creates neither the user nor the membership", async () => {
    const org = await createTestOrg("audit-atomic-member", ["ADMIN"]);
    const admin = await org.ctx("ADMIN");
    const email = `ghost@${org.organization.slug}.test`;
    await expect(
      addMember({ ctx: { ...admin, actorLabel: null as unknown as string }, input: { email, name: "Ghost", role: "AUDITOR", password: "long-enough-password" } }),
    ).rejects.toThrow();
    expect(await prisma.user.findUnique({ where: { email } })).toBeNull();
    expect(await prisma.membership.count({ where: { organizationId: org.organization.id } })).toBe(1);
    expect(await verifyOrganizationChain(prisma, org.organization.id)).toEqual({ ok: true, checked: 2 });
  });
});
