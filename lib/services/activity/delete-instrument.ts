// Use case: an officer or admin deletes a contractual instrument. Soft (decision 0021): the row stays with
// deleted_at / deleted_by_id, so a version that allocated it still names it ("deleted on … by …"), its certificate
// stays claimed, and recalculations no longer apply it. Audited with before and after in the same transaction;
// every OPEN period is recalculated, closed ones show the stale signal.
import { authorize, type ServiceContext } from "../../auth/context";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { lockRow } from "../../db/lock-row";
import { byId, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { INSTRUMENT_INCLUDE } from "./instrument-columns";
import { instrumentView } from "./instrument-view";
import { thenRecalculate } from "../inventory/recalculate-after-change";

export async function deleteInstrument({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  authorize(ctx, "instrument:manage");
  if (!isUuid(input.id)) throw notFound("Instrument");
  return prisma.$transaction(async (tx) => {
    await lockRow(tx, "contractual_instruments", ctx.organization.id, input.id);
    const current = await tx.contractualInstrument.findFirst({ where: { ...byId(ctx, input.id), deletedAt: null }, include: INSTRUMENT_INCLUDE });
    if (!current) throw notFound("Instrument");
    const deletedAt = new Date();
    const { count } = await tx.contractualInstrument.updateMany({ where: { ...byId(ctx, input.id), deletedAt: null }, data: { deletedAt, deletedById: ctx.userId } });
    if (count !== 1) throw notFound("Instrument");
    const before = instrumentView(current);
    await recordAudit(tx, ctx, { action: "instrument.deleted", entityType: "ContractualInstrument", entityId: input.id, before, after: { ...before, deletedAt: deletedAt.toISOString(), deletedById: ctx.userId } });
    return { id: input.id, deletedAt: deletedAt.toISOString() };
  }).then(thenRecalculate(ctx, "all"));
}
