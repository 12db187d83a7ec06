// ESRS E1-5 energy mix and the E1-6 extras (biogenic CO2, primary Scope 3 data, contractual instruments), through
// the pure engine: records → calculatePeriod's lines → grouped as the version breakdown groups them → the rules.
// The arithmetic is in each test's name.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeQuantity } from "../../../lib/activity/units";
import { aggregateE16 } from "../../../lib/ghg/aggregate";
import { mergeBreakdown, type BreakdownRow, type FactorAttributes } from "../../../lib/ghg/breakdown";
import { calculatePeriod } from "../../../lib/ghg/calculate";
import { dec, text } from "../../../lib/ghg/decimal";
import { e16Extras, isPrimary } from "../../../lib/ghg/e16-extras";
import { energyMix } from "../../../lib/ghg/energy-mix";
import { attributesOf, groupLines } from "../../helpers/breakdown";
import { activity, calcInput, factor, instrument, providerRow } from "../../helpers/ghg";

const site = { id: "site-de", countryIsoCode: "DEU", gridRegion: null, market: "DE-LU", pue: null };
const grid = factor({ keyType: "COUNTRY", key: "DEU", value: "0.3", fossilShare: "0.5", nuclearShare: "0.2", renewableShare: "0.3" });
const residual = factor({ keyType: "GRID_REGION", key: "DE-LU", value: "0.45", method: "RESIDUAL_MIX" });
const diesel = { ...factor({ keyType: "FUEL", key: "diesel", value: "2.68", unit: "kgCO2e/L", method: "ACTIVITY_AVERAGE" }), energyKwhPerUnit: "10" };
const biodiesel = { ...factor({ keyType: "FUEL", key: "biodiesel", value: "0.17", unit: "kgCO2e/L", method: "ACTIVITY_AVERAGE", renewableShare: "1" }), energyKwhPerUnit: "10", biogenicKgCo2PerUnit: "2.5" };
const coal = factor({ keyType: "FUEL", key: "coal", value: "2.4", unit: "kgCO2e/kg", method: "ACTIVITY_AVERAGE" });
const r410a = factor({ keyType: "REFRIGERANT", key: "R-410A", value: "2088", unit: "kgCO2e/kg", method: "ACTIVITY_AVERAGE" });
const travel = factor({ keyType: "ACTIVITY", key: "travel:air-short-haul", value: "0.3", unit: "kgCO2e/passenger-km", method: "ACTIVITY_AVERAGE" });
const factors = [grid, residual, diesel, biodiesel, coal, r410a, travel];

const fuel = (type: string, quantity: string, unit = "L") => activity({ category: "FUEL_COMBUSTION", activityType: type, quantity, unit, normalizedQuantity: quantity, normalizedUnit: unit, proposedScope: "SCOPE_1" });
const electricity = (kwh: string) => activity({ siteId: site.id, quantity: kwh, normalizedQuantity: kwh, normalizedUnit: "kWh" });
const solar = (kwh: string) => activity({ category: "SELF_GENERATION", activityType: "solar", siteId: site.id, quantity: kwh, normalizedQuantity: kwh, normalizedUnit: "kWh", proposedScope: "SCOPE_1" });

function computed(input: Parameters<typeof calcInput>[0]) {
  const { lines } = calculatePeriod(calcInput({ factors, sites: [site], ...input }));
  return { lines, rows: groupLines(lines) };
}

describe("E1-5 energy consumption and mix", () => {
  const go = instrument({ volumeMwh: "40", market: "DE-LU" });
  const { rows } = computed({
    activities: [fuel("diesel", "1000"), fuel("biodiesel", "1000"), electricity("60000"), solar("20000"), fuel("coal", "50", "kg"), activity({ category: "REFRIGERANT_LEAK", activityType: "R-410A", quantity: "2", unit: "kg", normalizedQuantity: "2", normalizedUnit: "kg", proposedScope: "SCOPE_1" })],
    instruments: [go],
  });
  const e15 = energyMix(rows, attributesOf(factors));

  it("total = diesel 1000 L × 10 kWh/L (10 MWh) + biodiesel 1000 L × 10 kWh/L (10 MWh) + purchased 60 MWh + self-generated 20 MWh = 100 MWh", () => {
    expect(e15).toMatchObject({ totalMwh: "100", fuelsMwh: "20", purchasedMwh: "60", selfGeneratedRenewableMwh: "20" });
  });

  it("fossil = diesel 10 + grid 60 × 0.5 = 40 MWh (40 %); nuclear = 60 × 0.2 = 12 MWh (12 %); renewable = biodiesel 10 + 60 × 0.3 + solar 20 = 48 MWh (48 %)", () => {
    expect(e15).toMatchObject({ fossilMwh: "40", fossilPct: "40", nuclearMwh: "12", nuclearPct: "12", renewableMwh: "48", renewablePct: "48", unknownMixMwh: "0" });
  });

  it("renewable split: fuels 10 MWh (10 %), purchased 60 × 0.3 = 18 MWh (18 %), self-generated 20 MWh (20 %); fossil fuels 10 MWh", () => {
    expect(e15).toMatchObject({ renewableFuelsMwh: "10", renewableFuelsPct: "10", purchasedRenewableMwh: "18", purchasedRenewablePct: "18", selfGeneratedRenewablePct: "20", fossilFuelsMwh: "10" });
  });

  it("coal 50 kg with no energy content is listed as not convertible (50 kg), never counted as 0 MWh; the refrigerant (2 kg) is not energy", () => {
    expect(e15.notConvertible).toEqual([{ unit: "kg", quantity: "50", lines: 1, reason: expect.stringContaining("energy content") }]);
  });

  it("40 MWh of GOs cover 40 of the 60 MWh purchased (market-based lines with an instrument)", () => {
    expect(e15.instrumentCoveredMwh).toBe("40");
  });

  it("fuel entered in an energy unit counts directly: 36 GJ = 10,000 kWh = 10 MWh, fossil (no renewable share)", () => {
    const gj = normalizeQuantity("36", "GJ")!;
    expect(gj).toMatchObject({ quantity: "10000", unit: "kWh" });
    const { rows: r } = computed({ activities: [activity({ category: "FUEL_COMBUSTION", activityType: "lpg", quantity: "36", unit: "GJ", normalizedQuantity: gj.quantity, normalizedUnit: gj.unit, proposedScope: "SCOPE_1" })] });
    expect(energyMix(r, attributesOf(factors))).toMatchObject({ totalMwh: "10", fuelsMwh: "10", fossilFuelsMwh: "10", fossilPct: "100", notConvertible: [] });
  });

  it("self-generated solar 20,000 kWh × 0 kgCO2e/kWh = 0 kgCO2e in Scope 1 (no combustion), flagged self-generated", () => {
    const { lines } = computed({ activities: [solar("20000")] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ scope: "SCOPE_1", status: "RESOLVED", emissionsKgCo2e: "0", activityQuantity: "20000", activityUnit: "kWh" });
    expect(lines[0].qualityFlags).toContain("self-generated");
  });

  it("no energy at all: every percentage is null (no division by zero)", () => {
    expect(energyMix([], new Map())).toMatchObject({ totalMwh: "0", fossilPct: null, renewablePct: null, selfGeneratedRenewablePct: null });
  });

  it("property: splitting a group's quantity across two groups changes no figure (the breakdown may be stored any way)", () => {
    const attrs = attributesOf(factors);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: rows.length - 1 }), fc.integer({ min: 0, max: 1000 })), { maxLength: 8 }), (splits) => {
        const split: BreakdownRow[] = rows.map((r) => ({ ...r }));
        for (const [i, part] of splits) {
          const r = split[i];
          const q = dec(r.activityQuantity);
          const a = q.times(part).div(1000);
          split[i] = { ...r, activityQuantity: text(q.minus(a)) };
          split.push({ ...r, activityQuantity: text(a), lines: 0 });
        }
        const again = energyMix(split, attrs);
        expect({ ...again, notConvertible: again.notConvertible.map((n) => ({ ...n, lines: 0 })) }).toEqual({ ...e15, notConvertible: e15.notConvertible.map((n) => ({ ...n, lines: 0 })) });
      }),
      { numRuns: 60 },
    );
  });
});

describe("the breakdown's groups", () => {
  it("groups whose flags differ only in order merge: 1.5 + 2.25 kWh = 3.75 kWh, 0.6 + 0.9 = 1.5 kgCO2e, 2 + 3 lines; an unresolved part makes the sum null", () => {
    const row: BreakdownRow = { scope: "SCOPE_2", scope3Category: null, method: "LOCATION_BASED", status: "RESOLVED", sourceKind: "RUN", nature: "MEASURED", qualityFlags: ["measured", "factor-exact-year"], factorId: "f", instrumentId: null, activityUnit: "kWh", activityQuantity: "1.5", emissionsKgCo2e: "0.6", lines: 2 };
    const merged = mergeBreakdown([row, { ...row, qualityFlags: ["factor-exact-year", "measured"], activityQuantity: "2.25", emissionsKgCo2e: "0.9", lines: 3 }, { ...row, activityUnit: "L" }]);
    expect(merged).toEqual([{ ...row, qualityFlags: ["factor-exact-year", "measured"], activityQuantity: "3.75", emissionsKgCo2e: "1.5", lines: 5 }, { ...row, qualityFlags: ["factor-exact-year", "measured"], activityUnit: "L" }]);
    expect(mergeBreakdown([row, { ...row, emissionsKgCo2e: null }])[0].emissionsKgCo2e).toBeNull();
  });
});

describe("E1-6 biogenic CO2, outside the scopes", () => {
  const { rows } = computed({ activities: [fuel("diesel", "1000"), fuel("biodiesel", "1000")] });

  it("biodiesel 1000 L × 2.5 kg CO2/L = 2,500 kg biogenic CO2, reported apart; Scope 1 stays 1000 × 2.68 + 1000 × 0.17 = 2,850 kgCO2e", () => {
    const extras = e16Extras(rows, attributesOf(factors), new Map());
    expect(extras.biogenicCo2Kg).toBe("2500");
    expect(extras.linesWithoutBiogenicValue).toBe(1); // diesel's factor states none
    expect(aggregateE16(rows, null)).toMatchObject({ scope1KgCo2e: "2850", totalLbKgCo2e: "2850", totalMbKgCo2e: "2850" });
  });
});

describe("E1-6 % of Scope 3 from primary data", () => {
  const { rows } = computed({
    activities: [activity({ category: "BUSINESS_TRAVEL", activityType: "air-short-haul", quantity: "1000", unit: "passenger-km", normalizedQuantity: "1000", normalizedUnit: "passenger-km", proposedScope: "SCOPE_3", proposedScope3Category: 6 })],
    providerRecords: [
      providerRow({ totalLbKgCo2e: "600", totalMbKgCo2e: "400" }),
      providerRow({ provider: "CCF", nature: "ESTIMATED", projectId: "p-2", totalLbKgCo2e: "100", totalMbKgCo2e: "100" }),
    ],
  });
  const extras = e16Extras(rows, attributesOf(factors), new Map());

  it("LB: provider-reported 600 / (600 + travel 1000 pkm × 0.3 = 300 + estimate 100) = 60 %", () => {
    expect(extras).toMatchObject({ scope3PrimaryLbKgCo2e: "600", scope3PrimaryLbPct: "60" });
  });

  it("MB: provider-reported 400 / (400 + travel 300 + estimate 100) = 50 %", () => {
    expect(extras).toMatchObject({ scope3PrimaryMbKgCo2e: "400", scope3PrimaryMbPct: "50" });
  });

  it("the rule: provider-reported and supplier-specific lines are primary; estimates and average/spend factors are not", () => {
    expect(isPrimary({ nature: "PROVIDER_REPORTED", qualityFlags: ["primary-data", "provider-reported"] })).toBe(true);
    expect(isPrimary({ nature: "MEASURED", qualityFlags: ["measured", "primary-data"] })).toBe(true);
    expect(isPrimary({ nature: "ESTIMATED", qualityFlags: ["estimated", "primary-data"] })).toBe(false);
    expect(isPrimary({ nature: "MEASURED", qualityFlags: ["measured", "secondary-data"] })).toBe(false);
  });
});

describe("E1-6 Scope 2 contractual instruments", () => {
  const goUnbundled = instrument({ volumeMwh: "40", market: "DE-LU" });
  const ppaBundled = instrument({ type: "PPA", volumeMwh: "20", market: "DE-LU" });
  const { rows } = computed({ activities: [electricity("100000")], instruments: [goUnbundled, ppaBundled] });
  const attrs: Map<string, FactorAttributes> = attributesOf(factors);
  const extras = e16Extras(rows, attrs, new Map([[goUnbundled.id, { type: "GUARANTEE_OF_ORIGIN", bundled: false }], [ppaBundled.id, { type: "PPA", bundled: true }]]));

  it("covered = (40 MWh GO + 20 MWh PPA) / 100 MWh market-based consumption = 60 %", () => {
    expect(extras.instruments).toMatchObject({ marketBasedMwh: "100", coveredMwh: "60", coveredPct: "60" });
  });

  it("bundled 20 MWh (PPA), unbundled 40 MWh (GO), none unstated; by type GO 40 MWh (66.67 %), PPA 20 MWh (33.33 %)", () => {
    expect(extras.instruments).toMatchObject({ bundledMwh: "20", unbundledMwh: "40", bundledNotStatedMwh: "0" });
    expect(extras.instruments.byType.map((t) => [t.type, t.mwh])).toEqual([["GUARANTEE_OF_ORIGIN", "40"], ["PPA", "20"]]);
    expect(dec(extras.instruments.byType[0].pctOfCovered!).toDecimalPlaces(2).toFixed()).toBe("66.67");
  });

  it("an instrument with bundled not stated counts as 'not stated', never guessed", () => {
    const unknown = e16Extras(rows, attrs, new Map());
    expect(unknown.instruments).toMatchObject({ bundledMwh: "0", unbundledMwh: "0", bundledNotStatedMwh: "60" });
  });
});
