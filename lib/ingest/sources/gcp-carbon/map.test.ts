import { describe, expect, it } from "vitest";
import { checkMapperProperty, readCloud, sum } from "../../../../test/helpers/cloud";
import { readFixture } from "../../../../test/helpers/ingest";
import { readWholeCloud } from "../cloud/read-whole";
import { mapGcpRow } from "./map";
import { GCP_COLUMNS } from "./schema";
import { GCP_ADAPTERS } from "./adapter";

const CSV = "gcp/gcp-carbon-footprint-2025.csv";
const HEADER =
  "usage_month,billing_account_id,project.id,project.number,service.description,service.id,location.location,location.region,carbon_model_version," +
  "carbon_footprint_kgCO2e.scope1,carbon_footprint_kgCO2e.scope2.location_based,carbon_footprint_kgCO2e.scope2.market_based,carbon_footprint_kgCO2e.scope3," +
  "carbon_footprint_total_kgCO2e.location_based,carbon_footprint_total_kgCO2e.market_based,carbon_footprint_total_kgCO2e.after_offsets";
const csvAdapter = GCP_ADAPTERS.find((a) => a.id === "gcp-carbon-csv")!;
const jsonAdapter = GCP_ADAPTERS.find((a) => a.id === "gcp-carbon-ndjson")!;

describe("Google Cloud Carbon Footprint export", () => {
  it("CSV fixture: 7 rows, total LB 2.73 + 907.85 + 216.3 = 1126.88 kg, MB 2.73 + 75.01 + 216.3 = 294.04 kg", () => {
    const { adapter, preview, rows, errors } = readCloud(CSV, 37);
    expect(adapter).toBe("gcp-carbon-csv");
    expect(errors).toEqual([]);
    expect(preview).toMatchObject({ recordKind: "provider-emission", rowsTotal: 7, rowsValid: 7, measuredFrom: "2025-01-01", measuredTo: "2025-02-01" });
    expect(sum(rows, "scope1KgCo2e")).toBe("2.73");
    expect(sum(rows, "scope2LbKgCo2e")).toBe("907.85");
    expect(sum(rows, "scope2MbKgCo2e")).toBe("75.01");
    expect(sum(rows, "scope3KgCo2e")).toBe("216.3");
    expect(sum(rows, "totalLbKgCo2e")).toBe("1126.88");
    expect(sum(rows, "totalMbKgCo2e")).toBe("294.04");
    expect(rows.filter((r) => r.totalsMismatch)).toEqual([]);
    expect(rows[0]).toMatchObject({
      provider: "GCP",
      nature: "PROVIDER_REPORTED",
      billingAccountId: "007GD7-15C0E6-BDE6B3",
      cloudProjectId: "ml-training",
      service: "Compute Engine",
      location: "us-central1-a",
      region: "us-central1",
      periodStart: "2025-01-01",
      periodEnd: "2025-02-01",
      modelVersion: "14",
    });
    // The row without a project (Cloud Logging, location "global", no region) is kept, not dropped.
    expect(rows[3]).toMatchObject({ cloudProjectId: null, service: "Cloud Logging", location: "global", region: null });
  });

  it("the same rows with underscored names, and as nested JSON lines (constructed), give the same records", () => {
    const dotted = readCloud(CSV).rows;
    const underscored = readCloud("gcp/gcp-carbon-footprint-2025-underscored.csv", 5);
    const ndjson = readCloud("gcp/gcp-carbon-footprint-2025.ndjson", 11);
    expect(underscored.adapter).toBe("gcp-carbon-csv");
    expect(ndjson.adapter).toBe("gcp-carbon-ndjson");
    const hashes = (rs: typeof dotted) => rs.map((r) => r.rowHash);
    expect(hashes(underscored.rows)).toEqual(hashes(dotted));
    expect(hashes(ndjson.rows)).toEqual(hashes(dotted));
    expect(sum(ndjson.rows, "totalLbKgCo2e")).toBe("1126.88");
  });

  it("empty market-based Scope 2 (before 2023) stays empty, not 0", () => {
    const text = `${HEADER}\n2022-06-01,B-1,p,1,Compute Engine,S-1,us-east1,us-east1,9,0.5,10,,2,12.5,,\n`;
    const { records, errors } = readWholeCloud(csvAdapter.createReader(), text);
    expect(errors).toEqual([]);
    expect(records[0]).toMatchObject({ scope2MbKgCo2e: null, totalMbKgCo2e: null, totalLbKgCo2e: "12.5", totalsMismatch: false });
  });

  it("bad input: month 13, a day that is not the 1st, negative emissions, not a number — row errors with row, column and reason", () => {
    const text = [
      HEADER,
      "2025-13-01,B-1,p,1,GCE,S,us,us,14,1,1,1,1,3,3,",
      "2025-01-15,B-1,p,1,GCE,S,us,us,14,1,1,1,1,3,3,",
      "2025-01-01,B-1,p,1,GCE,S,us,us,14,-1,1,1,1,1,1,",
      "2025-01-01,B-1,p,1,GCE,S,us,us,x,1,1,1,lots,3,3,",
    ].join("\n");
    const { records, errors } = readWholeCloud(csvAdapter.createReader(), text);
    expect(records).toEqual([]);
    expect(errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [1, "usage_month", "not a real date (there is no month 13)"],
      [2, "usage_month", "must be the first day of a month (the export is monthly)"],
      [3, "carbon_footprint_kgCO2e.scope1", "must not be negative (emissions and energy are never below zero)"],
      [4, "carbon_model_version", "not a whole number"],
      [4, "carbon_footprint_kgCO2e.scope3", "not a number"],
    ]);
  });

  it("totals that don't add up are flagged (totals_mismatch), kept as stated: 1 + 2 + 3 ≠ 7", () => {
    const text = `${HEADER}\n2025-01-01,B-1,p,1,GCE,S,us,us,14,1,2,2,3,7,6,\n`;
    const { records } = readWholeCloud(csvAdapter.createReader(), text);
    expect(records[0]).toMatchObject({ totalLbKgCo2e: "7", totalMbKgCo2e: "6", totalsMismatch: true });
  });

  it("a JSON line that is not an object, or not JSON, is a row error; the other lines are read", () => {
    const good = readFixture("gcp/gcp-carbon-footprint-2025.ndjson").preview;
    expect(good.rowsValid).toBe(7);
    const first = '{"usage_month":"2025-01-01","billing_account_id":"B","carbon_model_version":14,"carbon_footprint_kgCO2e":{"scope1":1,"scope2":{"location_based":1},"scope3":1},"carbon_footprint_total_kgCO2e":{"location_based":3}}';
    const { records, errors } = readWholeCloud(jsonAdapter.createReader(), `${first}\n[1,2]\n"text"\n{not json\n`);
    expect(records).toHaveLength(1);
    expect(errors.map((e) => [e.row, e.reason.slice(0, 17)])).toEqual([
      [2, "not a JSON object"],
      [3, "not a JSON object"],
      [4, "not valid JSON (e"],
    ]);
  });

  it("property: any cells give a record that holds together or row errors, never an exception", () => {
    checkMapperProperty(GCP_COLUMNS, mapGcpRow);
  });
});
