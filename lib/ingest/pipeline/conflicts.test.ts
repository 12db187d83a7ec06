import { describe, expect, it } from "vitest";
import { fixtureText } from "../../../test/helpers/fixtures";
import type { RowError } from "../types";
import { ByteFeed } from "./byte-feed";
import { ConflictGuard, type FileConflict } from "./conflicts";
import { PreviewCollector } from "./preview";

const [HEADER, FIRST, SECOND] = fixtureText("gcp/gcp-carbon-footprint-2025.csv").split("\n");

function read(text: string, known: FileConflict[] | null = null) {
  const preview = new PreviewCollector();
  const errors: RowError[] = [];
  const guard = new ConflictGuard(
    { adapter: (a) => preview.adapter(a), header: (h) => preview.header(h), row: (r) => preview.row(r), retract: (n) => preview.retract(n), failed: (n, e) => (errors.push(...e), preview.failed(n, e)) },
    known,
  );
  const feed = new ByteFeed("f.csv", guard);
  feed.push(Buffer.from(text));
  feed.end();
  return { preview: preview.finish(), errors, conflicts: guard.conflicts };
}

describe("conflicts within a file", () => {
  const text = [HEADER, FIRST, SECOND, FIRST.replace(",510.1,", ",511.1,"), FIRST.replace(",510.1,", ",512.1,"), FIRST].join("\n");

  it("three rows of one key and version with other values: all four rows of the key fail (1 taken back), the other row is read", () => {
    const { preview, errors, conflicts } = read(text);
    expect(preview).toMatchObject({ rowsTotal: 5, rowsValid: 1, rowsFailed: 4 });
    expect(preview.table.rows.map((r) => r.row)).toEqual([2]);
    expect(errors.map((e) => e.row).sort()).toEqual([1, 3, 4, 5]);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0].firstRow).toBe(1);
  });

  it("the commit's pass, given the preview's conflicts, fails the same rows with the same reasons", () => {
    const first = read(text);
    const again = read(text, first.conflicts);
    expect(again.preview).toMatchObject({ rowsTotal: 5, rowsValid: 1, rowsFailed: 4 });
    const byRow = (es: RowError[]) => [...es].sort((a, b) => a.row - b.row).map((e) => [e.row, e.reason]);
    expect(byRow(again.errors)).toEqual(byRow(first.errors));
  });

  it("identical rows are duplicates, not conflicts", () => {
    const { preview, conflicts } = read([HEADER, FIRST, FIRST, SECOND].join("\n"));
    expect(preview).toMatchObject({ rowsValid: 3, rowsFailed: 0, duplicateRowsInFile: 1 });
    expect(conflicts).toEqual([]);
  });
});
