// Use case: an officer or admin enters one activity record through the form (any category), with an optional
// supplier-specific factor and an optional evidence attachment — all in one transaction with its audit event.
// The entry is checked by the same rules as a CSV row (lib/activity/entry.ts). The site must exist (the form
// offers the organization's sites; CSV imports create unknown sites, with a preview warning).
import { createHash, randomUUID } from "node:crypto";
import { checkActivityEntry } from "../../activity/entry";
import { authorize, type ServiceContext } from "../../auth/context";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { ACTIVITY_FIELDS, ACTIVITY_INCLUDE, activityColumns, activitySiteId } from "./activity-columns";
import { activityView } from "./activity-view";
import { checkAttachment, keepEvidence, type Attachment } from "./evidence";
import { entryInvalid, textFields } from "./issues";
import { thenRecalculate } from "../inventory/recalculate-after-change";

export async function createActivity({ ctx, input, evidence }: { ctx: ServiceContext; input: unknown; evidence?: Attachment | null }) {
  authorize(ctx, "activity:manage");
  const checked = checkActivityEntry(textFields(input, ACTIVITY_FIELDS));
  if (!checked.ok) throw entryInvalid("activity", checked.issues);
  const e = checked.value;
  const file = checkAttachment(evidence);
  return prisma.$transaction(async (tx) => {
    const siteId = await activitySiteId(tx, ctx, e.siteName);
    const kept = file ? await keepEvidence(tx, ctx, file) : null;
    const row = await tx.activityRecord.create({
      data: {
        ...inOrg(ctx),
        // Form entries are distinct by nature (two identical receipts are two entries); CSV rows hash their content.
        rowHash: createHash("sha256").update(`form:${randomUUID()}`).digest("hex"),
        ...activityColumns(e, siteId),
        evidenceFileId: kept?.id ?? null,
        createdById: ctx.userId,
      },
      include: ACTIVITY_INCLUDE,
    });
    const view = activityView(row);
    await recordAudit(tx, ctx, { action: "activity.created", entityType: "ActivityRecord", entityId: row.id, after: view });
    return view;
  }).then(thenRecalculate(ctx, (v) => ({ from: v.periodStart, to: v.periodEnd })));
}
