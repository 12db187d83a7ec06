// The dates an edit touches: from the earlier start to the later end of the record before and after, so the OPEN
// periods that lose the record and those that gain it are both recalculated.
import type { ChangedRange } from "../inventory/recalculate-after-change";

export function changedDates(before: { periodStart: string; periodEnd: string }, after: { periodStart: string; periodEnd: string }): ChangedRange {
  return {
    from: before.periodStart < after.periodStart ? before.periodStart : after.periodStart,
    to: before.periodEnd > after.periodEnd ? before.periodEnd : after.periodEnd,
  };
}
