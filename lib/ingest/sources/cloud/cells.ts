// Small readers of text cells shared by the cloud mappers.
import { canonicalTimestamp, timestampProblem } from "../../../text/timestamp-text";
import type { RowProblems } from "./values";

/** Trimmed text, or null when empty or absent. */
export const text = (v: string | null | undefined): string | null => (v === null || v === undefined || v.trim() === "" ? null : v.trim());

/** Required text: a row error naming the column when empty. */
export function requiredText(v: string | null | undefined, column: string, p: RowProblems, what: string): string | null {
  const t = text(v);
  return t ?? p.add(column, v ?? null, `${what} is required`);
}

/** An instant ("2025-03-21 04:12:09Z") as ISO 8601 UTC, or a row error. */
export function instant(v: string | null | undefined, column: string, p: RowProblems): string | null {
  const t = text(v);
  if (t === null) return p.add(column, null, "a date and time is required");
  const canonical = canonicalTimestamp(t);
  return canonical === null ? p.add(column, t, timestampProblem(t)) : `${canonical}Z`;
}
