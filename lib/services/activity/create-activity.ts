// Use case: an officer or admin enters one activity record through the form (any category), with an optional
// supplier-specific factor and an optional evidence attachment — all in one transaction with its audit event.
// The entry is checked by the same rules as a CSV row (lib/activity/entry.ts). The site must exist (the form
// offers the organization's sites; CSV imports create unknown sites, with a preview warning).
import { createHash, randomUUID } from "node:crypto";
import { checkActivityEntry, type ActivityField } from "../../activity/entry";
import { utcDate } from "../../activity/dates";
import { authorize, type ServiceContext } from "../../auth/context";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { AppError } from "../../errors";
import { activityView } from "./activity-view";
import { checkAttachment, keepEvidence, type Attachment } from "./evidence";
import { entryInvalid, textFields } from "./issues";
import { thenRecalculate } from "../recalculate-after-change";

const FIELDS: readonly ActivityField[] = ["periodStart", "periodEnd", "site", "category", "activityType", "quantity", "unit", "supplierFactorValue", "supplierFactorUnit", "evidenceReference", "note"];

export async function createActivity({ ctx, input, evidence }: { ctx: ServiceContext; input: unknown; evidence?: Attachment | null }) {
  authorize(ctx, "activity:manage");
  const checked = checkActivityEntry(textFields(input, FIELDS));
  if (!checked.ok) throw entryInvalid("activity", checked.issues);
  const e = checked.value;
  const file = checkAttachment(evidence);
  return prisma.$transaction(async (tx) => {
    const site = e.siteName ? await tx.site.findFirst({ where: { ...inOrg(ctx), name: e.siteName }, select: { id: true, name: true } }) : null;
    if (e.siteName && !site)
      throw new AppError("VALIDATION", `No site named "${e.siteName}": add it on the Sites page first.`, [{ field: "site", reason: "unknown site" }]);
    const kept = file ? await keepEvidence(tx, ctx, file) : null;
    const row = await tx.activityRecord.create({
      data: {
        ...inOrg(ctx),
        // Form entries are distinct by nature (two identical receipts are two entries); CSV rows hash their content.
        rowHash: createHash("sha256").update(`form:${randomUUID()}`).digest("hex"),
        siteId: site?.id ?? null,
        category: e.category,
        activityType: e.activityType,
        periodStart: utcDate(e.periodStart),
        periodEnd: utcDate(e.periodEnd),
        quantity: e.quantity,
        unit: e.unit,
        normalizedQuantity: e.normalizedQuantity,
        normalizedUnit: e.normalizedUnit,
        supplierFactorValue: e.supplierFactor?.value ?? null,
        supplierFactorUnit: e.supplierFactor?.unit ?? null,
        supplierFactorSourceValue: e.supplierFactor?.sourceValue ?? null,
        supplierFactorSourceUnit: e.supplierFactor?.sourceUnit ?? null,
        evidenceReference: e.evidenceReference,
        evidenceFileId: kept?.id ?? null,
        note: e.note,
        proposedScope: e.proposedScope,
        proposedScope3Category: e.proposedScope3Category,
        createdById: ctx.userId,
      },
      include: { site: { select: { name: true } }, evidence: { select: { fileName: true, sha256: true } } },
    });
    const view = activityView(row);
    await recordAudit(tx, ctx, { action: "activity.created", entityType: "ActivityRecord", entityId: row.id, after: view });
    return view;
  }).then(thenRecalculate(ctx, (v) => ({ from: v.periodStart, to: v.periodEnd })));
}
