// Shared by the inquiry use cases: the auditor's engagement for a period, the caller's membership, an inquiry read
// with its thread as a view, and the thread's next message with its hashed attachments.
import type { ServiceContext } from "../../auth/context";
import { can } from "../../auth/permissions";
import { prisma, type Tx } from "../../db/client";
import { byId, inOrg, isUuid } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { awaits } from "../../assurance/inquiry-rules";
import type { InquiryDetail, InquiryListItem, MisstatementView } from "../../views/inquiries";
import type { PersonView } from "../../views/periods";
import { checkAttachment, keepEvidence, type Attachment } from "../activity/evidence";
import { peopleByIds } from "../periods/period-views";
import { assertPeriodCovered } from "./engagement-scope";

type Db = typeof prisma | Tx;

/** The engagement of the calling auditor that covers the period (the one named, or the only/first open one). */
export async function auditorEngagement(db: Db, ctx: ServiceContext, periodId: string, engagementId?: string | null): Promise<{ id: string; name: string; status: string }> {
  await assertPeriodCovered(ctx, periodId, db);
  if (engagementId && !isUuid(engagementId)) throw notFound("Engagement");
  const found = await db.engagement.findFirst({
    where: {
      ...inOrg(ctx),
      ...(engagementId ? { id: engagementId } : {}),
      periods: { some: { periodId } },
      auditors: { some: { membership: { userId: ctx.userId ?? undefined, organizationId: ctx.organization.id } } },
    },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: { id: true, name: true, status: true },
  });
  if (!found) throw new AppError("NOT_FOUND", "No engagement of yours covers this period.", [{ field: engagementId ? "engagementId" : "periodId", reason: "no engagement of the auditor covers the period" }]);
  return found;
}

export async function membershipOf(db: Db, ctx: ServiceContext): Promise<string | null> {
  if (!ctx.userId) return null;
  const m = await db.membership.findFirst({ where: { ...inOrg(ctx), userId: ctx.userId }, select: { id: true } });
  return m?.id ?? null;
}

export const INQUIRY_INCLUDE = {
  period: { select: { id: true, name: true } },
  engagement: { select: { id: true, name: true } },
  _count: { select: { messages: true } },
} as const;

type InquiryRow = {
  id: string; number: number; title: string; status: "OPEN" | "ANSWERED" | "REOPENED" | "CLOSED"; anchorType: InquiryListItem["anchor"]["type"]; anchorRef: string; anchorLabel: string;
  askedById: string; assigneeMembershipId: string | null; dueDate: Date | null; createdAt: Date; updatedAt: Date;
  period: { id: string; name: string }; engagement: { id: string; name: string }; _count: { messages: number };
};

const unknownPerson = (id: string): PersonView => ({ name: `user ${id.slice(0, 8)}`, email: "" });

/** Users behind membership ids of the organization. */
export async function assigneesByMembership(db: Db, ctx: ServiceContext, ids: (string | null)[]): Promise<Map<string, PersonView>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (!wanted.length) return new Map();
  const rows = await db.membership.findMany({ where: { ...inOrg(ctx), id: { in: wanted } }, select: { id: true, user: { select: { name: true, email: true } } } });
  return new Map(rows.map((r) => [r.id, { name: r.user.name || r.user.email, email: r.user.email }]));
}

export async function listItems(db: Db, ctx: ServiceContext, rows: InquiryRow[]): Promise<InquiryListItem[]> {
  const people = await peopleByIds(rows.map((r) => r.askedById));
  const assignees = await assigneesByMembership(db, ctx, rows.map((r) => r.assigneeMembershipId));
  const today = new Date().toISOString().slice(0, 10);
  return rows.map((r) => {
    const due = r.dueDate?.toISOString().slice(0, 10) ?? null;
    return {
      id: r.id,
      number: r.number,
      title: r.title,
      status: r.status,
      period: r.period,
      engagement: r.engagement,
      anchor: { type: r.anchorType, ref: r.anchorRef, label: r.anchorLabel },
      askedBy: people.get(r.askedById) ?? unknownPerson(r.askedById),
      assignee: r.assigneeMembershipId ? (assignees.get(r.assigneeMembershipId) ?? null) : null,
      dueDate: due,
      overdue: due !== null && r.status !== "CLOSED" && due < today,
      awaiting: awaits(r.status),
      messageCount: r._count.messages,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

export function misstatementView(m: { id: string; periodId: string; engagementId: string; source: MisstatementView["source"]; sourceId: string | null; description: string; amountKgCo2e: { toFixed(): string }; corrected: boolean; recordedById: string; createdAt: Date }, people: Map<string, PersonView>): MisstatementView {
  return {
    id: m.id,
    periodId: m.periodId,
    engagementId: m.engagementId,
    source: m.source,
    sourceId: m.sourceId,
    description: m.description,
    amountKgCo2e: m.amountKgCo2e.toFixed(),
    corrected: m.corrected,
    recordedBy: people.get(m.recordedById) ?? unknownPerson(m.recordedById),
    createdAt: m.createdAt.toISOString(),
  };
}

/** An inquiry of the organization in a period the caller may see, with its thread. */
export async function inquiryDetail(db: Db, ctx: ServiceContext, inquiryId: string): Promise<InquiryDetail> {
  if (!isUuid(inquiryId)) throw notFound("Inquiry");
  const row = await db.inquiry.findFirst({
    where: byId(ctx, inquiryId),
    include: { ...INQUIRY_INCLUDE, messages: { orderBy: { createdAt: "asc" }, include: { attachments: { include: { evidence: { select: { fileName: true, sha256: true, sizeBytes: true } } } } } } },
  });
  if (!row) throw notFound("Inquiry");
  await assertPeriodCovered(ctx, row.periodId, db).catch(() => {
    throw notFound("Inquiry");
  });
  const [item] = await listItems(db, ctx, [row]);
  const mis = await db.misstatement.findFirst({ where: { ...inOrg(ctx), source: "INQUIRY", sourceId: row.id } });
  const people = await peopleByIds([...row.messages.map((m) => m.authorId), row.closedById, mis?.recordedById]);
  return {
    ...item,
    thread: row.messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      body: m.body,
      author: people.get(m.authorId) ?? unknownPerson(m.authorId),
      createdAt: m.createdAt.toISOString(),
      attachments: m.attachments.map((a) => ({ evidenceFileId: a.evidenceFileId, fileName: a.evidence.fileName, sha256: a.evidence.sha256, sizeBytes: Number(a.evidence.sizeBytes) })),
    })),
    resolution: row.resolution,
    misstatement: mis ? misstatementView(mis, people) : null,
    closedBy: row.closedById ? (people.get(row.closedById) ?? unknownPerson(row.closedById)) : null,
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

/** Checks attachments before any write (422/413 naming "attachments"). */
export function checkAttachments(files: Attachment[] | null | undefined): Attachment[] {
  return (files ?? []).map((f) => {
    try {
      return checkAttachment(f)!;
    } catch (err) {
      if (err instanceof AppError) throw new AppError(err.code, err.message, err.issues.map((i) => ({ ...i, field: "attachments" })));
      throw err;
    }
  });
}

/** Appends a message to the thread, its files kept as evidence (sha256) in the same transaction. */
export async function appendMessage(tx: Tx, ctx: ServiceContext, inquiryId: string, kind: "QUESTION" | "ANSWER" | "RETURN" | "CLOSE" | "REOPEN", body: string, files: Attachment[] = []) {
  const message = await tx.inquiryMessage.create({ data: { ...inOrg(ctx), inquiryId, authorId: ctx.userId!, kind, body } });
  const kept = [];
  for (const f of files) {
    const e = await keepEvidence(tx, ctx, f);
    await tx.inquiryAttachment.create({ data: { ...inOrg(ctx), inquiryId, messageId: message.id, evidenceFileId: e.id } });
    kept.push({ evidenceFileId: e.id, fileName: e.fileName, sha256: e.sha256, sizeBytes: e.sizeBytes });
  }
  return { messageId: message.id, attachments: kept };
}

/** The side of the caller on inquiries: the auditor (assurance:work) or the organization (inquiry:answer). */
export function sideOf(ctx: ServiceContext): "auditor" | "organization" | null {
  if (can(ctx.role, "assurance:work")) return "auditor";
  if (can(ctx.role, "inquiry:answer")) return "organization";
  return null;
}
