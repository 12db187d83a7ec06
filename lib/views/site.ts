// A site as services return it: plain strings (decimals exact), for pages, API and audit events alike.

export interface SiteView {
  id: string;
  name: string;
  legalEntity: string | null;
  countryIsoCode: string | null;
  gridRegion: string | null;
  market: string | null;
  pue: string | null;
}
