// Sampling rules (lib/assurance): the sizes of assurance.md §2's table, the seeded PRNG, MUS always selecting lines
// of at least one interval, the same seed → the same selection, and the projection of exceptions.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distinctIndices, seededPrng } from "../../../lib/assurance/prng";
import { attributeSampleSize, attributeSelector, musSampleSize, musSelector, populationHasher, reliabilityFactor, summarizeSample, unitsOf, type PopulationLine } from "../../../lib/assurance/sampling";
import { dec } from "../../../lib/ghg/decimal";

describe("sample sizes (zero expected errors, assurance.md §2)", () => {
  it.each([
    ["0.95", 59, 29, 80],
    ["0.90", 45, 22, 62],
    ["0.80", 32, 16, 43],
    ["0.70", 24, 12, 33],
  ])("confidence %s: attribute %i at 5 %% / %i at 10 %%; MUS %i for 10,000 t, TM 375 t", (c, a5, a10, mus) => {
    expect(attributeSampleSize(c, "0.05")).toBe(a5);
    expect(attributeSampleSize(c, "0.10")).toBe(a10);
    expect(musSampleSize("10000000", c, "375000")).toBe(mus);
  });

  it("R = −ln β at 95 % is 2.9957322735539909934…", () => {
    expect(reliabilityFactor("0.95").startsWith("2.99573227355399099343")).toBe(true);
  });
});

describe("seeded PRNG", () => {
  it("the same seed gives the same stream; another seed another", () => {
    const a = seededPrng("FY2025 sample 1"), b = seededPrng("FY2025 sample 1"), c = seededPrng("FY2025 sample 2");
    const sa = Array.from({ length: 20 }, () => a.nextU32());
    expect(Array.from({ length: 20 }, () => b.nextU32())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.nextU32())).not.toEqual(sa);
    expect(sa.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
  });

  it("distinct indices: n sorted distinct values in [0, size) (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 100 }), (seed, size, k) => {
        const n = Math.min(size, k);
        const ix = distinctIndices(seededPrng(seed), size, n);
        expect(ix).toHaveLength(n);
        expect(new Set(ix).size).toBe(n);
        expect(ix.every((x, i) => x >= 0 && x < size && (i === 0 || ix[i - 1] < x))).toBe(true);
      }),
    );
  });
});

const line = (i: number, kg: string): PopulationLine => ({ id: `1:${String(i).padStart(8, "0")}:2025-01-01`, kgCo2e: kg, siteId: null });

function drawMus(seed: string, lines: PopulationLine[], n: number) {
  const total = lines.reduce((s, l) => s.plus(unitsOf(l)), dec(0));
  const sel = musSelector(seed, total.toFixed(), n);
  return { picked: lines.filter((l) => sel.visit(unitsOf(l)) > 0).map((l) => l.id), k: dec(sel.intervalKgCo2e) };
}

describe("monetary-unit selection", () => {
  const lineArb = fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 300 });

  it("always selects every line of at least k kgCO2e, and no more than n lines (property)", () => {
    fc.assert(
      fc.property(fc.string(), lineArb, fc.integer({ min: 1, max: 60 }), (seed, values, n) => {
        const lines = values.map((v, i) => line(i, `${v}.5`));
        const { picked, k } = drawMus(seed, lines, n);
        for (const l of lines) if (unitsOf(l).gte(k)) expect(picked).toContain(l.id);
        expect(picked.length).toBeLessThanOrEqual(n);
        expect(picked.length).toBeGreaterThan(0);
      }),
    );
  });

  it("exactly n selection points are consumed over the whole population", () => {
    const lines = Array.from({ length: 500 }, (_, i) => line(i, String((i % 37) + 1)));
    const total = lines.reduce((s, l) => s.plus(unitsOf(l)), dec(0));
    const sel = musSelector("points", total.toFixed(), 43);
    expect(lines.reduce((hits, l) => hits + sel.visit(unitsOf(l)), 0)).toBe(43);
  });

  it("the same seed → the same selection; a different seed → a different one", () => {
    const lines = Array.from({ length: 2000 }, (_, i) => line(i, String((i * 7919) % 1000 + 1)));
    expect(drawMus("seed-A", lines, 40).picked).toEqual(drawMus("seed-A", lines, 40).picked);
    expect(drawMus("seed-B", lines, 40).picked).not.toEqual(drawMus("seed-A", lines, 40).picked);
  });
});

describe("attribute selection and population hash", () => {
  it("chooses n of the statistical population, reproducibly", () => {
    const pick = (seed: string) => {
      const s = attributeSelector(seed, 1000, 59);
      return Array.from({ length: 1000 }, (_, i) => i).filter(() => s.visit() === 1);
    };
    expect(pick("x")).toHaveLength(59);
    expect(pick("x")).toEqual(pick("x"));
    expect(pick("y")).not.toEqual(pick("x"));
  });

  it("the hash depends on every id and value (trailing zeros do not matter)", () => {
    const h = (ls: PopulationLine[]) => {
      const x = populationHasher();
      ls.forEach((l) => x.add(l));
      return x.result();
    };
    const a = h([line(1, "12"), line(2, "3.5")]);
    expect(h([line(1, "12.000"), line(2, "3.50")])).toEqual(a);
    expect(h([line(1, "12"), line(2, "3.6")]).sha256).not.toBe(a.sha256);
    expect(a).toMatchObject({ size: 2, kgCo2e: "15.5" });
  });
});

describe("misstatement summary", () => {
  it("MUS tainting: an item of 100 kg misstated by 10 kg with k = 1000 projects to 100 kg; an item ≥ k counts as found", () => {
    const s = summarizeSample(
      "MUS",
      [
        { selection: "STATISTICAL", bookKgCo2e: "100", result: "EXCEPTION", misstatementKgCo2e: "10" },
        { selection: "STATISTICAL", bookKgCo2e: "5000", result: "EXCEPTION", misstatementKgCo2e: "50" },
        { selection: "STATISTICAL", bookKgCo2e: "300", result: "AGREED", misstatementKgCo2e: null },
        { selection: "KEY_ITEM", bookKgCo2e: "90000", result: "EXCEPTION", misstatementKgCo2e: "-200" },
        { selection: "STATISTICAL", bookKgCo2e: "40", result: null, misstatementKgCo2e: null },
      ],
      { intervalKgCo2e: "1000", statisticalKgCo2e: "80000", confidence: "0.95" },
    );
    expect(s).toMatchObject({ items: 5, tested: 4, agreed: 1, exceptions: 3, knownMisstatementKgCo2e: "-140", keyItemMisstatementKgCo2e: "-200", projectedMisstatementKgCo2e: "150", totalProjectedKgCo2e: "-50" });
    expect(s.basicPrecisionKgCo2e?.startsWith("2995.73")).toBe(true);
  });

  it("attribute: deviation rate and ratio projection", () => {
    const s = summarizeSample(
      "ATTRIBUTE",
      [
        { selection: "STATISTICAL", bookKgCo2e: "100", result: "EXCEPTION", misstatementKgCo2e: "10" },
        { selection: "STATISTICAL", bookKgCo2e: "100", result: "AGREED", misstatementKgCo2e: null },
      ],
      { intervalKgCo2e: null, statisticalKgCo2e: "10000", confidence: "0.9" },
    );
    expect(s).toMatchObject({ deviationRate: "0.5", projectedMisstatementKgCo2e: "500" });
  });
});

describe("analytical review rules", async () => {
  const { defaultExpectation, variance } = await import("../../../lib/assurance/analytics");
  it("prior 30 t for 100 MWh, 110 MWh now: expectation 33 t; 34 t actual is 1 t over; flagged above PM 0.5 t, trivial below CT", () => {
    const e = defaultExpectation({ current: [{ unit: "kWh", quantity: "110000", kgCo2e: "34000" }], prior: [{ unit: "kWh", quantity: "100000", kgCo2e: "30000" }] });
    expect(e).toEqual({ priorKgCo2e: "30000", expectationKgCo2e: "33000", activityRatio: "1.1" });
    expect(variance("34000", e.expectationKgCo2e, { performanceKgCo2e: "500", clearlyTrivialKgCo2e: "50" })).toMatchObject({ differenceKgCo2e: "1000", status: "FLAGGED" });
    expect(variance("33040", e.expectationKgCo2e, { performanceKgCo2e: "500", clearlyTrivialKgCo2e: "50" }).status).toBe("TRIVIAL");
    expect(variance("33400", e.expectationKgCo2e, { performanceKgCo2e: "500", clearlyTrivialKgCo2e: "50" }).status).toBe("WITHIN");
    expect(variance("1", null, null).status).toBe("NO_PRIOR");
  });
});

describe("re-performance rules", async () => {
  const { compareDatapoints, recomputeLine } = await import("../../../lib/assurance/reperform");
  it("quantity × factor; reported kgCO2e as is; unresolved or a unit mismatch gives none", () => {
    expect(recomputeLine({ status: "RESOLVED", activityQuantity: "30", activityUnit: "kWh", factorValue: "0.4", factorUnit: "kgCO2e/kWh" })).toBe("12");
    expect(recomputeLine({ status: "RESOLVED", activityQuantity: "522.02", activityUnit: "kgCO2e", factorValue: null, factorUnit: null })).toBe("522.02");
    expect(recomputeLine({ status: "RESOLVED", activityQuantity: "30", activityUnit: "L", factorValue: "0.4", factorUnit: "kgCO2e/kWh" })).toBeNull();
    expect(recomputeLine({ status: "UNRESOLVED", activityQuantity: "30", activityUnit: "kWh", factorValue: null, factorUnit: null })).toBeNull();
  });

  it("datapoints compare exactly and count the differing lines they are fed by (LB and not-applicable lines in both views)", () => {
    const checks = compareDatapoints(
      [
        { scope: "SCOPE_2", scope3Category: null, method: "LOCATION_BASED", status: "RESOLVED", emissionsKgCo2e: "30000", lines: 2, differing: 1 },
        { scope: "SCOPE_3", scope3Category: 1, method: "NOT_APPLICABLE", status: "RESOLVED", emissionsKgCo2e: "5", lines: 1, differing: 0 },
      ],
      { "E1-6.scope2.location-based": "30000.000", "E1-6.total.location-based": "30006" },
      null,
    );
    const by = Object.fromEntries(checks.map((c) => [c.datapoint, c]));
    expect(by["E1-6.scope2.location-based"]).toMatchObject({ equal: true, differingLines: 1 });
    expect(by["E1-6.total.location-based"]).toMatchObject({ equal: false, recomputedKgCo2e: "30005", differingLines: 1 });
    expect(by["E1-6.scope3.cat1.market-based"]).toMatchObject({ recomputedKgCo2e: "5", reportedKgCo2e: "0", equal: false });
    expect(checks[0].datapoint).toBe("E1-6.scope1");
  });
});
