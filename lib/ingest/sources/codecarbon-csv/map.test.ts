// The CodeCarbon CSV adapter on every real file in test/fixtures/codecarbon (attribution: test/fixtures/SOURCES.md),
// read the way uploads are read: bytes streamed through ByteFeed into the preview. Expected counts are in the titles.
import { describe, expect, it } from "vitest";
import { readFixture } from "../../../../test/helpers/ingest";
import type { RowError } from "../../types";
import { M, Q } from "./schema";

const reasons = (errors: RowError[]) => [...new Set(errors.map((e) => `${e.column ?? "row"}: ${e.reason}`))];

describe("real CodeCarbon files, by version", () => {
  it("0.x, timestamps like 26:11.7 (pandas index column): 100 rows, 0 read, 100 timestamp errors", () => {
    const { adapter, preview, errors } = readFixture("codecarbon/codecarbon-0-bad-timestamps.csv");
    expect(adapter).toBe("codecarbon-csv");
    expect(preview).toMatchObject({ detectedVersion: "1.x", rowsTotal: 100, rowsValid: 0, rowsFailed: 100, warnings: [] });
    expect(reasons(errors)).toEqual(["timestamp: not an ISO 8601 date and time"]);
    expect(errors[0]).toEqual({ row: 1, column: "timestamp", value: "26:11.7", reason: "not an ISO 8601 date and time" });
  });

  it("0.x with `country` instead of `country_name`, BOM and index column: 100 rows read, country kept as country_name", () => {
    const { preview, rows } = readFixture("codecarbon/codecarbon-0-country-column.csv");
    expect(preview).toMatchObject({ rowsTotal: 100, rowsValid: 100, rowsFailed: 0, rowsUnknownIdentity: 100, warnings: [] });
    expect(rows[1].machine[M.country_name]).toBe("Taiwan");
    expect(rows[1]).toMatchObject({ projectName: "project_4", experimentId: "9288b395-c196-45c3-9c5e-05a8c127f753", measuredAt: "2020-07-24T15:26:11.000" });
  });

  it("1.x with BOM and experiment_id: 100 rows, 98 read, 2 impossible dates (2020-04-31, 2020-06-31), 5 projects", () => {
    const { preview, errors, rows } = readFixture("codecarbon/codecarbon-1-bom-experiment.csv");
    expect(preview).toMatchObject({ detectedVersion: "1.x", rowsTotal: 100, rowsValid: 98, rowsFailed: 2, projectsTotal: 5 });
    expect(errors.map((e) => [e.row, e.value, e.reason])).toEqual([
      [32, "2020-04-31T03:26:11", "not a real date (2020-04 has no day 31)"],
      [81, "2020-06-31T09:26:11", "not a real date (2020-06 has no day 31)"],
    ]);
    expect(rows[0].machine[M.on_cloud]).toBe("t");
  });

  it("1.x eleven columns: 1 row read (no run id: identity unknown)", () => {
    const { preview, rows } = readFixture("codecarbon/codecarbon-1-eleven-columns.csv");
    expect(preview).toMatchObject({ rowsTotal: 1, rowsValid: 1, rowsUnknownIdentity: 1 });
    expect(rows[0].quantities[Q.energy_consumed]).toBe("0.001308618772068");
  });

  it("1.2 with 14 trailing empty header cells: 100 rows, 98 read, no warning about the empty cells", () => {
    const { preview, rows } = readFixture("codecarbon/codecarbon-1.2-trailing-empty-columns.csv");
    expect(preview).toMatchObject({ detectedVersion: "1.x", rowsTotal: 100, rowsValid: 98, rowsFailed: 2, warnings: [] });
    expect(rows[0].quantities[Q.ram_energy]).toBe("0.1565332");
  });

  it("2.4 (macOS M1): 28 rows, 26 read, 16 runs, 3 rows without run id, 2 rows with neither energy nor emissions", () => {
    const { preview, errors } = readFixture("codecarbon/codecarbon-2.4-macos-m1.csv");
    expect(preview).toMatchObject({ detectedVersion: "2.x", rowsTotal: 28, rowsValid: 26, rowsFailed: 2, runs: 16, rowsUnknownIdentity: 3, duplicateRowsInFile: 0 });
    expect(reasons(errors)).toEqual(["energy_consumed: neither energy_consumed nor emissions has a value"]);
    const first = Object.fromEntries(preview.table.columns.map((c, i) => [c.key, preview.table.rows[0].cells[i]]));
    expect(preview.table.rows[0].row).toBe(1);
    expect(first).toMatchObject({ project: "codecarbon", energyKwh: "0.0004047892176375", trackerEmissionsKgCo2e: "0.00003435810400385386", location: "France, île-de-france" });
  });

  it("2.7.4 (EO College): 8 rows read, 6 runs; rows 3 and 5 repeat the run id and second of rows 2 and 4 (duplicates by identity)", () => {
    const { preview, rows } = readFixture("codecarbon/codecarbon-2.7.4-eo-college.csv");
    expect(preview).toMatchObject({ detectedVersion: "2.7+", rowsTotal: 8, rowsValid: 8, runs: 6, duplicateRowsInFile: 2 });
    expect(rows[1].rowHash).toBe(rows[2].rowHash);
    expect(rows[3].rowHash).toBe(rows[4].rowHash);
    expect(rows[0].experimentId).toBe("120"); // not a UUID: kept as written
  });

  it("3.x every column (water, utilisation, wue; experiment_id 'test'): 1 row read", () => {
    const { preview, rows } = readFixture("codecarbon/codecarbon-3-all-columns.csv");
    expect(preview).toMatchObject({ detectedVersion: "3.x", rowsTotal: 1, rowsValid: 1, runs: 1, warnings: [] });
    expect(rows[0].quantities[Q.water_consumed]).toBe("0.1");
    expect(rows[0].machine[M.cpu_model]).toBe("Intel(R) Core(TM) i7-8850H CPU @ 2.60GHz");
    expect(rows[0].machine[M.gpu_count]).toBeNull();
  });
});

describe("CodeCarbon 3.3.0's own output", () => {
  it("append bug: 3 rows, 1 read, 2 shifted rows (35 and 36 fields under 38) refused with both counts", () => {
    const { preview, errors } = readFixture("codecarbon/generated-3.3/emissions_offline_append_short_rows.csv");
    expect(preview).toMatchObject({ detectedVersion: "3.x", rowsTotal: 3, rowsValid: 1, rowsFailed: 2 });
    expect(errors.map((e) => [e.row, e.column, e.reason.slice(0, 42)])).toEqual([
      [2, null, "Row has 35 fields but the header has 38: v"],
      [3, null, "Row has 36 fields but the header has 38: v"],
    ]);
  });

  it('API enabled (run_id "None"): 1 row read, identity unknown', () => {
    const { preview, rows } = readFixture("codecarbon/generated-3.3/emissions_online_api_enabled.csv");
    expect(preview).toMatchObject({ rowsTotal: 1, rowsValid: 1, runs: 0, rowsUnknownIdentity: 1 });
    expect(rows[0].runId).toBeNull();
  });

  it("task file (task_name first, no experiment_id, region, lat/lon): 2 rows of 1 run, task_name not an unknown column", () => {
    const { preview, rows } = readFixture("codecarbon/generated-3.3/emissions_task_file.csv");
    expect(preview).toMatchObject({ rowsTotal: 2, rowsValid: 2, runs: 1, warnings: [] });
    expect(rows.map((r) => r.runId)).toEqual(["533bd897-bd57-4f42-a19f-0e8d8828159a", "533bd897-bd57-4f42-a19f-0e8d8828159a"]);
    expect(rows[0].experimentId).toBeNull();
  });

  it("run file of the tasks: 1 row of the same run", () => {
    const { preview, rows } = readFixture("codecarbon/generated-3.3/emissions_tasks_run.csv");
    expect(preview).toMatchObject({ rowsTotal: 1, rowsValid: 1, runs: 1 });
    expect(rows[0].runId).toBe("533bd897-bd57-4f42-a19f-0e8d8828159a");
  });
});

describe("streaming: chunk boundaries change nothing", () => {
  for (const name of ["codecarbon/codecarbon-2.4-macos-m1.csv", "codecarbon/codecarbon-1-bom-index-column.csv", "codecarbon/generated-3.3/emissions_offline_append_short_rows.csv"]) {
    it(`${name}: read in chunks of 1, 7, 64 and 4096 bytes gives the same rows and errors as whole`, () => {
      const whole = readFixture(name);
      for (const size of [1, 7, 64, 4096]) {
        const chunked = readFixture(name, size);
        expect(chunked.rows.map((r) => r.rowHash)).toEqual(whole.rows.map((r) => r.rowHash));
        expect(chunked.errors).toEqual(whole.errors);
        expect(chunked.preview).toEqual(whole.preview);
      }
    });
  }
});
