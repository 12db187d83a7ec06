import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashNumber, versionRank } from "./values";

describe("cloud values", () => {
  it("hashNumber: one spelling per value (1.50 = 01.5 = 15e-1 = 1.5; -0.0 = 0)", () => {
    for (const t of ["1.50", "01.5", "15e-1", "1.5", "+1.5"]) expect(hashNumber(t)).toBe("1.5");
    expect(hashNumber("-0.0")).toBe("0");
    expect(hashNumber("100")).toBe("100");
    expect(hashNumber("0.050")).toBe("0.05");
  });

  it("property: equal values hash alike, different values differently", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 3 }), (m, scale, pad) => {
        const d = new Decimal(m).dividedBy(new Decimal(10).pow(scale));
        const plain = d.toFixed(scale) + (scale > 0 ? "0".repeat(pad) : "");
        const plainWithPoint = plain.includes(".") ? plain : `${plain}.0`;
        expect(hashNumber(plainWithPoint)).toBe(hashNumber(d.toExponential()));
        expect(hashNumber(plain)).toBe(d.toFixed());
        expect(hashNumber(d.plus("0.5").toFixed())).not.toBe(hashNumber(plain));
      }),
    );
  });

  it("versionRank orders versions by their numbers: 9 < 14, v2.0.9 < v2.0.10", () => {
    expect(versionRank("9") < versionRank("14")).toBe(true);
    expect(versionRank("v2.0.9") < versionRank("v2.0.10")).toBe(true);
  });
});
