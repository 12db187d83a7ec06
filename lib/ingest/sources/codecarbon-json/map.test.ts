// CodeCarbon's JSON twin on its real output (test/fixtures/codecarbon/generated-3.3, CodeCarbon 3.3.0): the
// logger's JSON lines and the HTTP output's EmissionsData bodies map like the CSV rows — same checks, same hashes.
import { describe, expect, it } from "vitest";
import { ByteFeed } from "../../pipeline/byte-feed";
import { IngestFileError, type RowError } from "../../types";
import type { MappedRow } from "../codecarbon-csv/map-row";
import { readFixture } from "../../../../test/helpers/ingest";
import { Q } from "../codecarbon-csv/schema";

function readText(name: string, text: string) {
  const rows: MappedRow[] = [];
  const errors: RowError[] = [];
  const warnings: string[] = [];
  let version = "";
  const feed = new ByteFeed(name, {
    header: (h) => ((version ||= h.detectedVersion), warnings.push(...h.warnings)),
    row: (r) => rows.push(r as MappedRow),
    failed: (_n, e) => errors.push(...e),
  });
  feed.push(Buffer.from(text, "utf8"));
  feed.end();
  return { adapter: feed.adapter?.id, rows, errors, warnings, version };
}

const OBJECT = { timestamp: "2025-01-02T03:04:05", project_name: "p", run_id: "r-1", duration: 2.5, emissions: 1e-6, energy_consumed: 2.5e-5, on_cloud: "N", cpu_count: 4 };

describe("CodeCarbon 3.3.0's JSON outputs", () => {
  it("logger output (JSON lines): 8 rows read, all without run id (\"None\"), no warnings", () => {
    const { adapter, preview, rows } = readFixture("codecarbon/generated-3.3/logger_output.jsonl");
    expect(adapter).toBe("codecarbon-json");
    expect(preview).toMatchObject({ detectedVersion: "3.x (JSON)", rowsTotal: 8, rowsValid: 8, rowsFailed: 0, rowsUnknownIdentity: 8, warnings: [] });
    expect(rows[0].quantities[Q.energy_consumed]).toBe("0.000006431264431275773");
    expect(rows[0].machine.every((v) => v !== "")).toBe(true); // JSON nulls and "" are absent values
  });

  it("HTTP output bodies (captured requests with `body`): 2 rows read; the tracker's `user` key is not a warning", () => {
    const { preview } = readFixture("codecarbon/generated-3.3/http_webhook_payloads.json");
    expect(preview).toMatchObject({ rowsTotal: 2, rowsValid: 2, warnings: [] });
  });

  it("the same measurement in the CSV, the logger lines and the HTTP output has one hash (cross-format duplicates)", () => {
    const csv = readFixture("codecarbon/generated-3.3/emissions_offline_append_short_rows.csv").rows[0];
    const logger = readFixture("codecarbon/generated-3.3/logger_output.jsonl").rows[4];
    const http = readFixture("codecarbon/generated-3.3/http_webhook_payloads.json").rows[0];
    expect(csv.measuredAt).toBe("2026-11-23T08:24:22.000");
    expect(logger.rowHash).toBe(csv.rowHash);
    expect(http.rowHash).toBe(csv.rowHash);
    // Line 4 has the same second but another duration: another measurement.
    expect(readFixture("codecarbon/generated-3.3/logger_output.jsonl").rows[3].rowHash).not.toBe(csv.rowHash);
  });
});

describe("JSON shapes and problems", () => {
  it("a single object, an array, and JSON lines all read; numbers keep their exact digits", () => {
    expect(readText("one.json", JSON.stringify(OBJECT)).rows).toHaveLength(1);
    expect(readText("many.json", JSON.stringify([OBJECT, { ...OBJECT, timestamp: "2025-01-02T03:04:06" }])).rows).toHaveLength(2);
    const lines = readText("lines.jsonl", `${JSON.stringify(OBJECT)}\n${JSON.stringify({ ...OBJECT, timestamp: "2025-01-02T03:04:06" })}\n`);
    expect(lines.rows.map((r) => r.quantities[Q.energy_consumed])).toEqual(["0.000025", "0.000025"]);
    expect(lines.rows[0].machine).toContain("4");
  });

  it("a bad line is a row error and the rest is read; a cut-off last line says the file was cut off", () => {
    const text = `${JSON.stringify(OBJECT)}\n{"timestamp": oops}\n${JSON.stringify({ ...OBJECT, timestamp: "2025-01-02T03:04:07" })}\n{"timestamp": "2025-01-02T03:0`;
    const { rows, errors } = readText("lines.jsonl", text);
    expect(rows).toHaveLength(2);
    expect(errors.map((e) => [e.row, e.reason])).toEqual([
      [2, "not valid JSON (each line must be one EmissionsData object)"],
      [4, "The file ends inside this line: it was cut off; upload the complete file."],
    ]);
  });

  it("values are checked like CSV cells: negative energy, NaN as text, a nested object, a missing timestamp", () => {
    const bad = [
      { ...OBJECT, energy_consumed: -1 },
      { ...OBJECT, timestamp: "2025-01-02T03:04:09", emissions: "NaN" },
      { ...OBJECT, timestamp: "2025-01-02T03:04:10", cpu_model: { name: "x" } },
      { ...OBJECT, timestamp: null },
      "not an object",
    ];
    const { rows, errors } = readText("bad.json", JSON.stringify(bad));
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [1, "energy_consumed", "must not be negative"],
      [2, "emissions", "not a number (NaN: the tracker had no value)"],
      [3, "cpu_model", "a nested object or list where one value was expected"],
      [4, "timestamp", "not an ISO 8601 date and time"],
      [5, null, "not a JSON object (an EmissionsData object was expected)"],
    ]);
  });

  it("unknown keys are named in a warning", () => {
    expect(readText("x.jsonl", JSON.stringify({ ...OBJECT, mystery: 1 })).warnings).toEqual(["Unknown field(s) ignored: mystery."]);
  });

  it("a .json file that is not JSON is refused as a whole", () => {
    expect(() => readText("x.json", "{ this is not json")).toThrow(IngestFileError);
    expect(() => readText("x.json", "{ this is not json")).toThrow(/not valid JSON/);
  });
});
