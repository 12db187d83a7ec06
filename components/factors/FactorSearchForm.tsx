// Search filters for factors: a plain GET form (the page reads them from the URL), so results can be linked to.
import { FACTOR_KEY_TYPES, FACTOR_METHODS } from "@/lib/factors/types";
import { ChoiceField } from "./ChoiceField";
import { INPUT, LABEL, SECONDARY } from "./field-classes";

export interface FactorFilters {
  keyType?: string;
  key?: string;
  year?: number;
  method?: string;
  datasetId?: string;
}

export function FactorSearchForm({ org, filters, datasets }: { org: string; filters: FactorFilters; datasets: { id: string; title: string; version: string }[] }) {
  return (
    <form method="get" action={`/${org}/factors`} className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-6" aria-label="Search factors">
      <ChoiceField label="Key type" name="keyType" choices={FACTOR_KEY_TYPES} defaultValue={filters.keyType} anyLabel="any" />
      <label className={LABEL}>
        Key contains
        <input name="key" defaultValue={filters.key ?? ""} placeholder="USA, gcp:us-central1…" className={INPUT} />
      </label>
      <label className={LABEL}>
        Year
        <input name="year" type="number" min={1900} max={2100} defaultValue={filters.year ?? ""} className={INPUT} />
      </label>
      <ChoiceField label="Method" name="method" choices={FACTOR_METHODS} defaultValue={filters.method} anyLabel="any" />
      <label className={LABEL}>
        Dataset
        <select name="datasetId" defaultValue={filters.datasetId ?? ""} className={INPUT}>
          <option value="">any</option>
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title} ({d.version})
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-end gap-2">
        <button type="submit" className={SECONDARY}>
          Search
        </button>
        <a href={`/${org}/factors`} className="pb-2 text-sm underline">
          Clear
        </a>
      </div>
    </form>
  );
}
