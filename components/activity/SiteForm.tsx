"use client";
// Add a site (or legal entity): its grid for location-based Scope 2, its market for instruments, a data-centre PUE.
import { EntryForm, Field } from "./EntryForm";

export function SiteForm({ org }: { org: string }) {
  return (
    <EntryForm action={`/api/orgs/${org}/sites`} label="New site" submit="Add site" success="Site added.">
      <Field label="Name" name="name" required maxLength={200} />
      <Field label="Legal entity" name="legalEntity" maxLength={200} />
      <Field label="Country (ISO 3166 alpha-3)" name="countryIsoCode" maxLength={3} placeholder="USA" hint="as CodeCarbon writes country_iso_code" />
      <Field label="Grid region" name="gridRegion" maxLength={100} placeholder="RFCE" hint="eGRID subregion, bidding zone…" />
      <Field label="Market" name="market" maxLength={100} placeholder="FRA or DE-LU" hint="market boundary for instruments and residual mix" />
      <Field label="Data-centre PUE" name="pue" inputMode="decimal" placeholder="1.2" hint="≥ 1: total facility energy / IT energy" />
    </EntryForm>
  );
}
