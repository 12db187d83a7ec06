// Golden numbers of issue 6, through the pure engine (the arithmetic is in each test's name).
import { describe, expect, it } from "vitest";
import { aggregateE16 } from "../../../lib/ghg/aggregate";
import { calculatePeriod } from "../../../lib/ghg/calculate";
import { dec, sum, text } from "../../../lib/ghg/decimal";
import { SupersessionError } from "../../../lib/ghg/precedence";
import { activity, calcInput, factor, instrument, providerRow, run } from "../../helpers/ghg";

// The custom factor of the worked example: 0.0004 tCO2e/kWh as given, stored as 0.4 kgCO2e/kWh.
const usCustom = factor({ keyType: "COUNTRY", key: "USA", value: "0.4", custom: true, datasetTitle: "Custom", method: "LOCATION_GRID_AVERAGE" });
const usSite = { id: "site-us", countryIsoCode: "USA", gridRegion: null, market: "USA", pue: null };

describe("the worked example", () => {
  it("tracker run 0.3 kW × 100 h = 30 kWh × 0.0004 tCO2e/kWh (custom) = 12.000 kgCO2e, Scope 2 LB", () => {
    const energy = text(dec("0.3").times(100));
    const { lines } = calculatePeriod(calcInput({ factors: [usCustom], runs: [run({ energyKwh: energy, countryIsoCode: "USA" })] }));
    const lb = lines.filter((l) => l.method === "LOCATION_BASED");
    expect(lb).toHaveLength(1);
    expect(lb[0]).toMatchObject({ scope: "SCOPE_2", activityQuantity: "30", factorValue: "0.4", emissionsKgCo2e: "12", status: "RESOLVED", factorId: usCustom.id });
    expect(lb[0].qualityFlags).toEqual(expect.arrayContaining(["measured", "factor-exact-year"]));
    expect(lb[0].resolution).toContain("COUNTRY USA");
  });

  it("activity row 30 kWh electricity × 0.4 kgCO2e/kWh = 12 kgCO2e (LB), and MB with no residual mix falls back to grid, flagged", () => {
    const { lines } = calculatePeriod(calcInput({ factors: [usCustom], sites: [usSite], activities: [activity({ siteId: usSite.id, quantity: "30", normalizedQuantity: "30", normalizedUnit: "kWh" })] }));
    const lb = lines.find((l) => l.method === "LOCATION_BASED")!;
    const mb = lines.find((l) => l.method === "MARKET_BASED")!;
    expect(lb.emissionsKgCo2e).toBe("12");
    expect(mb.emissionsKgCo2e).toBe("12");
    expect(mb.qualityFlags).toContain("grid-average-instead-of-residual-mix");
  });
});

describe("dual reporting", () => {
  const site = { id: "site-de", countryIsoCode: "DEU", gridRegion: null, market: "DE-LU", pue: null };
  const grid = factor({ keyType: "COUNTRY", key: "DEU", value: "0.30" });
  const residual = factor({ keyType: "GRID_REGION", key: "DE-LU", value: "0.45", method: "RESIDUAL_MIX" });
  const valid = instrument({ volumeMwh: "60", market: "DE-LU", emissionRateKgCo2ePerKwh: "0" });
  const expired = instrument({ volumeMwh: "30", market: "DE-LU", vintageStart: "2023-01-01", vintageEnd: "2023-12-31" });
  const input = calcInput({ factors: [grid, residual], sites: [site], instruments: [expired, valid], activities: [activity({ siteId: site.id, quantity: "100", unit: "MWh", normalizedQuantity: "100000", normalizedUnit: "kWh" })] });

  it("100 MWh × 0.30 t/MWh: LB = 30 t; 60 MWh GOs at 0 + 40 MWh × 0.45 t/MWh residual: MB = 18 t; expired-vintage GO excluded", () => {
    const { lines, details } = calculatePeriod(input);
    const e = aggregateE16(lines, null);
    expect(e.scope2LbKgCo2e).toBe("30000");
    expect(e.scope2MbKgCo2e).toBe("18000");
    const mb = lines.filter((l) => l.method === "MARKET_BASED");
    expect(mb.map((l) => [l.activityQuantity, l.factorValue, l.emissionsKgCo2e, l.instrumentId])).toEqual([
      ["40000", "0.45", "18000", null],
      ["60000", "0", "0", valid.id],
    ]);
    expect(details.instruments).toEqual([
      expect.objectContaining({ instrumentId: expired.id, status: "EXCLUDED", failing: expect.objectContaining({ criterion: "vintage" }) }),
      expect.objectContaining({ instrumentId: valid.id, status: "APPLIED", order: 1, allocatedMwh: "60", surplusMwh: "0" }),
    ]);
  });

  it("an instrument of 150 MWh against 100 MWh: 100 MWh applied at 0, MB = 0, the 50 MWh surplus reported, not applied", () => {
    const big = instrument({ volumeMwh: "150", market: "DE-LU" });
    const { lines, details } = calculatePeriod({ ...input, instruments: [big] });
    expect(aggregateE16(lines, null).scope2MbKgCo2e).toBe("0");
    expect(details.instruments[0]).toMatchObject({ status: "APPLIED", allocatedMwh: "100", surplusMwh: "50" });
  });

  it("instruments failing a criterion are excluded with it: not retired, double claim, other market, already used", () => {
    const a = instrument({ retiredOnBehalf: false });
    const b = instrument({ certificateId: "X1" });
    const c = instrument({ certificateId: "X1", vintageStart: "2025-02-01" });
    const d = instrument({ market: "FR" });
    const e = instrument({ volumeMwh: "5", alreadyUsedMwh: "5" });
    const { details } = calculatePeriod({ ...input, instruments: [a, b, c, d, e] });
    const why = Object.fromEntries(details.instruments.map((r) => [r.instrumentId, r.failing?.criterion ?? r.status]));
    expect(why).toEqual({ [a.id]: "retired-on-behalf", [b.id]: "APPLIED", [c.id]: "unique-claim", [d.id]: "same-market", [e.id]: "not-already-used" });
  });
});

describe("bad input", () => {
  it("a period with no factors: every line unresolved and listed with why; totals 0 with 3 unresolved lines", () => {
    const { lines } = calculatePeriod(calcInput({ runs: [run({ energyKwh: "5" })], activities: [activity({ category: "FUEL_COMBUSTION", activityType: "diesel", proposedScope: "SCOPE_1", quantity: "10", unit: "L" })] }));
    expect(lines.every((l) => l.status === "UNRESOLVED" && l.emissionsKgCo2e === null)).toBe(true);
    expect(lines.map((l) => l.resolution)).toEqual(expect.arrayContaining([expect.stringContaining("no grid average factor for COUNTRY USA"), expect.stringContaining("FUEL diesel")]));
    const e = aggregateE16(lines, null);
    expect(e).toMatchObject({ totalLbKgCo2e: "0", resolvedLines: 0, unresolvedLines: 3 });
  });

  it("circular supersession A → B → A is refused", () => {
    const a = providerRow({ id: "A", supersededById: "B" });
    const b = providerRow({ id: "B", supersededById: "A" });
    expect(() => calculatePeriod(calcInput({ providerRecords: [a, b] }))).toThrow(SupersessionError);
  });
});

describe("no double counting", () => {
  const gcp = factor({ keyType: "CLOUD_REGION", key: "gcp:us-central1", value: "0.5" });
  const runs = [
    run({ id: "r-a", onCloud: true, cloudProvider: "gcp", cloudRegion: "us-central1", energyKwh: "10" }),
    run({ id: "r-b", onCloud: true, cloudProvider: "gcp", cloudRegion: "us-central1", energyKwh: "20" }),
    run({ id: "r-c", onCloud: true, cloudProvider: "gcp", cloudRegion: "us-central1", energyKwh: "70" }),
  ];
  const export1 = providerRow({ totalLbKgCo2e: "100", totalMbKgCo2e: "10" });

  it("export 100 kg LB + runs 100 kWh × 0.5 = 50 kg: inventory counts 100 kg once; shares 10/20/70 kg sum back to 100; difference 50 kg", () => {
    const { lines, details } = calculatePeriod(calcInput({ factors: [gcp], runs, providerRecords: [export1] }));
    expect(lines.filter((l) => l.sourceKind === "RUN")).toEqual([]);
    expect(aggregateE16(lines, null)).toMatchObject({ scope3LbKgCo2e: "100", scope3MbKgCo2e: "10" });
    expect(details.allocations.map((a) => [a.runId, a.lbKgCo2e, a.mbKgCo2e])).toEqual([["r-a", "10", "1"], ["r-b", "20", "2"], ["r-c", "70", "7"]]);
    expect(text(sum(details.allocations.map((a) => dec(a.lbKgCo2e))))).toBe("100");
    expect(details.reconciliation).toEqual([expect.objectContaining({ providerLbKgCo2e: "100", runsComputedKgCo2e: "50", differenceKgCo2e: "50", runs: 3 })]);
  });

  it("shares of 100 kg over 3 equal runs (33.333333333333 + 33.333333333333 + 33.333333333334) sum back exactly", () => {
    const equal = runs.map((r) => ({ ...r, energyKwh: "1" }));
    const { details } = calculatePeriod(calcInput({ factors: [gcp], runs: equal, providerRecords: [export1] }));
    expect(details.allocations.map((a) => a.lbKgCo2e)).toEqual(["33.333333333333", "33.333333333333", "33.333333333334"]);
  });

  it("a CCF estimate for a project × month the provider export covers is not counted; a superseded row never counts", () => {
    const ccf = providerRow({ provider: "CCF", nature: "ESTIMATED", totalLbKgCo2e: "80", totalMbKgCo2e: "80" });
    const old = providerRow({ totalLbKgCo2e: "90", totalMbKgCo2e: "9", supersededById: export1.id });
    const { lines, details } = calculatePeriod(calcInput({ providerRecords: [export1, ccf, old] }));
    expect(aggregateE16(lines, null).scope3LbKgCo2e).toBe("100");
    expect(details.excludedEstimates).toEqual([expect.objectContaining({ recordId: ccf.id })]);
  });

  it("cloud runs with no export: 100 kWh × 0.5 = 50 kgCO2e, Scope 3 cat. 1", () => {
    const { lines } = calculatePeriod(calcInput({ factors: [gcp], runs }));
    expect(aggregateE16(lines, null).scope3LbKgCo2e).toBe("50");
    expect(lines.every((l) => l.scope === "SCOPE_3" && l.scope3Category === 1)).toBe(true);
  });
});

describe("runs and PUE", () => {
  it("a run recorded with PUE 1 on a site with PUE 1.5: 10 kWh × 1.5 × 0.4 = 6 kgCO2e, flagged site-pue-applied; a run with PUE 1.2 is never multiplied again", () => {
    const site = { ...usSite, pue: "1.5" };
    const a = run({ siteId: site.id, energyKwh: "10", pue: "1" });
    const b = run({ siteId: site.id, energyKwh: "10", pue: "1.2" });
    const { lines } = calculatePeriod(calcInput({ factors: [usCustom], sites: [site], runs: [a, b] }));
    const lb = (id: string) => lines.find((l) => l.sourceRecordId === id && l.method === "LOCATION_BASED")!;
    expect(lb(a.id)).toMatchObject({ activityQuantity: "15", emissionsKgCo2e: "6" });
    expect(lb(a.id).qualityFlags).toContain("site-pue-applied");
    expect(lb(b.id)).toMatchObject({ activityQuantity: "10", emissionsKgCo2e: "4" });
    expect(lb(b.id).qualityFlags).not.toContain("site-pue-applied");
  });
});
