// A labelled <select> of fixed choices (key types, methods), with an optional "any" entry for filters.
import { INPUT, LABEL } from "./field-classes";

export function ChoiceField({ label, name, choices, defaultValue, anyLabel }: { label: string; name: string; choices: readonly string[]; defaultValue?: string; anyLabel?: string }) {
  return (
    <label className={LABEL}>
      {label}
      <select name={name} defaultValue={defaultValue ?? ""} className={INPUT}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {choices.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
    </label>
  );
}
