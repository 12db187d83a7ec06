"use client";
// Add a custom factor (a supplier-specific rate, a grid region's figure…) with its evidence file, into the
// organization's "Custom factors" dataset. The value is entered as published (e.g. 0.0004 tCO2e/kWh).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FACTOR_KEY_TYPES, FACTOR_METHODS } from "@/lib/factors/types";
import { ApiErrorBox, apiError, type ApiError } from "./ApiErrorBox";
import { ChoiceField } from "./ChoiceField";
import { BUTTON, INPUT, LABEL } from "./field-classes";

export function CustomFactorForm({ org }: { org: string }) {
  const router = useRouter();
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    setError(null);
    setDone(null);
    setBusy(true);
    const res = await fetch(`/api/orgs/${org}/factors`, { method: "POST", body: new FormData(form) }).finally(() => setBusy(false));
    if (!res.ok) return setError(await apiError(res));
    const json = await res.json();
    form.reset();
    setDone(
      `Added: ${json.sourceValue} ${json.sourceUnit} = ${json.value} ${json.unit}, in "${json.dataset.title}" version ${json.dataset.version}` +
        (json.newDatasetVersion && json.dataset.version !== "1" ? " (a new version: the previous one is used by the ledger)." : "."),
    );
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={onSubmit} className="grid grid-cols-2 gap-3 md:grid-cols-4" aria-label="Add a custom factor">
        <ChoiceField label="Key type" name="keyType" choices={FACTOR_KEY_TYPES} defaultValue="COUNTRY" />
        <label className={LABEL}>
          Key *
          <input name="key" required placeholder="USA, RFCE, gcp:us-east1…" className={INPUT} />
        </label>
        <label className={LABEL}>
          Year *
          <input name="year" required type="number" min={1900} max={2100} className={INPUT} />
        </label>
        <ChoiceField label="Method" name="method" choices={FACTOR_METHODS} defaultValue="SUPPLIER_SPECIFIC" />
        <label className={LABEL}>
          Value *
          <input name="value" required inputMode="decimal" placeholder="0.0004" className={INPUT} />
        </label>
        <label className={LABEL}>
          Unit *
          <input name="unit" required placeholder="tCO2e/kWh" className={INPUT} />
        </label>
        <label className={LABEL}>
          Valid from
          <input name="validFrom" type="date" className={INPUT} />
        </label>
        <label className={LABEL}>
          Valid to
          <input name="validTo" type="date" className={INPUT} />
        </label>
        <label className={`${LABEL} col-span-2`}>
          What it is *
          <input name="description" required placeholder="Supplier X contract rate, 2024" className={INPUT} />
        </label>
        <label className={LABEL}>
          GWP basis
          <input name="gwpBasis" placeholder="AR6" className={INPUT} />
        </label>
        <label className={LABEL}>
          Energy content (kWh per unit)
          <input name="energyKwhPerUnit" inputMode="decimal" placeholder="fuels: 10 kWh/L" className={INPUT} />
        </label>
        <label className={LABEL}>
          Biogenic CO₂ per unit
          <input name="biogenicCo2PerUnit" inputMode="decimal" placeholder="in the unit's mass, e.g. 0.0025 t/L" className={INPUT} />
        </label>
        <label className={LABEL}>
          Renewable share (0–1)
          <input name="renewableShare" inputMode="decimal" placeholder="biofuel: 1" className={INPUT} />
        </label>
        <label className={LABEL}>
          Evidence file *
          <input name="evidence" type="file" required className="mt-1 block w-full text-sm" />
        </label>
        <div className="col-span-2 md:col-span-4">
          <button type="submit" disabled={busy} className={BUTTON}>
            {busy ? "Adding…" : "Add custom factor"}
          </button>
        </div>
      </form>
      {error && <ApiErrorBox error={error} testId="custom-factor-error" />}
      {done && (
        <div data-testid="custom-factor-done" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          {done}
        </div>
      )}
    </div>
  );
}
