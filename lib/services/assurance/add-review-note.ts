// Use case: the auditor writes a private review note on a period of their engagement, anchored like an inquiry.
// assurance:private is held by no member of the organization (not even ADMIN), and the audit event — which the
// organization reads — carries only the note's sha256 and anchor type, never its text.
import { createHash } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, inOrg, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import type { ReviewNoteView } from "../../views/inquiries";
import { AnchorInput, checkAnchor, datapointLabels } from "./anchors";
import { auditorEngagement } from "./inquiry-access";
import { reviewNoteViews } from "./list-review-notes";

export const AddReviewNoteInput = AnchorInput.extend({
  periodId: z.string().refine(isUuid, "Reporting period not found."),
  engagementId: z.preprocess((v) => (v === "" ? undefined : v), z.string().refine(isUuid, "Engagement not found.").optional()),
  body: z.string({ error: "must not be empty" }).trim().min(1, "must not be empty").max(20000),
});

export async function addReviewNote({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<ReviewNoteView> {
  authorize(ctx, "assurance:private");
  const data = parseInput(AddReviewNoteInput, input);
  const engagement = await auditorEngagement(prisma, ctx, data.periodId, data.engagementId);
  const period = await prisma.reportingPeriod.findFirst({ where: byId(ctx, data.periodId), select: { id: true, name: true } });
  if (!period) throw notFound("Reporting period");
  const datapoints = data.anchorType === "DATAPOINT" ? await datapointLabels(ctx, period.id) : undefined;
  const id = await prisma.$transaction(async (tx) => {
    const anchor = await checkAnchor(tx, ctx, period, data, datapoints);
    const row = await tx.reviewNote.create({ data: { ...inOrg(ctx), engagementId: engagement.id, periodId: period.id, anchorType: data.anchorType, anchorRef: anchor.anchorRef, anchorLabel: anchor.anchorLabel, body: data.body, authorId: ctx.userId! } });
    await recordAudit(tx, ctx, { action: "review-note.added", entityType: "ReviewNote", entityId: row.id, after: { engagementId: engagement.id, periodId: period.id, anchorType: data.anchorType, bodySha256: createHash("sha256").update(data.body).digest("hex") } });
    return row.id;
  });
  const [view] = await reviewNoteViews(ctx, { id });
  return view;
}
