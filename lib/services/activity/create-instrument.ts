// Use case: an officer or admin records a contractual instrument (REC, GO, PPA, green tariff, supplier rate) with
// an optional evidence file, in one transaction with its audit event. A certificate already recorded (same
// tracking system and id) is a conflict, never a second instrument.
import { utcDate } from "../../activity/dates";
import { checkInstrumentEntry, type InstrumentField } from "../../activity/instrument-entry";
import { authorize, type ServiceContext } from "../../auth/context";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { AppError } from "../../errors";
import { checkAttachment, keepEvidence, type Attachment } from "./evidence";
import { certificateTaken, instrumentView } from "./instrument-view";
import { entryInvalid, textFields } from "./issues";
import { thenRecalculate } from "../recalculate-after-change";

const FIELDS: readonly InstrumentField[] = ["type", "volumeMwh", "market", "vintageStart", "vintageEnd", "trackingSystem", "certificateId", "retiredOnBehalf", "emissionRateKgCo2ePerKwh", "site", "bundled"];

export async function createInstrument({ ctx, input, evidence }: { ctx: ServiceContext; input: unknown; evidence?: Attachment | null }) {
  authorize(ctx, "instrument:manage");
  const checked = checkInstrumentEntry(textFields(input, FIELDS));
  if (!checked.ok) throw entryInvalid("instrument", checked.issues);
  const e = checked.value;
  const file = checkAttachment(evidence);
  try {
    return await prisma.$transaction(async (tx) => {
      const site = e.siteName ? await tx.site.findFirst({ where: { ...inOrg(ctx), name: e.siteName }, select: { id: true } }) : null;
      if (e.siteName && !site) throw new AppError("VALIDATION", `No site named "${e.siteName}".`, [{ field: "site", reason: "unknown site" }]);
      if (e.trackingSystem && e.certificateId && (await tx.contractualInstrument.findFirst({ where: { ...inOrg(ctx), trackingSystem: e.trackingSystem, certificateId: e.certificateId }, select: { id: true } })))
        throw certificateTaken(e.trackingSystem, e.certificateId);
      const kept = file ? await keepEvidence(tx, ctx, file) : null;
      const row = await tx.contractualInstrument.create({
        data: {
          ...inOrg(ctx),
          type: e.type,
          volumeMwh: e.volumeMwh,
          market: e.market,
          vintageStart: utcDate(e.vintageStart),
          vintageEnd: utcDate(e.vintageEnd),
          trackingSystem: e.trackingSystem,
          certificateId: e.certificateId,
          retiredOnBehalf: e.retiredOnBehalf,
          emissionRateKgCo2ePerKwh: e.emissionRateKgCo2ePerKwh,
          bundled: e.bundled,
          siteId: site?.id ?? null,
          evidenceFileId: kept?.id ?? null,
          createdById: ctx.userId,
        },
        include: { site: { select: { name: true } }, evidence: { select: { fileName: true, sha256: true } } },
      });
      const view = instrumentView(row);
      await recordAudit(tx, ctx, { action: "instrument.created", entityType: "ContractualInstrument", entityId: row.id, after: view });
      return view;
    }).then(thenRecalculate(ctx, "all"));
  } catch (err) {
    if ((err as { code?: string }).code === "P2002" && e.trackingSystem && e.certificateId) throw certificateTaken(e.trackingSystem, e.certificateId);
    throw err;
  }
}
