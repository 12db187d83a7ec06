import { describe, expect, it } from "vitest";
import { readFixture } from "../../test/helpers/ingest";
import { adapterFor } from "./registry";
import { IngestFileError } from "./types";

describe("source registry", () => {
  it("detects CodeCarbon by file name and declares the record kind of each adapter", () => {
    expect(adapterFor("emissions.csv", "timestamp,project_name\n")).toMatchObject({ id: "codecarbon-csv", recordKind: "measurement" });
    expect(adapterFor("out.jsonl", '{"timestamp": "x"}')).toMatchObject({ id: "codecarbon-json", recordKind: "measurement" });
  });

  it("a declared source that matches is taken; another one is refused, naming what the file looks like", () => {
    expect(adapterFor("emissions.csv", "timestamp,project_name\n", "CODECARBON_CSV").id).toBe("codecarbon-csv");
    const refusal = (() => {
      try {
        adapterFor("emissions.csv", "timestamp,project_name\n", "CODECARBON_JSON");
      } catch (err) {
        return err;
      }
    })();
    expect(refusal).toBeInstanceOf(IngestFileError);
    expect(refusal).toMatchObject({ code: "wrong-source" });
    expect((refusal as Error).message).toMatch(/uploaded as CodeCarbon JSON output, but it looks like CodeCarbon emissions\.csv/);
  });

  it("the preview's table has the columns of the record kind: 10 measurement columns for CodeCarbon", () => {
    const { preview } = readFixture("codecarbon/codecarbon-3-all-columns.csv", 7, "CODECARBON_CSV");
    expect(preview.recordKind).toBe("measurement");
    expect(preview.table.columns.map((c) => c.key)).toContain("energyKwh");
    expect(preview.table.rows[0].cells).toHaveLength(preview.table.columns.length);
  });
});
