// The inventory dashboard on the real database: two periods built from known inputs through the services the forms
// use (electricity at a German site with a Guarantee of Origin in 2025, diesel at a supplier's rate, rail travel at
// the operator's own factor, a cloud run), recalculated; then the cards in both methods with N-1 and % change, the
// monthly split, the breakdowns, the movers, the lines each bar opens, the JSON route and bad input. Golden numbers
// in the test names.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createActivity } from "../../lib/services/activity/create-activity";
import { createInstrument } from "../../lib/services/activity/create-instrument";
import { getDashboard } from "../../lib/services/inventory/get-dashboard";
import { getInventory } from "../../lib/services/inventory/get-inventory";
import { getLedgerLines } from "../../lib/services/inventory/get-ledger-lines";
import { recalculatePeriod } from "../../lib/services/inventory/recalculate-period";
import { dec, sum, text } from "../../lib/ghg/decimal";
import type { DashboardBar, DashboardData, InventoryDashboard, LinesFilter } from "../../lib/views/dashboard";
import { createTestOrg, type TestOrg } from "../helpers/db";
import { expectAppError } from "../helpers/errors";
import { factorDataset, factorRow, period, project, runRow, site } from "../helpers/ledger";

// The JSON route runs as in production but with the session of the test's member (next-auth and the request headers
// are the only things stood in for).
const session = vi.hoisted(() => ({ userId: "" }));
vi.mock("next-auth", () => ({ getServerSession: async () => ({ user: { id: session.userId } }) }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-request-id": "dashboard-test" }) }));

describe("inventory dashboard", () => {
  let org: TestOrg;
  let ctx: Awaited<ReturnType<TestOrg["ctx"]>>;
  let fy24: string, fy25: string, siteId: string, mlProject: string;

  beforeAll(async () => {
    org = await createTestOrg("dashboard", ["ADMIN", "OFFICER", "AUDITOR"]);
    const o = org.organization.id;
    ctx = await org.ctx("OFFICER");
    const grid = await factorDataset(o, "Grid dashboard");
    for (const year of [2024, 2025]) {
      await factorRow(grid.id, o, { keyType: "COUNTRY", key: "DEU", value: "0.4", year });
      await factorRow(grid.id, o, { keyType: "GRID_REGION", key: "DE-LU", value: "0.5", method: "RESIDUAL_MIX", year });
      await factorRow(grid.id, o, { keyType: "CLOUD_REGION", key: "gcp:europe-west4", value: "0.29", year });
    }
    const s = await site(o, { countryIsoCode: "DEU", market: "DE-LU" });
    siteId = s.id;
    const entry = async (start: string, end: string, over: Record<string, string>) => createActivity({ ctx, input: { periodStart: start, periodEnd: end, ...over } });
    // FY2024: 1000 kWh (LB 400, MB residual 500), diesel 200 L × 2.5 = 500, rail 500 pkm × 0.1 = 50.
    await entry("2024-03-01", "2024-03-31", { site: s.name, category: "electricity", quantity: "1000", unit: "kWh" });
    await entry("2024-05-01", "2024-05-31", { category: "fuel", activityType: "diesel", quantity: "200", unit: "L", supplierFactorValue: "2.5", supplierFactorUnit: "kgCO2e/L" });
    await entry("2024-06-01", "2024-06-30", { category: "travel", activityType: "rail", quantity: "500", unit: "passenger-km", supplierFactorValue: "0.1", supplierFactorUnit: "kgCO2e/passenger-km" });
    // FY2025: 2000 + 1000 kWh (LB 1200; MB 1 MWh GO at 0 + 2000 × 0.5 = 1000), diesel 100 L = 250, rail 1000 pkm = 100,
    // a cloud run 100 kWh × 0.29 = 29 (Scope 3 cat. 1, secondary data).
    await entry("2025-03-01", "2025-03-31", { site: s.name, category: "electricity", quantity: "2000", unit: "kWh" });
    await entry("2025-04-01", "2025-04-30", { site: s.name, category: "electricity", quantity: "1000", unit: "kWh" });
    await entry("2025-05-01", "2025-05-31", { category: "fuel", activityType: "diesel", quantity: "100", unit: "L", supplierFactorValue: "2.5", supplierFactorUnit: "kgCO2e/L" });
    await entry("2025-06-01", "2025-06-30", { category: "travel", activityType: "rail", quantity: "1000", unit: "passenger-km", supplierFactorValue: "0.1", supplierFactorUnit: "kgCO2e/passenger-km" });
    await createInstrument({ ctx, input: { type: "go", volumeMwh: "1", market: "DE-LU", vintageStart: "2025-01-01", vintageEnd: "2025-12-31", retiredOnBehalf: "yes", emissionRateKgCo2ePerKwh: "0", trackingSystem: "AIB", certificateId: "GO-DASH-1" } });
    const ml = await project(o, "ml-training");
    mlProject = ml.id;
    await runRow(o, ml.id, { energyKwh: "100", at: "2025-07-10T12:00:00Z", onCloud: true, cloudProvider: "gcp", cloudRegion: "europe-west4" });
    fy24 = (await period(o, "FY2024", "2024-01-01", "2024-12-31")).id;
    fy25 = (await period(o, "FY2025", "2025-01-01", "2025-12-31")).id;
    await recalculatePeriod({ ctx, input: { periodId: fy24 } });
    await recalculatePeriod({ ctx, input: { periodId: fy25 } });
  }, 120_000);

  const inv = async (input: Record<string, string> = {}): Promise<InventoryDashboard> => {
    const d = await getDashboard({ ctx, input });
    expect(d.inventory).not.toBeNull();
    return d.inventory!;
  };
  const kg = (i: InventoryDashboard) => ({ total: i.cards.total.kgCo2e, s1: i.cards.scope1.kgCo2e, s2: i.cards.scope2.kgCo2e, s3: i.cards.scope3.kgCo2e });

  it("defaults to the latest calculated period, market-based: total 1,379 = S1 250 + S2 1000 + S3 129 kg; N-1 1,050 (+31.33… %)", async () => {
    const d = await getDashboard({ ctx });
    expect(d.selectedPeriodId).toBe(fy25);
    expect(d.method).toBe("market");
    expect(d.periods.map((p) => [p.name, p.calculated])).toEqual([["FY2025", true], ["FY2024", true]]);
    const i = d.inventory!;
    expect(kg(i)).toEqual({ total: "1379", s1: "250", s2: "1000", s3: "129" });
    expect(i.previous?.name).toBe("FY2024");
    expect(i.cards.total).toMatchObject({ previousKgCo2e: "1050", changePct: "31.3333333333333333333333333333" });
    expect(i.cards.scope1).toMatchObject({ previousKgCo2e: "500", changePct: "-50" });
    expect(i.cards.scope2).toMatchObject({ previousKgCo2e: "500", changePct: "100" });
    expect(i.cards.scope3).toMatchObject({ previousKgCo2e: "50", changePct: "158" });
  });

  it("location-based differs where the instrument applies: total 1,579 (S2 1,200); N-1 950 (+66.21… %)", async () => {
    const i = await inv({ method: "location" });
    expect(kg(i)).toEqual({ total: "1579", s1: "250", s2: "1200", s3: "129" });
    expect(i.cards.total).toMatchObject({ previousKgCo2e: "950", changePct: "66.2105263157894736842105263158" });
    expect(i.cards.scope2).toMatchObject({ previousKgCo2e: "400", changePct: "200" });
  });

  it("the cards equal the inventory page's E1-6; % primary Scope 3 = rail 100 / 129 = 77.52… %; no unresolved line; not stale", async () => {
    const e16 = (await getInventory({ ctx, input: { periodId: fy25 } })).e16!;
    const lb = await inv({ method: "location" });
    const mb = await inv({ method: "market" });
    expect([lb.cards.total.kgCo2e, mb.cards.total.kgCo2e, mb.cards.scope2.kgCo2e]).toEqual([e16.totalLbKgCo2e, e16.totalMbKgCo2e, e16.scope2MbKgCo2e]);
    expect(mb.cards.scope3PrimaryPct).toBe("77.5193798449612403100775193798");
    expect(mb.cards.unresolvedLines).toBe(0);
    expect(mb.cards.staleness.stale).toBe(false);
  });

  it("the monthly split sums to the total in both methods: March 2025 S2 MB = 1000 kWh covered at 0 + 1000 × 0.5", async () => {
    for (const method of ["location", "market"]) {
      const i = await inv({ method });
      const months = i.monthly;
      expect(text(sum(months.map((m) => dec(m.totalKgCo2e))))).toBe(i.cards.total.kgCo2e);
      for (const m of months) expect(text(dec(m.scope1KgCo2e).plus(m.scope2KgCo2e).plus(m.scope3KgCo2e))).toBe(m.totalKgCo2e);
      expect(months.map((m) => m.month)).toEqual(["2025-03", "2025-04", "2025-05", "2025-06", "2025-07"]);
    }
    const mb = await inv();
    expect(text(sum(mb.monthly.filter((m) => m.month <= "2025-04").map((m) => dec(m.scope2KgCo2e))))).toBe("1000");
  });

  it("breakdowns: Scope 3 by category (1: 29, 6: 100), by source, project, site and location each add up to the total", async () => {
    const i = await inv();
    expect(i.scope3ByCategory.map((b) => [b.label, b.kgCo2e])).toEqual([["1. Purchased goods and services", "29"], ["6. Business travel", "100"]]);
    expect(i.bySource.map((b) => [b.key, b.kgCo2e])).toEqual([["activity", "1350"], ["tracker", "29"]]);
    expect(i.byProject.map((b) => [b.label, b.kgCo2e])).toEqual([["Unassigned", "1350"], ["ml-training", "29"]]);
    expect(i.bySite.map((b) => [b.key, b.kgCo2e])).toEqual([[siteId, "1000"], ["none", "379"]]);
    expect(i.byLocation.map((b) => [b.key, b.kgCo2e])).toEqual([["country:DEU", "1000"], ["none", "350"], ["cloud-region:gcp:europe-west4", "29"]]);
    for (const bars of [i.bySource, i.byProject, i.bySite, i.byLocation]) expect(text(sum(bars.map((b) => dec(b.kgCo2e))))).toBe("1379");
  });

  it("movers against N-1: up Scope 2 activity +500, Scope 3 cat. 6 +50, cat. 1 tracker +29; down Scope 1 −250", async () => {
    const m = (await inv()).movers!;
    expect(m.up.map((x) => [x.label, x.deltaKgCo2e])).toEqual([
      ["Scope 2 · Activity data", "500"],
      ["Scope 3 · 6. Business travel · Activity data", "50"],
      ["Scope 3 · 1. Purchased goods and services · Tracker runs", "29"],
    ]);
    expect(m.down.map((x) => [x.label, x.deltaKgCo2e, x.changePct])).toEqual([["Scope 1 · Activity data", "-250", "-50"]]);
    expect(m.up[2].changePct).toBeNull(); // nothing in N-1
  });

  it("every bar, month and card opens exactly its lines: the lines page's count and Σ equal the figure", async () => {
    for (const method of ["location", "market"]) {
      const i = await inv({ method });
      const bars: { filter: LinesFilter; kgCo2e: string; lines?: number }[] = [
        ...i.scope3ByCategory, ...i.byProject, ...i.bySite, ...i.bySource, ...i.byLocation,
        { filter: i.cards.total.lines, kgCo2e: i.cards.total.kgCo2e }, { filter: i.cards.scope2.lines, kgCo2e: i.cards.scope2.kgCo2e },
        ...i.monthly.map((m) => ({ filter: { view: i.cards.total.lines.view, month: m.month }, kgCo2e: m.totalKgCo2e, lines: m.lines })),
        ...i.movers!.up.map((x) => ({ filter: x.filter, kgCo2e: x.kgCo2e })),
      ];
      for (const b of bars) {
        const got = await getLedgerLines({ ctx, input: { periodId: fy25, ...b.filter } });
        expect(text(sum(got.lines.map((l) => dec(l.emissionsKgCo2e ?? "0")))), JSON.stringify(b.filter)).toBe(b.kgCo2e);
        expect(got.total).toBe(got.lines.length);
        if (b.lines !== undefined) expect(got.total, JSON.stringify(b.filter)).toBe(b.lines);
      }
    }
    const project = await getLedgerLines({ ctx, input: { periodId: fy25, view: "mb", project: mlProject } });
    expect(project.lines.map((l) => l.source.kind)).toEqual(["RUN"]);
  });

  it("N-1 of the first period is none; a period asked for is shown; an uncalculated period has no inventory", async () => {
    const first = await inv({ period: fy24 });
    expect(first.previous).toBeNull();
    expect(first.cards.total).toMatchObject({ kgCo2e: "1050", previousKgCo2e: null, changePct: null });
    expect(first.movers).toBeNull();
    const fy26 = (await period(org.organization.id, "FY2026", "2026-01-01", "2026-12-31")).id;
    const d: DashboardData = await getDashboard({ ctx, input: { period: fy26 } });
    expect(d.selectedPeriodId).toBe(fy26);
    expect(d.inventory).toBeNull();
    expect((await getDashboard({ ctx })).selectedPeriodId).toBe(fy25);
  });

  it("bad input: a malformed period or method is a 422 naming the field; a foreign or unknown period is 404; bad line filters are 422", async () => {
    const fields = async (input: unknown) => (await expectAppError(() => getDashboard({ ctx, input }), "VALIDATION")).issues.map((x) => x.field);
    expect(await fields({ period: "nope" })).toEqual(["period"]);
    expect(await fields({ method: "both" })).toEqual(["method"]);
    await expectAppError(() => getDashboard({ ctx, input: { period: "00000000-0000-4000-8000-000000000000" } }), "NOT_FOUND");
    const other = await createTestOrg("dashboard-other", ["ADMIN", "OFFICER"]);
    const otherCtx = await other.ctx("OFFICER");
    await expectAppError(() => getDashboard({ ctx: otherCtx, input: { period: fy25 } }), "NOT_FOUND");
    expect((await getDashboard({ ctx: otherCtx })).inventory).toBeNull();
    for (const bad of [{ month: "2025-13" }, { project: "x" }, { site: "1; drop" }, { source: "meters" }, { location: "moon" }]) {
      const e = await expectAppError(() => getLedgerLines({ ctx, input: { periodId: fy25, ...bad } }), "VALIDATION");
      expect(e.issues.map((x) => x.field)).toEqual(Object.keys(bad));
    }
  });

  it("GET /api/orgs/{org}/dashboard returns the service's figures as JSON (exact strings); bad params 422 with field", async () => {
    session.userId = org.users.AUDITOR!.id;
    const { GET } = await import("../../app/api/orgs/[org]/dashboard/route");
    const call = (qs: string) => GET(new Request(`http://127.0.0.1/api/orgs/${org.organization.slug}/dashboard${qs}`), { params: Promise.resolve({ org: org.organization.slug }) });
    for (const [qs, input] of [[`?period=${fy24}&method=location`, { period: fy24, method: "location" }], ["", {}]] as const) {
      const res = await call(qs);
      expect(res.status).toBe(200);
      const json = await res.json();
      expect(json).toEqual(JSON.parse(JSON.stringify(await getDashboard({ ctx, input }))));
    }
    const bad = await call("?method=lb");
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues.map((x: { field: string }) => x.field)).toEqual(["method"]);
  });

  it("a bar with no lines opens an empty list, never another bar's lines", async () => {
    const none: DashboardBar["filter"] = { view: "mb", location: "country:FRA" };
    expect(await getLedgerLines({ ctx, input: { periodId: fy25, ...none } })).toMatchObject({ lines: [], total: 0 });
  });
});
