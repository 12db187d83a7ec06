// A site as services return it: plain strings (decimals exact), for pages, API and audit events alike.
import { AppError } from "../../errors";
import type { SiteView } from "../../views/site";

export function siteView(s: { id: string; name: string; legalEntity: string | null; countryIsoCode: string | null; gridRegion: string | null; market: string | null; pue: { toFixed(): string } | null }): SiteView {
  return { id: s.id, name: s.name, legalEntity: s.legalEntity, countryIsoCode: s.countryIsoCode, gridRegion: s.gridRegion, market: s.market, pue: s.pue ? s.pue.toFixed() : null };
}

export const siteNameTaken = (name: string) => new AppError("CONFLICT", `A site named "${name}" already exists.`, [{ field: "name", reason: "already used" }]);
