"use client";
// Add a site (or legal entity), or edit one: its grid for location-based Scope 2, its market for instruments, a
// data-centre PUE. Editing sends every field (an emptied field is cleared).
import type { SiteView } from "@/lib/views/site";
import { EntryForm, Field } from "./EntryForm";

export function SiteForm({ org, site }: { org: string; site?: SiteView }) {
  const v = (x: string | null | undefined) => x ?? "";
  return (
    <EntryForm
      action={site ? `/api/orgs/${org}/sites/${site.id}` : `/api/orgs/${org}/sites`}
      method={site ? "PATCH" : "POST"}
      label={site ? `Edit site ${site.name}` : "New site"}
      submit={site ? "Save site" : "Add site"}
      success={site ? "Site saved." : "Site added."}
    >
      <Field label="Name" name="name" required maxLength={200} defaultValue={v(site?.name)} />
      <Field label="Legal entity" name="legalEntity" maxLength={200} defaultValue={v(site?.legalEntity)} />
      <Field label="Country (ISO 3166 alpha-3)" name="countryIsoCode" maxLength={3} placeholder="USA" hint="as CodeCarbon writes country_iso_code" defaultValue={v(site?.countryIsoCode)} />
      <Field label="Grid region" name="gridRegion" maxLength={100} placeholder="RFCE" hint="eGRID subregion, bidding zone…" defaultValue={v(site?.gridRegion)} />
      <Field label="Market" name="market" maxLength={100} placeholder="FRA or DE-LU" hint="market boundary for instruments and residual mix" defaultValue={v(site?.market)} />
      <Field label="Data-centre PUE" name="pue" inputMode="decimal" placeholder="1.2" hint="≥ 1: total facility energy / IT energy" defaultValue={v(site?.pue)} />
    </EntryForm>
  );
}
