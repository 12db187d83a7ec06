"use client";
// Record a contractual instrument for market-based Scope 2, or edit one (`edit`: its id and values) — officers and admins.
import { EntryForm, EvidenceField, Field, Select, entryFormProps } from "./EntryForm";

export function InstrumentForm({ org, types, sites, edit }: { org: string; types: { value: string; label: string }[]; sites: string[]; edit?: { id: string; values: Record<string, string> } }) {
  return (
    <EntryForm {...entryFormProps(`/api/orgs/${org}/instruments`, "instrument", edit)}>
      <Select label="Type" name="type" options={types} />
      <Field label="Volume (MWh)" name="volumeMwh" inputMode="decimal" required />
      <Field label="Market / region" name="market" required maxLength={100} placeholder="FRA, DE-LU, RFCE" />
      <Field label="Vintage start" name="vintageStart" type="date" required />
      <Field label="Vintage end" name="vintageEnd" type="date" required />
      <Field label="Tracking system" name="trackingSystem" maxLength={200} placeholder="AIB-EECS, M-RETS" />
      <Field label="Certificate id" name="certificateId" maxLength={200} />
      <Select label="Retired on behalf of the organization" name="retiredOnBehalf" options={[{ value: "yes", label: "yes" }, { value: "no", label: "no" }]} />
      <Field label="Supplier emission rate (kgCO2e/kWh)" name="emissionRateKgCo2ePerKwh" inputMode="decimal" required placeholder="0" />
      <Select label="Bundled with the electricity" name="bundled" options={[{ value: "", label: "(not stated)" }, { value: "yes", label: "yes (PPA, green tariff)" }, { value: "no", label: "no (unbundled certificate)" }]} />
      <Select label="Site (optional)" name="site" options={[{ value: "", label: "(none)" }, ...sites.map((s) => ({ value: s, label: s }))]} />
      <EvidenceField />
    </EntryForm>
  );
}
