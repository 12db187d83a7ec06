// What the pipeline needs to know about one kind of record an adapter yields (a CodeCarbon measurement, a cloud
// provider's emission row, …): how the preview shows it and what it counts. The writer of each kind is chosen by
// the commit (lib/services/imports/commit/writers.ts). Add a kind: its record type in RecordKinds (lib/records/kinds.ts), a
// spec here (kinds/<kind>.ts) registered in kinds/index.ts, and a writer.

import type { PreviewColumn, PreviewTable } from "../../records/preview-table";

export type { PreviewColumn, PreviewTable } from "../../records/preview-table";

export interface RecordKindSpec<R> {
  /** Preview columns (the row number comes first, always). */
  columns: readonly PreviewColumn[];
  /** One cell per column: plain text, or exact decimal text for numeric columns; null = empty. */
  cells(record: R): (string | null)[];
  rowNumber(record: R): number;
  /** Hex sha256 of the record's identity: equal hashes within a file are duplicates. */
  rowHash(record: R): string;
  /** ISO date or date-time the record is about (the preview's period covered). */
  at(record: R): string;
  /** The group the record belongs to, listed in the preview (CodeCarbon project, cloud project or account). */
  group(record: R): string;
  /** CodeCarbon run id, or null when unknown; absent for kinds without runs. */
  run?(record: R): string | null;
  /**
   * What two rows of one file must not share with different values (key and version): such rows are conflicts
   * (pipeline/conflicts.ts). Absent: no such rule for the kind.
   */
  conflictKey?(record: R): string;
  /** Flags counted in the preview (e.g. "totals_mismatch"). */
  flags?(record: R): readonly string[];
}
