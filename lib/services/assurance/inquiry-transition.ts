// One step of an inquiry's state machine (lib/assurance/inquiry-rules.ts), shared by answer, return, close and
// reopen: the inquiry re-read and locked in the transaction, the caller's side checked, the status moved, the
// message (with its hashed files) appended and the audit event written — all or nothing.
import type { ServiceContext } from "../../auth/context";
import type { Tx } from "../../db/client";
import { byId } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { ACTION_SIDE, transition, type InquiryAction } from "../../assurance/inquiry-rules";
import type { Attachment } from "../activity/evidence";
import { appendMessage } from "./inquiry-access";
import { assertPeriodCovered } from "./engagement-scope";
import { recordAudit } from "../../audit/record";

const KIND = { answer: "ANSWER", return: "RETURN", close: "CLOSE", reopen: "REOPEN" } as const;

export async function stepInquiry(
  tx: Tx,
  ctx: ServiceContext,
  args: { inquiryId: string; action: InquiryAction; body: string; files?: Attachment[]; extra?: (inquiry: { id: string; engagementId: string; periodId: string }) => Promise<Record<string, unknown>>; closing?: { resolution: "NO_ISSUE" | "MISSTATEMENT" } },
): Promise<void> {
  await tx.$executeRaw`SELECT id FROM inquiries WHERE id = ${args.inquiryId}::uuid AND organization_id = ${ctx.organization.id}::uuid FOR UPDATE`;
  const inquiry = await tx.inquiry.findFirst({ where: byId(ctx, args.inquiryId), include: { engagement: { select: { status: true, name: true, auditors: { select: { membership: { select: { userId: true } } } } } } } });
  if (!inquiry) throw notFound("Inquiry");
  await assertPeriodCovered(ctx, inquiry.periodId, tx).catch(() => {
    throw notFound("Inquiry");
  });
  if (ACTION_SIDE[args.action] === "auditor" && !inquiry.engagement.auditors.some((a) => a.membership.userId === ctx.userId))
    throw new AppError("FORBIDDEN", `Only an auditor of ${inquiry.engagement.name} may ${args.action} this inquiry.`, [{ field: "inquiry", reason: "not an auditor of the engagement" }]);
  const step = transition(inquiry.status, args.action);
  if (!step.ok) throw new AppError("CONFLICT", `Q-${inquiry.number}: ${step.reason}.`, [{ field: "status", reason: step.reason }]);
  const extra = args.extra ? await args.extra(inquiry) : {};
  const closing = step.to === "CLOSED";
  await tx.inquiry.update({
    where: { id: inquiry.id },
    data: {
      status: step.to,
      resolution: closing ? (args.closing?.resolution ?? "NO_ISSUE") : null,
      closedById: closing ? ctx.userId : null,
      closedAt: closing ? new Date() : null,
    },
  });
  const msg = await appendMessage(tx, ctx, inquiry.id, KIND[args.action], args.body, args.files);
  await recordAudit(tx, ctx, {
    action: `inquiry.${args.action === "answer" ? "answered" : args.action === "return" ? "returned" : args.action === "close" ? "closed" : "reopened"}`,
    entityType: "Inquiry",
    entityId: inquiry.id,
    before: { status: inquiry.status, resolution: inquiry.resolution },
    after: { status: step.to, ...(closing ? { resolution: args.closing?.resolution ?? "NO_ISSUE" } : {}), message: args.body, attachments: msg.attachments.map((a) => a.sha256), ...extra },
  });
}
