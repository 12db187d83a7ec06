// Use case: an officer or admin records a contractual instrument (REC, GO, PPA, green tariff, supplier rate) with
// an optional evidence file, in one transaction with its audit event. A certificate already recorded (same
// tracking system and id) is a conflict, never a second instrument.
import { checkInstrumentEntry } from "../../activity/instrument-entry";
import { authorize, type ServiceContext } from "../../auth/context";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { checkAttachment, keepEvidence, type Attachment } from "./evidence";
import { INSTRUMENT_FIELDS, INSTRUMENT_INCLUDE, certificateRace, checkInstrumentClaims, instrumentColumns } from "./instrument-columns";
import { instrumentView } from "./instrument-view";
import { entryInvalid, textFields } from "./issues";
import { thenRecalculate } from "../inventory/recalculate-after-change";

export async function createInstrument({ ctx, input, evidence }: { ctx: ServiceContext; input: unknown; evidence?: Attachment | null }) {
  authorize(ctx, "instrument:manage");
  const checked = checkInstrumentEntry(textFields(input, INSTRUMENT_FIELDS));
  if (!checked.ok) throw entryInvalid("instrument", checked.issues);
  const e = checked.value;
  const file = checkAttachment(evidence);
  try {
    return await prisma.$transaction(async (tx) => {
      const { siteId } = await checkInstrumentClaims(tx, ctx, e, null);
      const kept = file ? await keepEvidence(tx, ctx, file) : null;
      const row = await tx.contractualInstrument.create({
        data: { ...inOrg(ctx), ...instrumentColumns(e, siteId), evidenceFileId: kept?.id ?? null, createdById: ctx.userId },
        include: INSTRUMENT_INCLUDE,
      });
      const view = instrumentView(row);
      await recordAudit(tx, ctx, { action: "instrument.created", entityType: "ContractualInstrument", entityId: row.id, after: view });
      return view;
    }).then(thenRecalculate(ctx, "all"));
  } catch (err) {
    throw certificateRace(err, e);
  }
}
