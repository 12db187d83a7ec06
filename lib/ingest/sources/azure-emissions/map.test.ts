import { describe, expect, it } from "vitest";
import { checkMapperProperty, readCloud, sum } from "../../../../test/helpers/cloud";
import { readWholeCloud } from "../cloud/read-whole";
import { AZURE_ADAPTERS } from "./adapter";
import { mapAzureRow } from "./map";
import { AZURE_COLUMNS } from "./schema";

const HEADER = "dateKey,enrollmentId,orgName,subscriptionId,subscriptionName,azureServiceName,subService,azureRegionName,scope,scopeId,totalEmissions";

describe("Azure emissions export (constructed fixture)", () => {
  it("fixture: 6 rows, 0.2025 t = 202.5 kg market-based; Scope 2 MB 168.5 kg; location-based only Scope 1 + 3 = 34 kg", () => {
    const { adapter, rows, errors, preview } = readCloud("azure/azure-emissions-export-2025.csv", 64);
    expect(adapter).toBe("azure-emissions-csv");
    expect(errors).toEqual([]);
    expect(preview).toMatchObject({ rowsTotal: 6, rowsValid: 6, duplicateRowsInFile: 0 });
    expect(sum(rows, "totalMbKgCo2e")).toBe("202.5");
    expect(sum(rows, "scope2MbKgCo2e")).toBe("168.5");
    expect(sum(rows, "totalLbKgCo2e")).toBe("34");
    expect(rows[1]).toMatchObject({ provider: "AZURE", accountId: "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", billingAccountId: "8608480", scope2LbKgCo2e: null, scope2MbKgCo2e: "84.5", periodStart: "2025-01-01", periodEnd: "2025-02-01" });
    // Three scopes of one service and month are three keys, not a conflict.
    expect(new Set(rows.slice(0, 3).map((r) => r.keyHash)).size).toBe(3);
  });

  it("bad input: a date key that is not a date, an unknown scope, negative tonnes", () => {
    const { errors } = readWholeCloud(
      AZURE_ADAPTERS[0].createReader(),
      [HEADER, "20251301,1,O,s,S,VM,D,WE,Scope 1,1,0.1", "20250101,1,O,s,S,VM,D,WE,Scope 4,4,0.1", "20250101,1,O,s,S,VM,D,WE,Scope 2,2,-0.1"].join("\n"),
    );
    expect(errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [1, "dateKey", "not a real date (there is no month 13)"],
      [2, "scope", 'not a scope (expected "Scope 1", "Scope 2" or "Scope 3")'],
      [3, "totalEmissions", "must not be negative (emissions and energy are never below zero)"],
    ]);
  });

  it("property: any cells give a record that holds together or row errors, never an exception", () => {
    checkMapperProperty(AZURE_COLUMNS, mapAzureRow);
  });
});
