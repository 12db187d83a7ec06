// Use case: an officer or admin edits an activity record (form or API). The fields given replace the record's (an
// empty one clears it); the result goes through the same entry check as a new entry (lib/activity/entry.ts: 422 with
// field and reason), an optional new evidence file replaces the old one, and the change is audited with before and
// after in the same transaction. The OPEN periods the old or new dates touch are recalculated (decision 0017);
// closed ones show the stale signal. A deleted record cannot be edited (not found). Decision 0021.
import { checkActivityEntry } from "../../activity/entry";
import { authorize, type ServiceContext } from "../../auth/context";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { lockRow } from "../../db/lock-row";
import { byId, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { ACTIVITY_FIELDS, ACTIVITY_INCLUDE, activityColumns, activitySiteId } from "./activity-columns";
import { activityEntryText } from "../../views/activity";
import { activityView } from "./activity-view";
import { checkAttachment, keepEvidence, type Attachment } from "./evidence";
import { entryInvalid, textFields } from "./issues";
import { changedDates } from "./changed-dates";
import { thenRecalculate } from "../inventory/recalculate-after-change";

export async function updateActivity({ ctx, input, evidence }: { ctx: ServiceContext; input: unknown; evidence?: Attachment | null }) {
  authorize(ctx, "activity:manage");
  const id = String((input as { id?: unknown } | null)?.id ?? "");
  if (!isUuid(id)) throw notFound("Activity record");
  const file = checkAttachment(evidence);
  return prisma.$transaction(async (tx) => {
    await lockRow(tx, "activity_records", ctx.organization.id, id);
    const current = await tx.activityRecord.findFirst({ where: { ...byId(ctx, id), deletedAt: null }, include: ACTIVITY_INCLUDE });
    if (!current) throw notFound("Activity record");
    const before = activityView(current);
    const checked = checkActivityEntry({ ...activityEntryText(before), ...textFields(input, ACTIVITY_FIELDS) });
    if (!checked.ok) throw entryInvalid("activity", checked.issues);
    const siteId = await activitySiteId(tx, ctx, checked.value.siteName);
    const kept = file ? await keepEvidence(tx, ctx, file) : null;
    const { count } = await tx.activityRecord.updateMany({
      where: { ...byId(ctx, id), deletedAt: null },
      data: { ...activityColumns(checked.value, siteId), ...(kept ? { evidenceFileId: kept.id } : {}) },
    });
    if (count !== 1) throw notFound("Activity record");
    const after = activityView((await tx.activityRecord.findFirst({ where: byId(ctx, id), include: ACTIVITY_INCLUDE }))!);
    await recordAudit(tx, ctx, { action: "activity.updated", entityType: "ActivityRecord", entityId: id, before, after });
    return { before, after };
  }).then(thenRecalculate(ctx, ({ before, after }) => changedDates(before, after)))
    .then(({ after }) => after);
}
