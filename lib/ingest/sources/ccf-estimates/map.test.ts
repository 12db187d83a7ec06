import { describe, expect, it } from "vitest";
import { checkMapperProperty, readCloud, sum } from "../../../../test/helpers/cloud";
import { readWholeCloud } from "../cloud/read-whole";
import { CCF_ADAPTERS } from "./adapter";
import { mapCcfRow } from "./map";
import { CCF_COLUMNS } from "./schema";

describe("Cloud Carbon Footprint estimates", () => {
  it("/footprint JSON: 15 days, 120 estimates, 5034.58378984702581236777 kWh, 1.594999845243387318674666 t = 1594.999845243387318674666 kg CO2e, all ESTIMATED", () => {
    const { adapter, rows, errors, preview } = readCloud("ccf/ccf-api-mock-estimates.json", 999);
    expect(adapter).toBe("ccf-footprint-json");
    expect(errors).toEqual([]);
    expect(preview).toMatchObject({ rowsTotal: 120, rowsValid: 120 });
    expect(sum(rows, "energyKwh")).toBe("5034.58378984702581236777");
    expect(sum(rows, "totalLbKgCo2e")).toBe("1594.999845243387318674666");
    expect(rows.every((r) => r.nature === "ESTIMATED" && r.provider === "CCF" && r.totalMbKgCo2e === null)).toBe(true);
    expect(rows[0]).toMatchObject({ accountId: "aws account 0", service: "ebs", region: "us-east-1", periodStart: "2023-07-01", periodEnd: "2023-07-02", tags: { cloudProvider: "AWS", accountName: "aws account 0", usesAverageCPUConstant: "false" } });
  });

  it("the flat CSV (constructed from the JSON) gives the same 120 records", () => {
    const json = readCloud("ccf/ccf-api-mock-estimates.json").rows;
    const csv = readCloud("ccf/ccf-estimates.csv", 333);
    expect(csv.adapter).toBe("ccf-csv");
    expect(csv.rows.map((r) => r.rowHash)).toEqual(json.map((r) => r.rowHash));
  });

  it("bad input: an estimate that is not an object, negative CO2e, a day that doesn't exist", () => {
    const doc = JSON.stringify([
      { timestamp: "2023-07-01T00:00:00.000Z", serviceEstimates: [7, { cloudProvider: "AWS", accountName: "a", serviceName: "s", region: "r", kilowattHours: 1, co2e: -0.1 }] },
      { timestamp: "2023-02-30T00:00:00.000Z", serviceEstimates: [{ cloudProvider: "AWS", accountName: "a", co2e: 0.1 }] },
    ]);
    const { records, errors } = readWholeCloud(CCF_ADAPTERS[0].createReader(), doc);
    expect(records).toEqual([]);
    expect(errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [1, null, "not a JSON object (each row must be an object of named fields)"],
      [2, "co2e", "must not be negative (emissions and energy are never below zero)"],
      [3, "timestamp", "not a real date (2023-02 has no day 30)"],
    ]);
  });

  it("property: any cells give a record that holds together or row errors, never an exception", () => {
    checkMapperProperty(CCF_COLUMNS, mapCcfRow);
  });
});
