// Inquiries, review notes and the three-person sign-off chain (issue 14) on the real database.
import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/client";
import { createActivity } from "../../lib/services/activity/create-activity";
import { addReviewNote } from "../../lib/services/assurance/add-review-note";
import { answerInquiry } from "../../lib/services/assurance/answer-inquiry";
import { closeInquiry } from "../../lib/services/assurance/close-inquiry";
import { listReviewNotes } from "../../lib/services/assurance/list-review-notes";
import { raiseInquiry } from "../../lib/services/assurance/raise-inquiry";
import { approvePeriod } from "../../lib/services/periods/approve-period";
import { reviewPeriod } from "../../lib/services/periods/review-period";
import { submitPeriod } from "../../lib/services/periods/submit-period";
import { createTestOrg } from "../helpers/db";
import { expectAppError } from "../helpers/errors";
import { period } from "../helpers/ledger";
import { extraMember } from "../helpers/signoff";

async function engaged(prefix: string) {
  const org = await createTestOrg(prefix);
  const o = org.organization.id;
  const fy = await period(o, "FY2025", "2025-01-01", "2025-12-31", "1000000");
  const auditorMembership = await prisma.membership.findFirstOrThrow({ where: { organizationId: o, userId: org.users.AUDITOR!.id } });
  const e = await prisma.engagement.create({ data: { organizationId: o, name: "LA 2025", firm: "Audit & Co", startDate: new Date("2026-01-01"), endDate: new Date("2026-03-31"), overallMaterialityKgCo2e: "5000", performanceMaterialityKgCo2e: "3750", clearlyTrivialKgCo2e: "250" } });
  await prisma.engagementPeriod.create({ data: { engagementId: e.id, periodId: fy.id, organizationId: o } });
  await prisma.engagementAuditor.create({ data: { engagementId: e.id, membershipId: auditorMembership.id, organizationId: o } });
  return { org, o, fy, e, auditor: await org.ctx("AUDITOR"), officer: await org.ctx("OFFICER"), admin: await org.ctx("ADMIN") };
}

describe("inquiries", () => {
  it("open → answered (with a hashed attachment) → closed with an uncorrected misstatement of 1.5 t stored as 1500 kg; audited", async () => {
    const { o, fy, auditor, officer } = await engaged("inq-flow");
    const q = await raiseInquiry({ ctx: auditor, input: { periodId: fy.id, anchorType: "PERIOD", anchorRef: "", title: "Boundary", question: "Which sites are in?" } });
    expect(q.status).toBe("OPEN");
    const a = await answerInquiry({ ctx: officer, input: { inquiryId: q.id, answer: "All of them" }, attachments: [{ fileName: "sites.csv", contentType: "text/csv", bytes: Buffer.from("a,b\n") }] });
    expect(a.status).toBe("ANSWERED");
    expect(a.thread[1].attachments[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    await expectAppError(() => answerInquiry({ ctx: officer, input: { inquiryId: q.id, answer: "again" } }), "CONFLICT");
    const c = await closeInquiry({ ctx: auditor, input: { inquiryId: q.id, resolution: "MISSTATEMENT", misstatementTCo2e: "1.5", corrected: false } });
    expect(c).toMatchObject({ status: "CLOSED", resolution: "MISSTATEMENT", misstatement: { amountKgCo2e: "1500", corrected: false } });
    const actions = (await prisma.auditEvent.findMany({ where: { organizationId: o, entityId: q.id }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["inquiry.raised", "inquiry.answered", "inquiry.closed"]);
  });

  it("an anchor of another organization is not found, naming the anchor; nothing written", async () => {
    const { fy, auditor } = await engaged("inq-anchor");
    const other = await createTestOrg("inq-other");
    const otherPeriod = await period(other.organization.id, "FY2025", "2025-01-01", "2025-12-31", "1");
    const err = await expectAppError(() => raiseInquiry({ ctx: auditor, input: { periodId: fy.id, anchorType: "PERIOD", anchorRef: otherPeriod.id, title: "x", question: "y" } }), "NOT_FOUND");
    expect(err.issues.map((i) => i.field)).toEqual(["anchorRef"]);
    expect(await prisma.inquiry.count({ where: { organizationId: auditor.organization.id } })).toBe(0);
  });

  it("review notes are the auditor's alone: ADMIN and OFFICER are refused", async () => {
    const { fy, auditor, admin, officer } = await engaged("inq-notes");
    await addReviewNote({ ctx: auditor, input: { periodId: fy.id, anchorType: "PERIOD", body: "secret thought" } });
    expect((await listReviewNotes({ ctx: auditor })).map((n) => n.body)).toEqual(["secret thought"]);
    for (const ctx of [admin, officer]) await expectAppError(() => listReviewNotes({ ctx }), "FORBIDDEN");
    const events = await prisma.auditEvent.findMany({ where: { organizationId: fy.organizationId, action: "review-note.added" } });
    expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toContain("secret thought");
  });
});

describe("sign-off chain", () => {
  it("preparer cannot review, approve before review refused, reviewer cannot approve, a third person approves", async () => {
    const org = await createTestOrg("chain");
    const fy = await period(org.organization.id, "FY2025", "2025-01-01", "2025-12-31", "1000000");
    const officer = await org.ctx("OFFICER");
    await createActivity({ ctx: officer, input: { periodStart: "2025-03-01", periodEnd: "2025-03-28", category: "electricity", quantity: "1", unit: "kWh" } }).catch(() => {});
    const { recalculateAndCheck } = await import("../../lib/services/inventory/recalculate-and-check");
    await recalculateAndCheck({ ctx: officer, input: { periodId: fy.id } });
    await submitPeriod({ ctx: officer, input: { periodId: fy.id, acknowledgeUnresolved: true } });
    const admin = await org.ctx("ADMIN");
    const reviewer = await extraMember(org.organization.id, "reviewer");
    await expectAppError(() => reviewPeriod({ ctx: officer, input: { periodId: fy.id } }), "FORBIDDEN");
    await expectAppError(() => approvePeriod({ ctx: admin, input: { periodId: fy.id } }), "CONFLICT");
    await reviewPeriod({ ctx: reviewer, input: { periodId: fy.id, note: "ok" } });
    await expectAppError(() => approvePeriod({ ctx: reviewer, input: { periodId: fy.id } }), "FORBIDDEN");
    const v = await approvePeriod({ ctx: admin, input: { periodId: fy.id } });
    const row = await prisma.reportVersion.findFirstOrThrow({ where: { id: v.reportVersion.id } });
    expect(row.reviewedById).toBe(reviewer.userId);
  });
});
