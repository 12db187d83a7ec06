import { describe, expect, it } from "vitest";
import { FACTOR_CSV_TEMPLATE, FactorCsvFileError, parseFactorCsv } from "../../../lib/factors/factor-csv";

const HEADER = "key_type,key,year,valid_from,valid_to,value,unit,method,gwp_basis,fossil_share,nuclear_share,renewable_share,description";

describe("factor CSV", () => {
  it("the published template parses without errors: 0.0004 tCO2e/kWh → 0.4 kgCO2e/kWh; 0.45 tCO2e/MWh → 0.45 kgCO2e/kWh", () => {
    const r = parseFactorCsv(FACTOR_CSV_TEMPLATE);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.keyType, x.key, x.year, x.value, x.unit, x.sourceValue, x.sourceUnit, x.method])).toEqual([
      ["COUNTRY", "USA", 2024, "0.4", "kgCO2e/kWh", "0.0004", "tCO2e/kWh", "SUPPLIER_SPECIFIC"],
      ["GRID_REGION", "DE-LU", 2024, "0.45", "kgCO2e/kWh", "0.45", "tCO2e/MWh", "RESIDUAL_MIX"],
      ["FUEL", "biodiesel", 2024, "0.17", "kgCO2e/L", "0.17", "kgCO2e/L", "ACTIVITY_AVERAGE"],
    ]);
    expect(r.rows[2]).toMatchObject({ renewableShare: "1", energyKwhPerUnit: "9.2", biogenicKgCo2PerUnit: "2.5" });
  });
  it("energy content and biogenic CO2 per the unit as given: 11,900 kWh/t → 11.9 kWh/kg; 1.8 t CO2/t (with tCO2e/t) → 1.8 kg CO2/kg; bad values are row errors", () => {
    const csv = `key_type,key,year,value,unit,method,energy_kwh_per_unit,biogenic_co2_per_unit
FUEL,wood-pellets,2024,0.05,tCO2e/t,ACTIVITY_AVERAGE,11900,1.8
FUEL,diesel,2024,2.68,kgCO2e/L,ACTIVITY_AVERAGE,,
FUEL,coal,2024,2.4,kgCO2e/kg,ACTIVITY_AVERAGE,lots,-1
`;
    const r = parseFactorCsv(csv);
    expect(r.rows.map((x) => [x.key, x.unit, x.energyKwhPerUnit, x.biogenicKgCo2PerUnit])).toEqual([
      ["wood-pellets", "kgCO2e/kg", "11.9", "1.8"],
      ["diesel", "kgCO2e/L", null, null],
    ]);
    expect(r.errors).toEqual([
      { row: 3, column: "energy_kwh_per_unit", value: "lots", reason: "is not a number ≥ 0" },
      { row: 3, column: "biogenic_co2_per_unit", value: "-1", reason: "is not a number ≥ 0" },
    ]);
  });
  it("normalizes keys by key type: usa → USA, GCP:US-EAST1 → gcp:us-east1, Diesel → diesel, r-410a → R-410A", () => {
    const csv = `key_type,key,year,value,unit,method
country,usa,2023,1,kgCO2e/kWh,LOCATION_GRID_AVERAGE
CLOUD_REGION,GCP:US-EAST1,2023,1,kgCO2e/kWh,location_grid_average
FUEL,Diesel,2023,2.68,kgCO2e/L,ACTIVITY_AVERAGE
REFRIGERANT,r-410a,2023,2088,kgCO2e/kg,ACTIVITY_AVERAGE
`;
    const r = parseFactorCsv(csv);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.key)).toEqual(["USA", "gcp:us-east1", "diesel", "R-410A"]);
  });
  it("row errors name row, column, value and reason: unknown unit, duplicate key, non-numeric and negative values, unknown method", () => {
    const csv = `${HEADER}
COUNTRY,FRA,2023,,,56,gCO2e/kWh,LOCATION_GRID_AVERAGE,,,,,
COUNTRY,DEU,2023,,,381,gCO2e/gallon,LOCATION_GRID_AVERAGE,,,,,
COUNTRY,FRA,2023,,,57,gCO2e/kWh,LOCATION_GRID_AVERAGE,,,,,
COUNTRY,ESP,2023,,,lots,gCO2e/kWh,LOCATION_GRID_AVERAGE,,,,,
COUNTRY,ITA,2023,,,-1,gCO2e/kWh,LOCATION_GRID_AVERAGE,,,,,
COUNTRY,POL,2023,,,662,gCO2e/kWh,MARGINAL,,,,,
COUNTRY,FRA,2022,,,60,gCO2e/kWh,LOCATION_GRID_AVERAGE,,,,,
`;
    const r = parseFactorCsv(csv);
    expect(r.rowsTotal).toBe(7);
    expect(r.rows.map((x) => `${x.key} ${x.year}`)).toEqual(["FRA 2023", "FRA 2022"]);
    expect(r.errors).toEqual([
      { row: 2, column: "unit", value: "gCO2e/gallon", reason: expect.stringMatching(/unknown unit "gCO2e\/gallon"/) },
      { row: 3, column: "key", value: "FRA", reason: "duplicates row 1 (same key type, key, year and method)" },
      { row: 4, column: "value", value: "lots", reason: "is not a number" },
      { row: 5, column: "value", value: "-1", reason: "is negative; an emission factor is zero or more" },
      { row: 6, column: "method", value: "MARGINAL", reason: expect.stringMatching(/unknown method/) },
    ]);
  });
  it("bad keys, years, dates and shares are row errors too", () => {
    const csv = `${HEADER}
COUNTRY,France,2023,,,1,kgCO2e/kWh,LOCATION_GRID_AVERAGE,,,,,
PLANET,EARTH,2023,,,1,kgCO2e/kWh,LOCATION_GRID_AVERAGE,,,,,
COUNTRY,FRA,23,,,1,kgCO2e/kWh,LOCATION_GRID_AVERAGE,,,,,
COUNTRY,DEU,,,,1,kgCO2e/kWh,LOCATION_GRID_AVERAGE,,,,,
COUNTRY,ESP,2023,2023-02-30,,1,kgCO2e/kWh,LOCATION_GRID_AVERAGE,,,,,
COUNTRY,ITA,2023,,,1,kgCO2e/kWh,LOCATION_GRID_AVERAGE,,1.5,,,
`;
    const r = parseFactorCsv(csv);
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [1, "key"],
      [2, "key_type"],
      [3, "year"],
      [4, "year"],
      [5, "valid_from"],
      [6, "fossil_share"],
    ]);
  });
  it("a spreadsheet's export reads the same: UTF-8 BOM, CRLF line ends, a quoted description with a comma", () => {
    const r = parseFactorCsv('\uFEFFkey_type,key,year,value,unit,method,description\r\nFUEL,diesel,2024,2.68,kgCO2e/L,ACTIVITY_AVERAGE,"Diesel, average biofuel blend"\r\n');
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({ keyType: "FUEL", key: "diesel", value: "2.68", unit: "kgCO2e/L", description: "Diesel, average biofuel blend" });
  });
  it("a year may come from valid_from", () => {
    const r = parseFactorCsv("key_type,key,valid_from,valid_to,value,unit,method\nCOUNTRY,FRA,2024-01-01,2024-12-31,50,gCO2e/kWh,RESIDUAL_MIX\n");
    expect(r.rows[0]).toMatchObject({ year: 2024, validFrom: "2024-01-01", validTo: "2024-12-31", value: "0.05" });
  });
  it("file errors: empty, header only, missing or unknown columns", () => {
    expect(() => parseFactorCsv("")).toThrow(FactorCsvFileError);
    expect(() => parseFactorCsv(`${HEADER}\n`)).toThrow(/no factor rows/);
    expect(() => parseFactorCsv("key_type,key,value,unit\nCOUNTRY,FRA,1,kgCO2e/kWh\n")).toThrow(/Missing column\(s\) method/);
    expect(() => parseFactorCsv("key_type,key,value,unit,method,colour\nCOUNTRY,FRA,1,kgCO2e/kWh,RESIDUAL_MIX,red\n")).toThrow(/Unknown column\(s\) "colour"/);
  });
});
