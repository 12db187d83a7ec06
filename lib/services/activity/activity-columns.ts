// What creating and editing an activity record share: the form's fields, the checked entry as table columns, the
// site it names (must exist), and the relations its view shows.
import type { ActivityEntry, ActivityField } from "../../activity/entry";
import { utcDate } from "../../activity/dates";
import type { ServiceContext } from "../../auth/context";
import type { Tx } from "../../db/client";
import { inOrg } from "../../db/scope";
import { AppError } from "../../errors";

export const ACTIVITY_FIELDS: readonly ActivityField[] = ["periodStart", "periodEnd", "site", "category", "activityType", "quantity", "unit", "supplierFactorValue", "supplierFactorUnit", "evidenceReference", "note"];

export const ACTIVITY_INCLUDE = { site: { select: { name: true } }, evidence: { select: { fileName: true, sha256: true } } } as const;

/** The site an entry names, of this organization (the form offers them; CSV imports create unknown ones instead). */
export async function activitySiteId(tx: Tx, ctx: ServiceContext, siteName: string | null): Promise<string | null> {
  if (!siteName) return null;
  const site = await tx.site.findFirst({ where: { ...inOrg(ctx), name: siteName }, select: { id: true } });
  if (!site) throw new AppError("VALIDATION", `No site named "${siteName}": add it on the Sites page first.`, [{ field: "site", reason: "unknown site" }]);
  return site.id;
}

/** The checked entry as the columns of activity_records (without identity, evidence and authorship). */
export function activityColumns(e: ActivityEntry, siteId: string | null) {
  return {
    siteId,
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
    note: e.note,
    proposedScope: e.proposedScope,
    proposedScope3Category: e.proposedScope3Category,
  };
}
