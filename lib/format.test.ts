import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { energyScale, formatChange, massScale, formatCount, formatDecimal, formatEnergyKwh, formatExact, formatKgCo2e, formatKwh, formatMassKg, formatTCo2eFromKg, toDisplayNumber } from "./format";

// Golden cases for docs/decisions/0004-display-rounding.md.
// Each row: [exact input as Postgres returns it, expected display string].
describe("formatDecimal — |x| ≥ 1: 3 decimals, half-up, thousands separators", () => {
  it.each([
    ["12345.6785", "12,345.679"], // tie → up
    ["12345.67849999", "12,345.678"],
    ["1.0005", "1.001"], // the float 1.0005 is 1.000499…, toFixed(3) would say "1.000"
    ["2.0004999", "2"],
    ["999.9995", "1,000"], // rounding carries across a group boundary
    ["1", "1"],
    ["1000000", "1,000,000"],
    ["1.5", "1.5"],
    ["9007199254740993.0005", "9,007,199,254,740,993.001"], // beyond float precision
    [
      "12345678901234567890123456789012345.123456789012345678901234567890", // numeric(65,30) at full width
      "12,345,678,901,234,567,890,123,456,789,012,345.123",
    ],
  ])("%s → %s", (input, expected) => {
    expect(formatDecimal(input)).toBe(expected);
  });
});

describe("formatDecimal — 0 < |x| < 1: 4 significant digits, half-up, no exponent", () => {
  it.each([
    ["0.004047892176375000000000000000", "0.004048"],
    ["0.000034355", "0.00003436"], // tie → up
    ["0.000034354999", "0.00003435"],
    ["0.00012345", "0.0001235"], // tie → up
    ["0.00012344999", "0.0001234"],
    ["0.999949", "0.9999"],
    ["0.99995", "1"], // 4 significant digits round up to 1.000
    ["0.000000123456789", "0.0000001235"],
    ["0.000000000000000000000000000001", "0.000000000000000000000000000001"], // smallest numeric(65,30) step
    [".5", "0.5"],
  ])("%s → %s", (input, expected) => {
    expect(formatDecimal(input)).toBe(expected);
  });
});

describe("formatDecimal — negatives round half away from zero", () => {
  it.each([
    ["-0.00012345", "-0.0001235"],
    ["-12345.6785", "-12,345.679"],
    ["-1.0004", "-1"],
    ["-0.004047892176375000000000000000", "-0.004048"],
  ])("%s → %s", (input, expected) => {
    expect(formatDecimal(input)).toBe(expected);
  });
});

describe("formatDecimal — zero and numeric(65,30) padding", () => {
  it.each([
    ["0", "0"],
    ["0.000000000000000000000000000000", "0"],
    ["-0.000", "0"], // no negative zero
    ["12.500000000000000000000000000000", "12.5"],
    ["3.000000000000000000000000000000", "3"],
    ["0.500000000000000000000000000000", "0.5"],
    ["1234.100000000000000000000000000000", "1,234.1"],
    ["+7.25", "7.25"],
  ])("%s → %s", (input, expected) => {
    expect(formatDecimal(input)).toBe(expected);
  });
});

describe("formatDecimal — refuses what is not an exact decimal string", () => {
  it.each(["", "abc", "1e5", "NaN", "Infinity", " 1", "1,000", "1.2.3", "--1"])("%j throws", (input) => {
    expect(() => formatDecimal(input)).toThrow(RangeError);
  });
});

describe("formatDecimal — the rule does not depend on global decimal.js settings", () => {
  it("still rounds half-up after Decimal.set({ rounding: ROUND_DOWN })", () => {
    const saved = { rounding: Decimal.rounding, precision: Decimal.precision };
    try {
      Decimal.set({ rounding: Decimal.ROUND_DOWN, precision: 5 });
      expect(formatDecimal("0.00012345")).toBe("0.0001235");
      expect(formatDecimal("12345.6785")).toBe("12,345.679");
    } finally {
      Decimal.set(saved);
    }
  });
});

describe("formatDecimal — properties", () => {
  const decimalString = fc
    .tuple(
      fc.boolean(),
      fc.stringMatching(/^(0|[1-9][0-9]{0,34})$/),
      fc.stringMatching(/^[0-9]{0,30}$/),
    )
    .map(([negative, int, frac]) => `${negative ? "-" : ""}${int}${frac ? `.${frac}` : ""}`);

  it("is within half a unit of the last shown place, keeps the sign, never uses an exponent", () => {
    fc.assert(
      fc.property(decimalString, (input) => {
        const x = new Decimal(input);
        const shown = formatDecimal(input);
        expect(shown).not.toMatch(/e/i);
        const back = new Decimal(shown.replace(/,/g, ""));
        if (x.isZero()) {
          expect(shown).toBe("0");
          return;
        }
        // Half a unit of the last place: 0.0005 when |x| ≥ 1, else 0.5 × 10^(exponent − 3).
        const halfUnit = x.abs().gte(1) ? new Decimal("0.0005") : new Decimal(10).pow(x.e - 3).div(2);
        expect(back.minus(x).abs().lte(halfUnit)).toBe(true);
        if (!back.isZero()) expect(back.isNegative()).toBe(x.isNegative());
      }),
      { numRuns: 500 },
    );
  });
});

describe("unit helpers", () => {
  it('formatKwh("12345.6785") = "12,345.679 kWh"', () => {
    expect(formatKwh("12345.6785")).toBe("12,345.679 kWh");
  });
  it('formatKgCo2e("0.004047892176375000000000000000") = "0.004048 kg CO₂e"', () => {
    expect(formatKgCo2e("0.004047892176375000000000000000")).toBe("0.004048 kg CO₂e");
  });
  it('formatKwh("0") = "0 kWh"', () => {
    expect(formatKwh("0.000000000000000000000000000000")).toBe("0 kWh");
  });
  it('formatTCo2eFromKg("18000") = "18 t CO₂e", ("12") = "0.012 t CO₂e", ("1234567.8915") = "1,234.568 t CO₂e"', () => {
    expect(formatTCo2eFromKg("18000")).toBe("18 t CO₂e");
    expect(formatTCo2eFromKg("12")).toBe("0.012 t CO₂e");
    expect(formatTCo2eFromKg("1234567.8915")).toBe("1,234.568 t CO₂e");
  });
  it("formatDecimal with a unit", () => {
    expect(formatDecimal("0.00003435500", { unit: "t" })).toBe("0.00003436 t");
  });
});

describe("formatCount", () => {
  it.each([
    [0, "0"],
    [7, "7"],
    [1234, "1,234"],
    [1234567, "1,234,567"],
  ])("%d → %s", (input, expected) => {
    expect(formatCount(input)).toBe(expected);
  });
  it("refuses fractions", () => {
    expect(() => formatCount(1.5)).toThrow(RangeError);
  });
});

describe("toDisplayNumber — only for chart geometry", () => {
  it("gives an approximate number for sizing bars", () => {
    expect(toDisplayNumber("0.004047892176375000000000000000")).toBeCloseTo(0.004047892176375, 15);
    expect(toDisplayNumber("12345.6785")).toBe(12345.6785);
    expect(toDisplayNumber("0")).toBe(0);
  });
  it("refuses what is not an exact decimal string", () => {
    expect(() => toDisplayNumber("n/a")).toThrow(RangeError);
  });
});

describe("formatExact — inputs shown exactly (factor values, activity quantities): only padding dropped", () => {
  it.each([
    ["0.056039000000000000000000000000", "0.056039"],
    ["0.000169423120000000000000000000", "0.00016942312"],
    ["12345.500000000000000000000000000", "12,345.5"],
    ["-0.000000000000000000000000000000", "0"],
    ["-1234.000000000000000000000000001", "-1,234.000000000000000000000000001"],
  ])("%s → %s", (input, expected) => {
    expect(formatExact(input)).toBe(expected);
  });

  it("keeps a unit after one space", () => {
    expect(formatExact("0.4", { unit: "kgCO2e/kWh" })).toBe("0.4 kgCO2e/kWh");
  });
});

// Decision 0004, addendum "readable units": the unit that puts the value in [1, 1000), then the rounding rule.
describe("formatEnergyKwh — Wh, kWh, MWh, GWh from exact kWh", () => {
  it.each([
    ["0.000000000000000000000000000000", "0 kWh"],
    ["0.00000009764", "< 0.001 Wh"], // 0.00009764 Wh: below the smallest shown step
    ["0.00000099999", "< 0.001 Wh"], // compared exactly, before rounding
    ["0.000001", "0.001 Wh"],
    ["0.000041377212287186168", "0.04138 Wh"], // a short CodeCarbon run
    ["0.004047892176375000000000000000", "4.048 Wh"],
    ["0.00809", "8.09 Wh"],
    ["0.99999", "999.99 Wh"],
    ["0.9999996", "1 kWh"], // 999.9996 Wh rounds to 1,000 Wh: the next unit
    ["0.0009999996", "1 Wh"],
    ["1", "1 kWh"],
    ["30.000000000000000000000000000000", "30 kWh"],
    ["999.9994", "999.999 kWh"],
    ["999.9995", "1 MWh"],
    ["70000", "70 MWh"],
    ["1234567", "1.235 GWh"],
    ["12345678901.5", "12,345.679 GWh"], // no unit above GWh
    ["-0.5", "-500 Wh"],
    ["-0.0000000001", "> -0.001 Wh"],
  ])("%s kWh → %s", (input, expected) => {
    expect(formatEnergyKwh(input)).toBe(expected);
  });
  it("refuses what is not an exact decimal string", () => {
    expect(() => formatEnergyKwh("9.764e-8")).toThrow(RangeError);
  });
});

describe("formatMassKg — g, kg, t from exact kg", () => {
  it.each([
    ["0", "0 kg CO₂e"],
    ["0.00000016291677478553769", "< 0.001 g CO₂e"],
    ["0.000001", "0.001 g CO₂e"],
    ["0.0001954", "0.1954 g CO₂e"],
    ["0.012", "12 g CO₂e"],
    ["0.9999996", "1 kg CO₂e"],
    ["12", "12 kg CO₂e"],
    ["999.99949", "999.999 kg CO₂e"],
    ["999.9995", "1 t CO₂e"],
    ["1121.33", "1.121 t CO₂e"],
    ["2500000", "2,500 t CO₂e"],
    ["-12.5", "-12.5 kg CO₂e"],
  ])("%s kg → %s", (input, expected) => {
    expect(formatMassKg(input)).toBe(expected);
  });
  it("names what the mass is of", () => {
    expect(formatMassKg("2500", "CO₂")).toBe("2.5 t CO₂");
  });
});

describe("energyScale — a chart axis in the unit of its largest value", () => {
  it.each([
    ["0.00809", "Wh", "0.004", "4"],
    ["0", "kWh", "0.5", "0.5"],
    ["1200", "MWh", "30", "0.03"],
    ["0.9999996", "kWh", "0.25", "0.25"],
  ])("max %s kWh → %s; %s kWh = %s", (max, unit, value, inUnit) => {
    const scale = energyScale(max);
    expect(scale.unit).toBe(unit);
    expect(scale.inUnit(value)).toBe(inUnit);
  });
});

describe("massScale — a chart axis in the mass unit of its largest absolute value", () => {
  it.each([
    [["1379", "12"], "t CO₂e", "12", "0.012"],
    [["0", "0"], "kg CO₂e", "0.5", "0.5"],
    [["-2500", "10"], "t CO₂e", "-2500", "-2.5"],
    [["0.00042", "0.0001"], "g CO₂e", "0.0001", "0.1"],
    [["999.9996"], "t CO₂e", "500", "0.5"],
  ])("%j kg → %s; %s kg = %s", (values, unit, value, inUnit) => {
    const scale = massScale(values);
    expect(scale.unit).toBe(unit);
    expect(scale.inUnit(value)).toBe(inUnit);
  });

  it("names what the mass is of", () => {
    expect(massScale(["2500"], "CO₂").unit).toBe("t CO₂");
  });
});

describe("formatChange — a % change with its sign", () => {
  it.each([
    ["31.33333", "+31.333 %"],
    ["-50", "−50 %"],
    ["0", "0 %"],
    ["0.00001", "+0.00001 %"],
    [null, "—"],
  ])("%s → %s", (pct, shown) => expect(formatChange(pct)).toBe(shown));
});
