// Use case: the auditor raises an inquiry on a period of their engagement, anchored to a datapoint, a ledger line, a
// source record, a file, a factor or the period, assigned to a member who can answer, with a due date and files.
// The anchor must exist in this organization (404 naming it otherwise); nothing is written on any refusal.
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { authorize, type ServiceContext } from "../../auth/context";
import { can } from "../../auth/permissions";
import { prisma } from "../../db/client";
import { byId, inOrg, isUuid } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import type { InquiryDetail } from "../../views/inquiries";
import type { Attachment } from "../activity/evidence";
import { AnchorInput, checkAnchor, datapointLabels } from "./anchors";
import { appendMessage, auditorEngagement, checkAttachments, inquiryDetail } from "./inquiry-access";

const blankToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

export const RaiseInquiryInput = AnchorInput.extend({
  periodId: z.string().refine(isUuid, "Reporting period not found."),
  engagementId: z.preprocess(blankToNull, z.string().refine(isUuid, "Engagement not found.").nullable()).default(null),
  title: z.string({ error: "must not be empty" }).trim().min(1, "must not be empty").max(200),
  question: z.string({ error: "must not be empty" }).trim().min(1, "must not be empty: what do you ask?").max(10000),
  assigneeMembershipId: z.preprocess(blankToNull, z.string().refine(isUuid, "Member not found.").nullable()).default(null),
  dueDate: z.preprocess(blankToNull, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (YYYY-MM-DD)").nullable()).default(null),
});

export async function raiseInquiry({ ctx, input, attachments }: { ctx: ServiceContext; input: unknown; attachments?: Attachment[] }): Promise<InquiryDetail> {
  authorize(ctx, "assurance:work");
  const data = parseInput(RaiseInquiryInput, input);
  const files = checkAttachments(attachments);
  const engagement = await auditorEngagement(prisma, ctx, data.periodId, data.engagementId);
  if (engagement.status !== "OPEN") throw new AppError("CONFLICT", `${engagement.name} is concluded: no new inquiries.`, [{ field: "engagementId", reason: "engagement concluded" }]);
  const period = await prisma.reportingPeriod.findFirst({ where: byId(ctx, data.periodId), select: { id: true, name: true } });
  if (!period) throw notFound("Reporting period");
  const datapoints = data.anchorType === "DATAPOINT" ? await datapointLabels(ctx, period.id) : undefined;
  const id = await prisma.$transaction(async (tx) => {
    const anchor = await checkAnchor(tx, ctx, period, data, datapoints);
    if (data.assigneeMembershipId) {
      const m = await tx.membership.findFirst({ where: byId(ctx, data.assigneeMembershipId), select: { role: true } });
      if (!m) throw new AppError("NOT_FOUND", "Member not found.", [{ field: "assigneeMembershipId", reason: "not a member of this organization" }]);
      if (!can(m.role, "inquiry:answer")) throw new AppError("VALIDATION", "That member cannot answer inquiries: assign an officer or an admin.", [{ field: "assigneeMembershipId", reason: `a ${m.role.toLowerCase()} cannot answer inquiries` }]);
    }
    // Numbers per organization: the audit chain's lock serialises writers of this organization.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`inquiry-number:${ctx.organization.id}`}))`;
    const last = await tx.inquiry.findFirst({ where: inOrg(ctx), orderBy: { number: "desc" }, select: { number: true } });
    const row = await tx.inquiry.create({
      data: {
        ...inOrg(ctx),
        engagementId: engagement.id,
        periodId: period.id,
        number: (last?.number ?? 0) + 1,
        title: data.title,
        anchorType: data.anchorType,
        anchorRef: anchor.anchorRef,
        anchorLabel: anchor.anchorLabel,
        askedById: ctx.userId!,
        assigneeMembershipId: data.assigneeMembershipId,
        dueDate: data.dueDate ? new Date(`${data.dueDate}T00:00:00Z`) : null,
      },
    });
    const msg = await appendMessage(tx, ctx, row.id, "QUESTION", data.question, files);
    await recordAudit(tx, ctx, {
      action: "inquiry.raised",
      entityType: "Inquiry",
      entityId: row.id,
      after: { number: row.number, title: row.title, status: row.status, periodId: period.id, engagementId: engagement.id, anchorType: row.anchorType, anchorRef: row.anchorRef, assigneeMembershipId: row.assigneeMembershipId, dueDate: data.dueDate, attachments: msg.attachments.map((a) => a.sha256) },
    });
    return row.id;
  });
  return inquiryDetail(prisma, ctx, id);
}
