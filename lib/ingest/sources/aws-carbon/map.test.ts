import { describe, expect, it } from "vitest";
import { checkMapperProperty, readCloud, sum } from "../../../../test/helpers/cloud";
import { readWholeCloud } from "../cloud/read-whole";
import { AWS_ADAPTERS } from "./adapter";
import { mapAwsRow, mapCcftRow } from "./map";
import { AWS_COLUMNS, CCFT_COLUMNS } from "./schema";

const HEADER =
  "last_refresh_timestamp,location,model_version,payer_account_id,product_code,region_code,total_lbm_emissions_value,total_lbm_emissions_unit,total_mbm_emissions_value,total_mbm_emissions_unit,usage_account_id,usage_period_start,usage_period_end";
const SPLIT_HEADER = `${HEADER},total_scope_1_emissions_value,total_scope_1_emissions_unit,total_scope_2_lbm_emissions_value,total_scope_2_lbm_emissions_unit,total_scope_2_mbm_emissions_value,total_scope_2_mbm_emissions_unit,total_scope_3_lbm_emissions_value,total_scope_3_lbm_emissions_unit,total_scope_3_mbm_emissions_value,total_scope_3_mbm_emissions_unit`;
const reader = () => AWS_ADAPTERS[0].createReader();

describe("AWS carbon emissions Data Export", () => {
  it("fixture: 6 rows, LB 0.889 MTCO2e = 889 kg, MB 0.076 MTCO2e = 76 kg (× 1000 exactly)", () => {
    const { adapter, preview, rows, errors } = readCloud("aws/aws-carbon-emissions-export-2025.csv", 50);
    expect(adapter).toBe("aws-carbon-export");
    expect(errors).toEqual([]);
    expect(preview).toMatchObject({ rowsTotal: 6, rowsValid: 6, measuredFrom: "2025-01-01", measuredTo: "2025-02-01" });
    expect(sum(rows, "totalLbKgCo2e")).toBe("889");
    expect(sum(rows, "totalMbKgCo2e")).toBe("76");
    expect(rows[0]).toMatchObject({
      provider: "AWS",
      billingAccountId: "111122223333",
      accountId: "444455556666",
      service: "AmazonEC2",
      region: "us-east-1",
      location: "US East (N. Virginia)",
      periodStart: "2025-01-01",
      periodEnd: "2025-02-01",
      refreshedAt: "2025-03-21T04:12:09.000Z",
      modelVersion: "v2.0.0",
      totalLbKgCo2e: "412",
      sourceUnit: "MTCO2e",
    });
    expect(rows[3]).toMatchObject({ location: "Global", region: null, service: "AmazonCloudFront" });
  });

  it("scope-split columns: 0.1 + 0.2 + 0.05 MTCO2e = 350 kg LB matches; a total of 0.4 is flagged", () => {
    const row = (total: string) =>
      `2025-03-21 04:12:09Z,US East (N. Virginia),v3.0.0,1,AmazonEC2,us-east-1,${total},MTCO2e,0.16,MTCO2e,2,2025-01-01 00:00:00Z,2025-02-01 00:00:00Z,0.1,MTCO2e,0.2,MTCO2e,0.01,MTCO2e,0.05,MTCO2e,0.05,MTCO2e`;
    const { records, errors } = readWholeCloud(reader(), [SPLIT_HEADER, row("0.35"), row("0.4")].join("\n"));
    expect(errors).toEqual([]);
    expect(records[0]).toMatchObject({ scope1KgCo2e: "100", scope2LbKgCo2e: "200", scope2MbKgCo2e: "10", scope3LbKgCo2e: "50", scope3MbKgCo2e: "50", totalLbKgCo2e: "350", totalMbKgCo2e: "160", totalsMismatch: false });
    expect(records[1]).toMatchObject({ totalLbKgCo2e: "400", totalsMismatch: true });
  });

  it("units: each row by its own unit (mixed units are read, with a warning); an unknown unit is a row error", () => {
    const line = (value: string, unit: string) => `2025-03-21 04:12:09Z,Global,v2.0.0,1,AmazonS3,,${value},${unit},0,${unit},2,2025-01-01 00:00:00Z,2025-02-01 00:00:00Z`;
    const { records, errors, warnings } = readWholeCloud(reader(), [HEADER, line("0.5", "MTCO2e"), line("7", "kgCO2e").replace("AmazonS3", "AmazonEC2"), line("3", "lbCO2e")].join("\n"));
    expect(records.map((r) => r.totalLbKgCo2e)).toEqual(["500", "7"]);
    expect(errors.map((e) => [e.row, e.column, e.value, e.reason])).toEqual([
      [3, "total_lbm_emissions_unit", "lbCO2e", "unknown unit (expected one of kgCO2e, MTCO2e, tCO2e, gCO2e)"],
      [3, "total_mbm_emissions_unit", "lbCO2e", "unknown unit (expected one of kgCO2e, MTCO2e, tCO2e, gCO2e)"],
    ]);
    expect(warnings.join(" ")).toMatch(/Mixed units in one file \(MTCO2e, kgCO2e, lbCO2e\)/);
  });

  it("bad input: a month that doesn't exist, negative emissions, a period that ends before it starts", () => {
    const { records, errors } = readWholeCloud(
      reader(),
      [
        HEADER,
        "2025-03-21 04:12:09Z,X,v2.0.0,1,EC2,r,0.1,MTCO2e,0.1,MTCO2e,2,2025-13-01 00:00:00Z,2025-02-01 00:00:00Z",
        "2025-03-21 04:12:09Z,X,v2.0.0,1,EC2,r,-0.1,MTCO2e,0.1,MTCO2e,2,2025-01-01 00:00:00Z,2025-02-01 00:00:00Z",
        "2025-03-21 04:12:09Z,X,v2.0.0,1,EC2,r,0.1,MTCO2e,0.1,MTCO2e,2,2025-02-01 00:00:00Z,2025-01-01 00:00:00Z",
      ].join("\n"),
    );
    expect(records).toEqual([]);
    expect(errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [1, "usage_period_start", "not a real date (there is no month 13)"],
      [2, "total_lbm_emissions_value", "must not be negative (emissions and energy are never below zero)"],
      [3, "usage_period_end", "must be after usage_period_start"],
    ]);
  });

  it("the retired Customer Carbon Footprint Tool CSV: mbmCarbon 0.048 t = 48 kg market-based", () => {
    const { records, errors } = readWholeCloud(AWS_ADAPTERS[1].createReader(), "accountId,mbmCarbon,paceProductCode,regionCode,startDate\n123,0.048,AmazonEC2,EMEA,2022-01-01\n");
    expect(errors).toEqual([]);
    expect(records[0]).toMatchObject({ accountId: "123", totalMbKgCo2e: "48", totalLbKgCo2e: null, location: "EMEA", periodEnd: "2022-02-01" });
  });

  it("property: any cells give a record that holds together or row errors, never an exception", () => {
    checkMapperProperty(AWS_COLUMNS, mapAwsRow);
    checkMapperProperty(CCFT_COLUMNS, mapCcftRow);
  });
});
