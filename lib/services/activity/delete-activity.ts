// Use case: an officer or admin deletes an activity record. The deletion is soft (decision 0021): the row keeps its
// values and gets deleted_at / deleted_by_id, so lines of previously stated versions still link to it ("deleted on
// … by …"); recalculations no longer read it. Audited with before and after in the same transaction; the OPEN
// periods its dates touch are recalculated, closed ones show the stale signal.
import { authorize, type ServiceContext } from "../../auth/context";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { lockRow } from "../../db/lock-row";
import { byId, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { ACTIVITY_INCLUDE } from "./activity-columns";
import { activityView } from "./activity-view";
import { thenRecalculate } from "../inventory/recalculate-after-change";

export async function deleteActivity({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  authorize(ctx, "activity:manage");
  if (!isUuid(input.id)) throw notFound("Activity record");
  return prisma.$transaction(async (tx) => {
    await lockRow(tx, "activity_records", ctx.organization.id, input.id);
    const current = await tx.activityRecord.findFirst({ where: { ...byId(ctx, input.id), deletedAt: null }, include: ACTIVITY_INCLUDE });
    if (!current) throw notFound("Activity record");
    const deletedAt = new Date();
    const { count } = await tx.activityRecord.updateMany({ where: { ...byId(ctx, input.id), deletedAt: null }, data: { deletedAt, deletedById: ctx.userId } });
    if (count !== 1) throw notFound("Activity record");
    const before = activityView(current);
    await recordAudit(tx, ctx, { action: "activity.deleted", entityType: "ActivityRecord", entityId: input.id, before, after: { ...before, deletedAt: deletedAt.toISOString(), deletedById: ctx.userId } });
    return { id: input.id, periodStart: before.periodStart, periodEnd: before.periodEnd, deletedAt: deletedAt.toISOString() };
  }).then(thenRecalculate(ctx, (d) => ({ from: d.periodStart, to: d.periodEnd })));
}
