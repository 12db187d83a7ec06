// The activity domain (lib/activity): units and exact conversions, categories and proposed scopes, and the one
// validation of an entry that the form and the CSV mapper share.
import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATEGORIES, categoryByName, normalizeActivityType } from "../../../lib/activity/categories";
import { dateProblem } from "../../../lib/activity/dates";
import { checkActivityEntry, type ActivityEntryText } from "../../../lib/activity/entry";
import { checkInstrumentEntry } from "../../../lib/activity/instrument-entry";
import { ACCEPTED_UNIT_SPELLINGS, convertQuantity, normalizeFactor, normalizeQuantity } from "../../../lib/activity/units";

const WORKED: ActivityEntryText = { periodStart: "2025-03-01", periodEnd: "2025-03-05", site: "us-east training cluster", category: "electricity", quantity: "30", unit: "kWh" };

describe("units: exact conversions to the normalized unit", () => {
  it.each([
    ["30", "kWh", "30", "kWh"],
    ["4.2", "MWh", "4200", "kWh"],
    ["0.0036", "GJ", "1", "kWh"],
    ["1.5", "m3", "1500", "L"],
    ["1.5", "m³", "1500", "L"],
    ["2.5", "t", "2500", "kg"],
    ["1200", "pkm", "1200", "passenger-km"],
    ["3", "items", "3", "item"],
    ["99.99", "EUR", "99.99", "EUR"],
  ])("%s %s = %s %s", (q, unit, expected, expectedUnit) => {
    const n = normalizeQuantity(q, unit)!;
    expect(new Decimal(n.quantity).equals(expected)).toBe(true);
    expect(n.unit).toBe(expectedUnit);
    expect(n.exact).toBe(true);
  });

  it("1 GJ = 277.777…778 kWh, rounded at the 30th decimal and flagged as not exact", () => {
    const n = normalizeQuantity("1", "GJ")!;
    expect(n.quantity).toBe("277.777777777777777777777777777778");
    expect(n.exact).toBe(false);
  });

  it("unknown units and wrong case are not guessed: mWh, KWH, gallon", () => {
    for (const u of ["mWh", "KWH", "gallon", "", "kwh "]) expect(normalizeQuantity("1", u)).toBeNull();
  });

  it("supplier factors: 0.0004 tCO2e/kWh = 0.4 kgCO2e/kWh; 36 kgCO2e/GJ = 0.1296 kgCO2e/kWh; 350 gCO2e/kWh = 0.35", () => {
    expect(normalizeFactor("0.0004", "tCO2e/kWh")).toMatchObject({ value: "0.4", unit: "kgCO2e/kWh" });
    expect(normalizeFactor("36", "kgCO2e/GJ")).toMatchObject({ value: "0.1296", unit: "kgCO2e/kWh" });
    expect(normalizeFactor("350", "gCO2e/kWh")).toMatchObject({ value: "0.35", unit: "kgCO2e/kWh" });
    expect(normalizeFactor("2.5", "kgCO2e/m3")).toMatchObject({ value: "0.0025", unit: "kgCO2e/L" });
    expect(normalizeFactor("1", "CO2e/kWh")).toBeNull();
  });

  it("convertQuantity: 1500 L = 1.5 m3; kWh to L is refused", () => {
    expect(convertQuantity("1500", "L", "m3")).toBe("1.5");
    expect(convertQuantity("1", "kWh", "L")).toBeNull();
  });

  it("property: normalized quantity × factor per normalized unit = quantity × factor per entered unit (exact, terminating units)", () => {
    const units = ["kWh", "MWh", "L", "m3", "kg", "t", "km", "EUR"];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 6 }), fc.constantFrom(...units), fc.integer({ min: 0, max: 10 ** 6 }), (n, scale, unit, f) => {
        const q = new Decimal(n).dividedBy(10 ** scale).toFixed();
        const factor = new Decimal(f).dividedBy(1000).toFixed();
        const nq = normalizeQuantity(q, unit)!;
        const nf = normalizeFactor(factor, `kgCO2e/${unit}`)!;
        expect(nq.exact).toBe(true);
        expect(new Decimal(nq.quantity).times(nf.value).equals(new Decimal(q).times(factor))).toBe(true);
      }),
    );
  });
});

describe("categories and proposed scopes (domain.md §1)", () => {
  it.each([
    ["fuel", "FUEL_COMBUSTION", "SCOPE_1", null],
    ["refrigerant", "REFRIGERANT_LEAK", "SCOPE_1", null],
    ["electricity", "PURCHASED_ELECTRICITY", "SCOPE_2", null],
    ["heat", "PURCHASED_HEAT", "SCOPE_2", null],
    ["steam", "PURCHASED_STEAM", "SCOPE_2", null],
    ["cooling", "PURCHASED_COOLING", "SCOPE_2", null],
    ["travel", "BUSINESS_TRAVEL", "SCOPE_3", 6],
    ["hardware", "HARDWARE_PURCHASE", "SCOPE_3", 2],
    ["spend", "SPEND_PURCHASE", "SCOPE_3", 1],
  ])("%s → %s, %s cat. %s", (name, category, scope, cat) => {
    expect(categoryByName(name)).toMatchObject({ category, scope, scope3Category: cat });
    expect(categoryByName(name.toUpperCase())?.category).toBe(category);
  });

  it("activity types are written as factor keys: Natural gas → natural-gas, r-410a → R-410A", () => {
    expect(normalizeActivityType(categoryByName("fuel")!, " Natural  gas ")).toBe("natural-gas");
    expect(normalizeActivityType(categoryByName("refrigerant")!, "r-410a")).toBe("R-410A");
    expect(normalizeActivityType(categoryByName("travel")!, "air;drop table")).toBeNull();
  });
});

describe("checkActivityEntry", () => {
  it("the worked example: 30 kWh of electricity, Scope 2, normalized 30 kWh", () => {
    const r = checkActivityEntry(WORKED);
    expect(r).toMatchObject({ ok: true, value: { category: "PURCHASED_ELECTRICITY", proposedScope: "SCOPE_2", quantity: "30", unit: "kWh", normalizedQuantity: "30", normalizedUnit: "kWh", siteName: "us-east training cluster" } });
  });

  it.each([
    [{ periodStart: "2025-13-01" }, "periodStart", "month 13 does not exist"],
    [{ periodEnd: "2025-02-30" }, "periodEnd", "day 30 does not exist in 2025-02"],
    [{ periodEnd: "2025-02-28" }, "periodEnd", "is before period_start (2025-03-01)"],
    [{ quantity: "-5" }, "quantity", "must not be negative"],
    [{ quantity: "1,5" }, "quantity", "not a number (or too large to store)"],
    [{ unit: "kwh" }, "unit", "unknown unit"],
    [{ unit: "L" }, "unit", "not a unit for electricity"],
    [{ category: "water" }, "category", "unknown category"],
    [{ site: "" }, "site", "is required for electricity"],
    [{ supplierFactorValue: "0.4" }, "supplierFactorUnit", "is required when supplier_factor_value is given"],
    [{ supplierFactorValue: "0.4", supplierFactorUnit: "kgCO2e/L" }, "supplierFactorUnit", "is per L but the quantity is in kWh"],
  ] as const)("%j → %s: %s", (patch, field, reason) => {
    const r = checkActivityEntry({ ...WORKED, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.find((i) => i.field === field)?.reason).toContain(reason);
  });

  it("fuel needs an activity type; a supplier factor in tCO2e/MWh is normalized to kgCO2e/kWh", () => {
    const fuel = checkActivityEntry({ ...WORKED, category: "fuel", unit: "L", site: "" });
    expect(fuel.ok).toBe(false);
    const elec = checkActivityEntry({ ...WORKED, quantity: "4.2", unit: "MWh", supplierFactorValue: "0.35", supplierFactorUnit: "tCO2e/MWh" });
    expect(elec).toMatchObject({ ok: true, value: { normalizedQuantity: "4200", supplierFactor: { value: "0.35", unit: "kgCO2e/kWh", sourceValue: "0.35", sourceUnit: "tCO2e/MWh" } } });
  });

  it("property: any text in any field gives ok or issues naming known fields — never a throw", () => {
    const text = fc.oneof(fc.string(), fc.constantFrom("", " ", "2025-01-01", "2025-13-01", "-1", "1e40", "kWh", "m³", "fuel", "electricity", "R-410A", "kgCO2e/kWh"));
    const fields = ["periodStart", "periodEnd", "site", "category", "activityType", "quantity", "unit", "supplierFactorValue", "supplierFactorUnit", "evidenceReference", "note"] as const;
    fc.assert(
      fc.property(fc.record(Object.fromEntries(fields.map((f) => [f, text])) as Record<(typeof fields)[number], fc.Arbitrary<string>>, { requiredKeys: [] }), (input) => {
        const r = checkActivityEntry(input);
        if (r.ok) {
          expect(new Decimal(r.value.normalizedQuantity).isNegative()).toBe(false);
          expect(r.value.periodEnd >= r.value.periodStart).toBe(true);
          expect(CATEGORIES.map((c) => c.category)).toContain(r.value.category);
        } else {
          expect(r.issues.length).toBeGreaterThan(0);
          for (const i of r.issues) expect(fields).toContain(i.field);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("property: every accepted unit spelling with a matching category is accepted", () => {
    for (const unit of ACCEPTED_UNIT_SPELLINGS) {
      const ok = CATEGORIES.some((c) => checkActivityEntry({ ...WORKED, category: c.csvName, activityType: "x", unit }).ok);
      expect(ok, unit).toBe(true);
    }
  });
});

describe("dates", () => {
  it("2024-02-29 exists, 2025-02-29 does not; 2025-13-01 is not a month", () => {
    expect(dateProblem("2024-02-29")).toBeNull();
    expect(dateProblem("2025-02-29")).toContain("does not exist");
    expect(dateProblem("2025-13-01")).toContain("month 13");
    expect(dateProblem("2025-1-01")).toContain("ISO");
  });
});

describe("checkInstrumentEntry", () => {
  const GO = { type: "go", volumeMwh: "250", market: "FRA", vintageStart: "2025-01-01", vintageEnd: "2025-12-31", trackingSystem: "AIB-EECS", certificateId: "FR-1", retiredOnBehalf: "yes", emissionRateKgCo2ePerKwh: "0" };
  it("a retired GO of 250 MWh for FRA", () => {
    expect(checkInstrumentEntry(GO)).toMatchObject({ ok: true, value: { type: "GUARANTEE_OF_ORIGIN", volumeMwh: "250", retiredOnBehalf: true, emissionRateKgCo2ePerKwh: "0" } });
  });
  it.each([
    [{ type: "carbon-credit" }, "type"],
    [{ volumeMwh: "0" }, "volumeMwh"],
    [{ volumeMwh: "-3" }, "volumeMwh"],
    [{ vintageEnd: "2024-12-31" }, "vintageEnd"],
    [{ certificateId: "" }, "certificateId"],
    [{ retiredOnBehalf: "maybe" }, "retiredOnBehalf"],
    [{ emissionRateKgCo2ePerKwh: "" }, "emissionRateKgCo2ePerKwh"],
  ] as const)("%j is refused on %s", (patch, field) => {
    const r = checkInstrumentEntry({ ...GO, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.field)).toContain(field);
  });
});
