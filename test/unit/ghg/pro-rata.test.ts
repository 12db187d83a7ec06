// Activity records spanning months: parts pro rata by days, exact, summing back; only a period's months count in it
// (decision 0021). The arithmetic is in the test names.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculatePeriod } from "../../../lib/ghg/calculate";
import { dec, sum, text } from "../../../lib/ghg/decimal";
import { splitByDays } from "../../../lib/ghg/pro-rata";
import { activity, calcInput, factor } from "../../helpers/ghg";

const site = { id: "site-pl", countryIsoCode: "POL", gridRegion: null, market: "POL", pue: null };
const grid2024 = factor({ keyType: "COUNTRY", key: "POL", value: "0.7", year: 2024 });
const grid2025 = factor({ keyType: "COUNTRY", key: "POL", value: "0.6", year: 2025 });
const FY2024 = { startDate: "2024-01-01", endDate: "2024-12-31", netRevenue: null };
const FY2025 = { startDate: "2025-01-01", endDate: "2025-12-31", netRevenue: null };

describe("splitByDays", () => {
  it("31 kWh over 2024-12-17..2025-01-16 = 15 kWh (15 days of December) + 16 kWh (16 days of January)", () => {
    expect(splitByDays("31", "2024-12-17", "2025-01-16")).toEqual([
      { month: "2024-12-01", from: "2024-12-17", to: "2024-12-31", days: 15, totalDays: 31, quantity: "15" },
      { month: "2025-01-01", from: "2025-01-01", to: "2025-01-16", days: 16, totalDays: 31, quantity: "16" },
    ]);
  });

  it("a record within one month is one part holding the whole quantity: 30 kWh over 2025-03-01..2025-03-31 = 30 kWh in March", () => {
    expect(splitByDays("30", "2025-03-01", "2025-03-31")).toEqual([{ month: "2025-03-01", from: "2025-03-01", to: "2025-03-31", days: 31, totalDays: 31, quantity: "30" }]);
  });

  it("100 kg over 2024-01-01..2024-12-31 (366 days, leap year): January 31/366 = 8.469945355191256830601092896174… rounded down at 30 decimals, December takes the remainder", () => {
    const parts = splitByDays("100", "2024-01-01", "2024-12-31");
    expect(parts).toHaveLength(12);
    expect(parts.map((p) => p.days)).toEqual([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(parts[0].quantity).toBe("8.469945355191256830601092896174");
    expect(text(sum(parts.map((p) => dec(p.quantity))))).toBe("100");
    // The remainder rule: December = 100 − Σ(January..November), each of those rounded down.
    expect(dec(parts[11].quantity).gte(dec("100").times(31).div(366).toDecimalPlaces(30, 1))).toBe(true);
  });

  const day = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 11, 31) }).map((ms) => new Date(ms - (ms % 86_400_000)).toISOString().slice(0, 10));
  const quantity = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 12 })).map(([n, scale]) => text(dec(n.toString()).div(dec(10).pow(scale))));

  it("property: the parts sum back exactly to the quantity, none is negative, and no part lies outside the record's months", () => {
    fc.assert(
      fc.property(quantity, day, fc.integer({ min: 0, max: 800 }), (q, start, span) => {
        const end = new Date(Date.parse(`${start}T00:00:00Z`) + span * 86_400_000).toISOString().slice(0, 10);
        const parts = splitByDays(q, start, end);
        expect(text(sum(parts.map((p) => dec(p.quantity))))).toBe(text(dec(q)));
        expect(parts.every((p) => dec(p.quantity).gte(0))).toBe(true);
        expect(parts.reduce((n, p) => n + p.days, 0)).toBe(span + 1);
        expect(parts[0].from).toBe(start);
        expect(parts.at(-1)!.to).toBe(end);
        expect(parts.every((p) => p.month >= `${start.slice(0, 7)}-01` && p.month <= end && p.from.startsWith(p.month.slice(0, 7)) && p.to.startsWith(p.month.slice(0, 7)))).toBe(true);
        // Every part but the last has at most 30 decimals (the ledger's scale): what is stored is what was computed.
        expect(parts.slice(0, -1).every((p) => dec(p.quantity).decimalPlaces() <= 30)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("records across reporting periods", () => {
  const fy = (year: number) => ({ startDate: `${year}-01-01`, endDate: `${year}-12-31`, netRevenue: null });
  const YEARS = [2022, 2023, 2024, 2025, 2026, 2027];
  const anyFactor = YEARS.map((year) => factor({ keyType: "COUNTRY", key: "POL", value: "0.5", year }));

  it("property: over FY2022..FY2027, each record's location-based lines sum back exactly to its quantity, each month in the record and in its period, none twice", () => {
    const day = fc.integer({ min: Date.UTC(2022, 0, 1), max: Date.UTC(2025, 11, 31) }).map((ms) => new Date(ms - (ms % 86_400_000)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 6 }), day, fc.integer({ min: 0, max: 400 }), (n, scale, start, span) => {
        const q = text(dec(n).div(dec(10).pow(scale)));
        const end = new Date(Date.parse(`${start}T00:00:00Z`) + span * 86_400_000).toISOString().slice(0, 10);
        const a = activity({ siteId: site.id, periodStart: start, periodEnd: end, quantity: q, normalizedQuantity: q, normalizedUnit: "kWh" });
        const months = new Set<string>();
        let total = dec(0);
        // Records start in 2022..2025 and last up to 401 days: FY2022..FY2027 cover every part.
        for (const year of YEARS) {
          const p = fy(year);
          for (const l of calculatePeriod(calcInput({ period: p, factors: anyFactor, sites: [site], activities: [a] })).lines.filter((x) => x.method === "LOCATION_BASED")) {
            expect(l.month >= p.startDate && l.month <= p.endDate).toBe(true);
            expect(l.month >= `${start.slice(0, 7)}-01` && l.month <= end).toBe(true);
            expect(months.has(l.month)).toBe(false);
            months.add(l.month);
            total = total.plus(l.activityQuantity);
          }
        }
        expect(text(total)).toBe(text(dec(q)));
      }),
      { numRuns: 150 },
    );
  });
});

describe("a bill spanning two fiscal years", () => {
  const bill = activity({ siteId: site.id, periodStart: "2024-12-17", periodEnd: "2025-01-16", quantity: "31", normalizedQuantity: "31", normalizedUnit: "kWh" });
  const input = (period: typeof FY2024) => calcInput({ period, factors: [grid2024, grid2025], sites: [site], activities: [bill] });

  it("31 kWh over 2024-12-17..2025-01-16 = 15 kWh in FY2024 (× 0.7 = 10.5 kgCO2e) + 16 kWh in FY2025 (× 0.6 = 9.6 kgCO2e), never twice", () => {
    const fy24 = calculatePeriod(input(FY2024)).lines.filter((l) => l.method === "LOCATION_BASED");
    const fy25 = calculatePeriod(input(FY2025)).lines.filter((l) => l.method === "LOCATION_BASED");
    expect(fy24.map((l) => [l.month, l.activityQuantity, l.emissionsKgCo2e])).toEqual([["2024-12-01", "15", "10.5"]]);
    expect(fy25.map((l) => [l.month, l.activityQuantity, l.emissionsKgCo2e])).toEqual([["2025-01-01", "16", "9.6"]]);
    for (const l of [...fy24, ...fy25]) expect(l.qualityFlags).toContain("pro-rata-by-days");
    expect(fy24[0].resolution).toContain("pro rata by days: 15/31 days (2024-12-17..2024-12-31) of 31 kWh over 2024-12-17..2025-01-16");
    expect(fy25[0].resolution).toContain("16/31 days (2025-01-01..2025-01-16)");
  });

  it("market-based too: each part is consumption of its own month (15 + 16 kWh, grid average without a residual mix), the share on the line", () => {
    const mb24 = calculatePeriod(input(FY2024)).lines.filter((l) => l.method === "MARKET_BASED");
    const mb25 = calculatePeriod(input(FY2025)).lines.filter((l) => l.method === "MARKET_BASED");
    expect(mb24.map((l) => [l.month, l.activityQuantity, l.emissionsKgCo2e])).toEqual([["2024-12-01", "15", "10.5"]]);
    expect(mb25.map((l) => [l.month, l.activityQuantity, l.emissionsKgCo2e])).toEqual([["2025-01-01", "16", "9.6"]]);
    expect(mb25[0].resolution).toContain("16/31 days");
    expect(mb25[0].qualityFlags).toEqual(expect.arrayContaining(["pro-rata-by-days", "grid-average-instead-of-residual-mix"]));
  });

  it("a yearly refrigerant top-up of 12 kg over 2025-01-01..2025-12-31 = 12 lines, one a month, 31/365 × 12 kg in January, summing back to 12 kg", () => {
    const r22 = factor({ keyType: "REFRIGERANT", key: "R-410A", value: "2088", unit: "kgCO2e/kg", method: "ACTIVITY_AVERAGE" });
    const topUp = activity({ category: "REFRIGERANT_LEAK", activityType: "R-410A", proposedScope: "SCOPE_1", periodStart: "2025-01-01", periodEnd: "2025-12-31", quantity: "12", unit: "kg", normalizedQuantity: "12", normalizedUnit: "kg" });
    const { lines } = calculatePeriod(calcInput({ period: FY2025, factors: [r22], activities: [topUp] }));
    expect(lines).toHaveLength(12);
    expect(lines.map((l) => l.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, "0")}-01`));
    expect(lines[0].activityQuantity).toBe(text(dec(12).times(31).div(365).toDecimalPlaces(30, 1)));
    expect(text(sum(lines.map((l) => dec(l.activityQuantity))))).toBe("12");
    expect(text(sum(lines.map((l) => dec(l.emissionsKgCo2e!))))).toBe("25056"); // 12 kg × 2088
  });

  it("a record within one month keeps its one line as before: no pro-rata flag, no note", () => {
    const march = activity({ siteId: site.id, periodStart: "2025-03-01", periodEnd: "2025-03-31", quantity: "30", normalizedQuantity: "30", normalizedUnit: "kWh" });
    const { lines } = calculatePeriod(calcInput({ period: FY2025, factors: [grid2025], sites: [site], activities: [march] }));
    expect(lines.map((l) => [l.method, l.month, l.activityQuantity])).toEqual([["LOCATION_BASED", "2025-03-01", "30"], ["MARKET_BASED", "2025-03-01", "30"]]);
    expect(lines.every((l) => !l.qualityFlags.includes("pro-rata-by-days") && !l.resolution.includes("pro rata"))).toBe(true);
  });
});
