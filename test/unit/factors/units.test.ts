import { describe, expect, it } from "vitest";
import { FACTOR_UNITS, toKgCo2ePerUnit } from "../../../lib/factors/units";

describe("factor units: source value and unit → kgCO2e per normalized unit, exactly", () => {
  it("0.0004 tCO2e/kWh (the worked example) = 0.4 kgCO2e/kWh", () => {
    expect(toKgCo2ePerUnit("0.0004", "tCO2e/kWh")).toEqual({ ok: true, valueKgCo2e: "0.4", unit: "kgCO2e/kWh", sourceValue: "0.0004", sourceUnit: "tCO2e/kWh" });
  });
  it("369.473 gCO2e/kWh = 0.369473 kgCO2e/kWh; 0.45 tCO2e/MWh = 0.45 kgCO2e/kWh; 450 kgCO2eq/MWh = 0.45", () => {
    expect(toKgCo2ePerUnit("369.473", "gCO2e/kWh")).toMatchObject({ valueKgCo2e: "0.369473", unit: "kgCO2e/kWh" });
    expect(toKgCo2ePerUnit("0.45", "tCO2e/MWh")).toMatchObject({ valueKgCo2e: "0.45", unit: "kgCO2e/kWh" });
    expect(toKgCo2ePerUnit("450", "kg CO2eq / MWh")).toMatchObject({ valueKgCo2e: "0.45", unit: "kgCO2e/kWh", sourceUnit: "kg CO2eq / MWh" });
  });
  it("keeps every digit: 0.000000000000000000123456789 tCO2e/kWh = 0.000000000000000123456789 kgCO2e/kWh (no float, no 20-digit rounding)", () => {
    expect(toKgCo2ePerUnit("0.000000000000000000123456789", "tCO2e/kWh")).toMatchObject({ valueKgCo2e: "0.000000000000000123456789" });
    expect(toKgCo2ePerUnit("123456789012345678901234.5678901234", "gCO2e/L")).toMatchObject({ valueKgCo2e: "123456789012345678901.2345678901234", unit: "kgCO2e/L" });
  });
  it("2.68 kgCO2e/L diesel, 2.1 tCO2e/t → 2.1 kgCO2e/kg, 0.15 kgCO2e/passenger-km, 0.5 kgCO2e/EUR", () => {
    expect(toKgCo2ePerUnit("2.68", "kgCO2e/L")).toMatchObject({ valueKgCo2e: "2.68", unit: "kgCO2e/L" });
    expect(toKgCo2ePerUnit("2.1", "tCO2e/t")).toMatchObject({ valueKgCo2e: "2.1", unit: "kgCO2e/kg" });
    expect(toKgCo2ePerUnit("0.15", "kgCO2e/passenger-km")).toMatchObject({ unit: "kgCO2e/passenger-km" });
    expect(toKgCo2ePerUnit("0.5", "kgCO2e/EUR")).toMatchObject({ unit: "kgCO2e/EUR" });
  });
  it("every converted unit is one of the contract's units", () => {
    for (const unit of ["gCO2e/kWh", "tCO2e/MWh", "kgCO2e/m3", "kgCO2e/km", "kgCO2e/USD", "kgCO2e/item", "gCO2e/GWh"])
      expect(FACTOR_UNITS).toContain((toKgCo2ePerUnit("1", unit) as { unit: string }).unit);
  });
  it("unknown units are refused with the reason: lbCO2e/kWh, tCO2e/gallon, kWh, empty", () => {
    for (const unit of ["lbCO2e/kWh", "tCO2e/gallon", "kWh", "", "tCO2/kWh"]) {
      const r = toKgCo2ePerUnit("1", unit);
      expect(r.ok, unit).toBe(false);
      expect((r as { reason: string }).reason).toMatch(/unknown unit/);
    }
  });
});
