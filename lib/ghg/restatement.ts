// Restatement: previously vs currently stated, per datapoint, exact. The reason per datapoint is entered by the officer.
import { dec, text } from "./decimal";

export interface DatapointChange {
  datapoint: string;
  previouslyKgCo2e: string;
  currentlyKgCo2e: string;
  differenceKgCo2e: string;
}

/** Previously vs currently stated, per datapoint that changed (a datapoint missing on one side counts as 0). */
export function restatementDiff(previous: Record<string, string>, current: Record<string, string>): DatapointChange[] {
  const keys = [...new Set([...Object.keys(previous), ...Object.keys(current)])].sort();
  const out: DatapointChange[] = [];
  for (const k of keys) {
    const a = dec(previous[k] ?? 0), b = dec(current[k] ?? 0);
    if (!a.eq(b)) out.push({ datapoint: k, previouslyKgCo2e: text(a), currentlyKgCo2e: text(b), differenceKgCo2e: text(b.minus(a)) });
  }
  return out;
}
