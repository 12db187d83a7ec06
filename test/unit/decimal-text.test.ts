import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDecimal } from "../../lib/text/decimal-text";

describe("parseDecimal: numeric text → exact plain decimal string", () => {
  it.each([
    ["3.435810400385386e-05", "0.00003435810400385386"],
    ["9.665640951000897e-08", "0.00000009665640951000897"],
    ["0.00017348589160750131", "0.00017348589160750131"],
    ["355.46638011932373", "355.46638011932373"],
    ["1E+3", "1000"],
    ["-2.5e2", "-250"],
    ["+7", "7"],
    [".5", "0.5"],
    ["5.", "5"],
    ["  42  ", "42"],
    ["0.0", "0"],
    ["-0.0", "0"],
    ["8.0", "8"],
    ["12345678901234567890.123456789012345678901234567890", "12345678901234567890.12345678901234567890123456789"],
  ])("%s → %s", (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  it.each(["NaN", "nan", "1e", "1e+", "e5", "abc", "Infinity", "-Infinity", "inf", "", "   ", "1.2.3", "0x10", "--1", "1,5", "1 000", "None", ".", "+", "1e5.5"])(
    "rejects %j",
    (text) => {
      expect(parseDecimal(text)).toBeNull();
    },
  );

  it("never goes through a float: agrees with decimal.js on the shortest round-trip text of any double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e30, max: 1e30 }), (x) => {
        const text = String(x);
        const parsed = parseDecimal(text);
        expect(parsed).not.toBeNull();
        expect(new Decimal(parsed!).equals(new Decimal(text).toDecimalPlaces(30, Decimal.ROUND_HALF_UP))).toBe(true);
        expect(parsed).not.toMatch(/e/i);
      }),
    );
  });

  // Every quantity is stored in Postgres numeric(65,30): 35 digits before the point, 30 after.
  it("refuses magnitudes numeric(65,30) cannot hold (≥ 1e35) instead of failing later in the database", () => {
    expect(parseDecimal("99999999999999999999999999999999999")).toBe("99999999999999999999999999999999999");
    expect(parseDecimal("1e35")).toBeNull();
    expect(parseDecimal("-1e40")).toBeNull();
  });

  it("rounds digits beyond the 30th decimal as Postgres would (half away from zero)", () => {
    expect(parseDecimal("1.2345678901234567e-20")).toBe("0.000000000000000000012345678901");
    expect(parseDecimal("0.0000000000000000000000000000005")).toBe("0.000000000000000000000000000001");
    expect(parseDecimal("-0.0000000000000000000000000000005")).toBe("-0.000000000000000000000000000001");
    expect(parseDecimal("1e-40")).toBe("0");
  });

  it("stays cheap on absurd exponents (a CSV cell must not be able to exhaust memory)", () => {
    const started = Date.now();
    expect(parseDecimal("1e999999999")).toBeNull();
    expect(parseDecimal("1e-999999999")).toBe("0");
    expect(parseDecimal("1e99999999999999999999")).toBeNull();
    expect(parseDecimal(`0.${"0".repeat(100_000)}1`)).toBe("0");
    expect(parseDecimal("9".repeat(100_000))).toBeNull();
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
