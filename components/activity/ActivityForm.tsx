"use client";
// Enter one activity record (any category): period, site, category, quantity in a unit the category accepts,
// optional supplier-specific factor, evidence reference and file — or edit one (`edit`: its id and values). Checked on
// the server by the same rules as CSV rows.
import { useState } from "react";
import { EntryForm, EvidenceField, Field, Select, entryFormProps } from "./EntryForm";

export interface CategoryOption {
  value: string;
  label: string;
  units: string[];
  typeRequired: boolean;
  typeExamples: string;
  siteRequired: boolean;
}

export function ActivityForm({ org, categories, sites, edit }: { org: string; categories: CategoryOption[]; sites: string[]; edit?: { id: string; values: Record<string, string> } }) {
  const [category, setCategory] = useState(categories.find((c) => c.value === (edit?.values.category ?? "electricity")) ?? categories[0]);
  return (
    <EntryForm {...entryFormProps(`/api/orgs/${org}/activity`, "activity", edit)}>
      <Field label="Period start" name="periodStart" type="date" required />
      <Field label="Period end" name="periodEnd" type="date" required />
      <Select
        label="Site"
        name="site"
        options={[{ value: "", label: category.siteRequired ? "— choose a site —" : "(none)" }, ...sites.map((s) => ({ value: s, label: s }))]}
        hint={sites.length ? undefined : "No sites yet: add one on the Sites page"}
      />
      <Select
        label="Category"
        name="category"
        value={category.value}
        onChange={(e) => setCategory(categories.find((c) => c.value === e.target.value)!)}
        options={categories.map((c) => ({ value: c.value, label: c.label }))}
      />
      <Field label={`Type${category.typeRequired ? "" : " (optional)"}`} name="activityType" maxLength={100} placeholder={category.typeExamples} />
      <div className="grid grid-cols-2 gap-2">
        <Field label="Quantity" name="quantity" inputMode="decimal" required />
        <Select key={category.value} label="Unit" name="unit" options={category.units.map((u) => ({ value: u, label: u }))} />
      </div>
      <Field label="Supplier factor (optional)" name="supplierFactorValue" inputMode="decimal" />
      <Field label="Supplier factor unit" name="supplierFactorUnit" placeholder={`kgCO2e/${category.units[0]}`} hint="kgCO2e/…, tCO2e/… or gCO2e/…" />
      <Field label="Evidence reference" name="evidenceReference" maxLength={500} placeholder="invoice number, meter id" />
      <Field label="Note" name="note" maxLength={2000} />
      <EvidenceField />
    </EntryForm>
  );
}
