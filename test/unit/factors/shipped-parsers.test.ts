// The shipped open data files as they are in the repo (prisma/data/factors), parsed by the loader's parsers.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCodecarbonCloudRegions } from "../../../lib/factors/shipped/codecarbon-cloud-regions";
import { parseCodecarbonEnergyMix } from "../../../lib/factors/shipped/codecarbon-energy-mix";
import { ShippedDataError } from "../../../lib/factors/shipped/shipped-data-error";

const DATA = path.resolve(__dirname, "..", "..", "..", "prisma", "data", "factors");
const energyMix = () => parseCodecarbonEnergyMix(readFileSync(path.join(DATA, "codecarbon-global-energy-mix.json"), "utf8"), null);
const cloud = () => parseCodecarbonCloudRegions(readFileSync(path.join(DATA, "codecarbon-cloud-region-impact.csv"), "utf8"), 2022);

describe("CodeCarbon global energy mix → COUNTRY factors", () => {
  it("213 countries, keys ISO alpha-3 upper case, unique, all LOCATION_GRID_AVERAGE in kgCO2e/kWh", () => {
    const rows = energyMix();
    expect(rows).toHaveLength(213);
    expect(new Set(rows.map((r) => r.key)).size).toBe(213);
    for (const r of rows) {
      expect(r.key).toMatch(/^[A-Z]{3}$/);
      expect(r).toMatchObject({ keyType: "COUNTRY", method: "LOCATION_GRID_AVERAGE", unit: "kgCO2e/kWh", sourceUnit: "gCO2e/kWh" });
    }
  });
  it("USA 2023: 369.473 gCO2e/kWh = 0.369473 kgCO2e/kWh; FRA 2023: 56.039 g = 0.056039 kg with its shares", () => {
    const rows = energyMix();
    expect(rows.find((r) => r.key === "USA")).toMatchObject({ year: 2023, value: "0.369473", sourceValue: "369.473", description: "United States" });
    expect(rows.find((r) => r.key === "FRA")).toMatchObject({
      year: 2023,
      value: "0.056039",
      fossilShare: "0.084223220712",
      nuclearShare: "0.652875843691",
      renewableShare: "0.262900935597",
    });
  });
  it("a file with a non-numeric intensity is refused with the country named", () => {
    expect(() => parseCodecarbonEnergyMix('{"XYZ": {"carbon_intensity": "high", "year": 2022}}', null)).toThrow(ShippedDataError);
    expect(() => parseCodecarbonEnergyMix('{"XYZ": {"carbon_intensity": "high", "year": 2022}}', null)).toThrow(/country XYZ/);
  });
});

describe("CodeCarbon cloud region impact → CLOUD_REGION factors", () => {
  it("40 Google Cloud regions keyed gcp:<region>; us-central1: 430 gCO2e/kWh = 0.43 kgCO2e/kWh, year as given", () => {
    const rows = cloud();
    expect(rows).toHaveLength(40);
    expect(rows.every((r) => r.key.startsWith("gcp:") && r.year === 2022)).toBe(true);
    expect(rows.find((r) => r.key === "gcp:us-central1")).toMatchObject({ value: "0.43", sourceValue: "430", unit: "kgCO2e/kWh" });
    expect(rows.find((r) => r.key === "gcp:europe-west9")).toMatchObject({ value: "0.034" });
  });
  it("the source's misspelt me-cenrtal1 is filed as gcp:me-central1 and says so", () => {
    const row = cloud().find((r) => r.key === "gcp:me-central1");
    expect(row?.description).toMatch(/me-cenrtal1/);
    expect(cloud().some((r) => r.key.includes("cenrtal"))).toBe(false);
  });
});
