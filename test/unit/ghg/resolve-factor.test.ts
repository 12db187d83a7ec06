import { describe, expect, it } from "vitest";
import { FactorIndex, resolveFactor } from "../../../lib/ghg/resolve-factor";
import { factor } from "../../helpers/ghg";

const lookups = [
  { keyType: "CLOUD_REGION" as const, key: "gcp:europe-west4" },
  { keyType: "GRID_REGION" as const, key: "NL" },
  { keyType: "COUNTRY" as const, key: "NLD" },
];

describe("factor resolver", () => {
  it("cloud region beats grid region beats country", () => {
    const country = factor({ keyType: "COUNTRY", key: "NLD", value: "0.3" });
    const grid = factor({ keyType: "GRID_REGION", key: "NL", value: "0.2" });
    const cloud = factor({ keyType: "CLOUD_REGION", key: "gcp:europe-west4", value: "0.1" });
    const pick = (fs: typeof country[]) => resolveFactor(new FactorIndex(fs), { lookups, year: 2025, method: "LOCATION_GRID_AVERAGE", unit: "kWh" });
    expect(pick([country, grid, cloud])).toMatchObject({ ok: true, factor: { id: cloud.id } });
    expect(pick([country, grid])).toMatchObject({ ok: true, factor: { id: grid.id } });
    const r = pick([country]);
    expect(r).toMatchObject({ ok: true, factor: { id: country.id } });
    expect(r.resolution).toContain("no factor for CLOUD_REGION gcp:europe-west4, GRID_REGION NL");
  });

  it("2025 activity with factors for 2022 and 2023 (and 2026): 2023 used, flagged factor-year-fallback", () => {
    const fs = [2022, 2023, 2026].map((year) => factor({ keyType: "COUNTRY", key: "NLD", value: `0.${year}`, year }));
    const r = resolveFactor(new FactorIndex(fs), { lookups, year: 2025, method: "LOCATION_GRID_AVERAGE", unit: "kWh" });
    expect(r).toMatchObject({ ok: true, factor: { year: 2023 }, flags: ["factor-year-fallback"] });
    expect(r.resolution).toContain("nearest earlier year 2023");
  });

  it("only a later year: unresolved, saying so", () => {
    const r = resolveFactor(new FactorIndex([factor({ keyType: "COUNTRY", key: "NLD", value: "1", year: 2026 })]), { lookups, year: 2025, method: "LOCATION_GRID_AVERAGE", unit: "kWh" });
    expect(r).toMatchObject({ ok: false });
    expect(r.resolution).toContain("only later years: 2026");
  });

  it("a factor in kgCO2e/L for an activity in kWh is an unresolved unit mismatch, never a number", () => {
    const r = resolveFactor(new FactorIndex([factor({ keyType: "COUNTRY", key: "NLD", value: "1", unit: "kgCO2e/L" })]), { lookups, year: 2025, method: "LOCATION_GRID_AVERAGE", unit: "kWh" });
    expect(r).toMatchObject({ ok: false });
    expect(r.resolution).toContain("unit mismatch");
  });

  it("the organization's own factor beats a shipped one for the same key and year", () => {
    const shipped = factor({ keyType: "COUNTRY", key: "NLD", value: "0.3", id: "a" });
    const own = factor({ keyType: "COUNTRY", key: "NLD", value: "0.2", id: "b", custom: true });
    expect(resolveFactor(new FactorIndex([shipped, own]), { lookups, year: 2025, method: "LOCATION_GRID_AVERAGE", unit: "kWh" })).toMatchObject({ factor: { id: "b" } });
  });
});
