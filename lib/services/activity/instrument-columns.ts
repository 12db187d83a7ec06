// What recording and editing a contractual instrument share: the form's fields, the checked entry as table columns,
// the site it names (must exist), the claim check of its certificate (once per tracking system and id), and the
// relations its view shows.
import type { InstrumentEntry, InstrumentField } from "../../activity/instrument-entry";
import { utcDate } from "../../activity/dates";
import type { ServiceContext } from "../../auth/context";
import type { Tx } from "../../db/client";
import { inOrg } from "../../db/scope";
import { AppError } from "../../errors";
import { certificateTaken } from "./instrument-view";

export const INSTRUMENT_FIELDS: readonly InstrumentField[] = ["type", "volumeMwh", "market", "vintageStart", "vintageEnd", "trackingSystem", "certificateId", "retiredOnBehalf", "emissionRateKgCo2ePerKwh", "site", "bundled"];

export const INSTRUMENT_INCLUDE = { site: { select: { name: true } }, evidence: { select: { fileName: true, sha256: true } } } as const;

/**
 * The site the entry names and the claim of its certificate, checked in the transaction: an unknown site is a 422,
 * a certificate another instrument of the organization holds (deleted ones included: a claim is never re-used) a 409.
 */
export async function checkInstrumentClaims(tx: Tx, ctx: ServiceContext, e: InstrumentEntry, selfId: string | null): Promise<{ siteId: string | null }> {
  const site = e.siteName ? await tx.site.findFirst({ where: { ...inOrg(ctx), name: e.siteName }, select: { id: true } }) : null;
  if (e.siteName && !site) throw new AppError("VALIDATION", `No site named "${e.siteName}".`, [{ field: "site", reason: "unknown site" }]);
  if (e.trackingSystem && e.certificateId) {
    const holder = await tx.contractualInstrument.findFirst({
      where: { ...inOrg(ctx), trackingSystem: e.trackingSystem, certificateId: e.certificateId, ...(selfId ? { id: { not: selfId } } : {}) },
      select: { id: true },
    });
    if (holder) throw certificateTaken(e.trackingSystem, e.certificateId);
  }
  return { siteId: site?.id ?? null };
}

/** The checked entry as the columns of contractual_instruments (without identity, evidence and authorship). */
export function instrumentColumns(e: InstrumentEntry, siteId: string | null) {
  return {
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
    siteId,
  };
}

/** A unique violation on the certificate (two writers racing) is the same 409 as the check's. */
export function certificateRace(err: unknown, e: { trackingSystem: string | null; certificateId: string | null }): unknown {
  return (err as { code?: string }).code === "P2002" && e.trackingSystem && e.certificateId ? certificateTaken(e.trackingSystem, e.certificateId) : err;
}
