// Problems found by the shared entry checks (lib/activity) → a 422 naming each field, its value and the reason.
import { AppError } from "../../errors";

export function entryInvalid(what: string, issues: { field: string; value: string | null; reason: string }[]): AppError {
  const described = issues.map((i) => ({ field: i.field, reason: i.value === null ? i.reason : `"${i.value.slice(0, 80)}": ${i.reason}` }));
  return new AppError("VALIDATION", `The ${what} was not saved: ${described.map((i) => `${i.field} ${i.reason}`).join("; ")}`, described);
}

/** Text of a JSON or form field: numbers become their text, anything else absent. */
export function fieldText(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "boolean") return v ? "yes" : "no";
  return undefined;
}

/** The listed fields of an input object as text (unknown fields are ignored). */
export function textFields<F extends string>(input: unknown, fields: readonly F[]): Partial<Record<F, string>> {
  const obj = input && typeof input === "object" ? (input as Record<string, unknown>) : {};
  const out: Partial<Record<F, string>> = {};
  for (const f of fields) {
    const t = fieldText(obj[f]);
    if (t !== undefined) out[f] = t;
  }
  return out;
}
