// Use case: an officer or admin edits a contractual instrument. The fields given replace the instrument's; the result
// goes through the same entry check as a new one (422 with field and reason) and the same certificate claim (409);
// an optional new evidence file replaces the old one; audited with before and after in the same transaction. Every
// OPEN period is recalculated (an instrument's MWh are allocated across periods); closed ones show the stale
// signal. A deleted instrument cannot be edited (not found). Decision 0021.
import { checkInstrumentEntry } from "../../activity/instrument-entry";
import { authorize, type ServiceContext } from "../../auth/context";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { lockRow } from "../../db/lock-row";
import { byId, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { checkAttachment, keepEvidence, type Attachment } from "./evidence";
import { INSTRUMENT_FIELDS, INSTRUMENT_INCLUDE, certificateRace, checkInstrumentClaims, instrumentColumns } from "./instrument-columns";
import { instrumentEntryText, instrumentView } from "./instrument-view";
import { entryInvalid, textFields } from "./issues";
import { thenRecalculate } from "../inventory/recalculate-after-change";

export async function updateInstrument({ ctx, input, evidence }: { ctx: ServiceContext; input: unknown; evidence?: Attachment | null }) {
  authorize(ctx, "instrument:manage");
  const id = String((input as { id?: unknown } | null)?.id ?? "");
  if (!isUuid(id)) throw notFound("Instrument");
  const file = checkAttachment(evidence);
  let entry: { trackingSystem: string | null; certificateId: string | null } = { trackingSystem: null, certificateId: null };
  try {
    return await prisma.$transaction(async (tx) => {
      await lockRow(tx, "contractual_instruments", ctx.organization.id, id);
      const current = await tx.contractualInstrument.findFirst({ where: { ...byId(ctx, id), deletedAt: null }, include: INSTRUMENT_INCLUDE });
      if (!current) throw notFound("Instrument");
      const before = instrumentView(current);
      const checked = checkInstrumentEntry({ ...instrumentEntryText(before), ...textFields(input, INSTRUMENT_FIELDS) });
      if (!checked.ok) throw entryInvalid("instrument", checked.issues);
      entry = checked.value;
      const { siteId } = await checkInstrumentClaims(tx, ctx, checked.value, id);
      const kept = file ? await keepEvidence(tx, ctx, file) : null;
      const { count } = await tx.contractualInstrument.updateMany({
        where: { ...byId(ctx, id), deletedAt: null },
        data: { ...instrumentColumns(checked.value, siteId), ...(kept ? { evidenceFileId: kept.id } : {}) },
      });
      if (count !== 1) throw notFound("Instrument");
      const after = instrumentView((await tx.contractualInstrument.findFirst({ where: byId(ctx, id), include: INSTRUMENT_INCLUDE }))!);
      await recordAudit(tx, ctx, { action: "instrument.updated", entityType: "ContractualInstrument", entityId: id, before, after });
      return after;
    }).then(thenRecalculate(ctx, "all"));
  } catch (err) {
    throw certificateRace(err, entry);
  }
}
