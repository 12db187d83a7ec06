// The demo year (prisma/seed.ts, prisma/demo/year.ts): seeded on the test database through the import services, it
// gives two calculated periods — FY2024 signed off, FY2025 open — with every scope non-zero, market-based Scope 2 below
// location-based (the Guarantees of Origin), the worked example's 12 kgCO2e line, and a second seed adds nothing.
import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { requireMembership, type ServiceContext } from "../../lib/auth/context";
import { prisma } from "../../lib/db/client";
import { getInventory } from "../../lib/services/inventory/get-inventory";
import { getPeriodStaleness } from "../../lib/services/inventory/get-period-staleness";
import { DEMO_ORG_SLUG, DEMO_SITE, seedDemo } from "../../prisma/seed";
import { demoRuns } from "../../prisma/demo/generate";

type Inventory = Awaited<ReturnType<typeof getInventory>>;

let auditor: ServiceContext;
let organizationId: string;
const inventories = new Map<string, Inventory>();
let firstSeedSeconds = 0;

async function counts() {
  const where = { organizationId };
  const [imports, runs, activities, instruments, factors, mappings, projects, sites, periods, versions, audit] = await Promise.all([
    prisma.import.count({ where }),
    prisma.run.count({ where }),
    prisma.activityRecord.count({ where }),
    prisma.contractualInstrument.count({ where }),
    prisma.emissionFactor.count({ where }),
    prisma.cloudProjectMapping.count({ where }),
    prisma.project.count({ where }),
    prisma.site.count({ where }),
    prisma.reportingPeriod.count({ where }),
    prisma.calculationVersion.count({ where }),
    prisma.auditEvent.count({ where }),
  ]);
  return { imports, runs, activities, instruments, factors, mappings, projects, sites, periods, versions, audit };
}

const positive = (kg: string | undefined) => new Decimal(kg ?? "0").greaterThan(0);
const cat = (inv: Inventory, n: number) => inv.e16?.scope3ByCategory.find((c) => c.category === n);

describe("demo year seed", () => {
  beforeAll(async () => {
    const started = performance.now();
    await seedDemo(() => {});
    firstSeedSeconds = (performance.now() - started) / 1000;
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: DEMO_ORG_SLUG } });
    organizationId = org.id;
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "auditor@scopebook.local" } });
    auditor = await requireMembership({ userId: user.id, orgSlug: DEMO_ORG_SLUG, requestId: "demo-year-test" });
    for (const p of await prisma.reportingPeriod.findMany({ where: { organizationId } })) inventories.set(p.name, await getInventory({ ctx: auditor, input: { periodId: p.id } }));
  }, 180_000);

  it("FY2024 is SIGNED_OFF (prepared by the officer, approved by the admin, report version 1) and FY2025 OPEN, both calculated and up to date; the −42 % target is on track data", async () => {
    expect([inventories.get("FY2024")?.period.status, inventories.get("FY2025")?.period.status]).toEqual(["SIGNED_OFF", "OPEN"]);
    const fy24 = inventories.get("FY2024")!.period.id;
    const versions = await prisma.reportVersion.findMany({ where: { periodId: fy24 } });
    expect(versions.map((v) => v.number)).toEqual([1]);
    const target = await prisma.emissionTarget.findFirstOrThrow({ where: { organizationId: versions[0].organizationId } });
    expect(target).toMatchObject({ baseYear: 2024, targetYear: 2030, baseSource: "PERIOD", basePeriodId: fy24 });
    for (const inv of inventories.values()) {
      expect(inv.version?.number).toBe(1);
      expect(inv.e16?.unresolvedLines).toBe(0);
      expect((await getPeriodStaleness({ ctx: auditor, input: { periodId: inv.period.id } })).stale).toBe(false);
    }
    console.log(`[demo-year-seed] first seed: ${firstSeedSeconds.toFixed(1)} s`);
  });

  it("FY2024's signed report states every Scope 3 category: calculated (1, 2, 6) or not relevant / not calculated with the officer's reason", async () => {
    const fy24 = inventories.get("FY2024")!.period.id;
    const version = await prisma.reportVersion.findFirstOrThrow({ where: { organizationId, periodId: fy24 } });
    const content = JSON.parse(version.content) as { scope3Categories: { category: number; status: string; reason: string | null }[] };
    expect(content.scope3Categories).toHaveLength(15);
    expect(content.scope3Categories.filter((c) => c.status === "CALCULATED").map((c) => c.category)).toEqual([1, 2, 6]);
    for (const c of content.scope3Categories.filter((x) => x.status !== "CALCULATED")) expect(c.reason?.length ?? 0, `category ${c.category}`).toBeGreaterThan(20);
  });

  it("holds 4,850 generated CodeCarbon runs of three ML projects over both years (+ 28 real rows)", async () => {
    const generated = demoRuns().reduce((n, p) => n + p.runs.length, 0);
    expect(generated).toBe(4850);
    const perProject = await prisma.run.groupBy({ by: ["projectId"], where: { organizationId }, _count: { _all: true } });
    expect(perProject.map((p) => p._count._all).sort((a, b) => b - a).slice(0, 3)).toEqual([1900, 1700, 1250]);
  });

  for (const name of ["FY2024", "FY2025"]) {
    it(`${name}: Scope 1, Scope 2 LB and MB, Scope 3 cat. 1, 2 and 6 all non-zero; MB < LB (Guarantee of Origin)`, () => {
      const inv = inventories.get(name)!;
      const e = inv.e16!;
      console.log(`[demo-year-seed] ${name}: S1 ${e.scope1KgCo2e}, S2 LB ${e.scope2LbKgCo2e}, S2 MB ${e.scope2MbKgCo2e}, S3 LB ${e.scope3LbKgCo2e}, S3 MB ${e.scope3MbKgCo2e}, ` +
        e.scope3ByCategory.map((c) => `cat${c.category} ${c.lbKgCo2e}/${c.mbKgCo2e}`).join(", ") + `, total LB ${e.totalLbKgCo2e}, MB ${e.totalMbKgCo2e}`);
      expect(positive(e.scope1KgCo2e)).toBe(true);
      expect(positive(e.scope2LbKgCo2e)).toBe(true);
      expect(positive(e.scope2MbKgCo2e)).toBe(true);
      for (const n of [1, 2, 6]) expect(positive(cat(inv, n)?.lbKgCo2e), `cat. ${n}`).toBe(true);
      expect(new Decimal(e.scope2MbKgCo2e).lessThan(e.scope2LbKgCo2e)).toBe(true);
      expect(inv.instruments.some((i) => i.status !== "EXCLUDED" && new Decimal(i.allocatedMwh).greaterThan(0))).toBe(true);
    });
  }

  it("FY2025 against FY2024: Scope 2 MB 2–10 % lower (a bigger Guarantee of Origin), more ML runs", async () => {
    const [a, b] = [inventories.get("FY2024")!.e16!, inventories.get("FY2025")!.e16!];
    const change = new Decimal(b.scope2MbKgCo2e).div(a.scope2MbKgCo2e).minus(1).times(100);
    expect(change.lessThan(-2) && change.greaterThan(-10), `Scope 2 MB change ${change.toFixed(1)} %`).toBe(true);
    const runsIn = async (year: number) => prisma.run.count({ where: { organizationId, startedAt: { gte: new Date(`${year}-01-01`), lt: new Date(`${year + 1}-01-01`) } } });
    expect(await runsIn(2025)).toBeGreaterThan(await runsIn(2024));
  });

  it("the worked example, its own site: 0.3 kW × 100 h = 30 kWh × 0.4 kgCO2e/kWh = 12 kgCO2e (LB and MB)", async () => {
    const site = await prisma.site.findFirstOrThrow({ where: { organizationId, name: DEMO_SITE } });
    const version = inventories.get("FY2025")!.version!;
    const lines = await prisma.ledgerLine.findMany({ where: { organizationId, calculationVersionId: version.id, siteId: site.id } });
    expect(lines.map((l) => [l.activityQuantity.toFixed(), l.emissionsKgCo2e?.toFixed()])).toEqual([["30", "12"], ["30", "12"]]);
  });

  it("a second seed adds nothing: every count unchanged", async () => {
    const before = await counts();
    expect(before).toMatchObject({ periods: 2, versions: 2, instruments: 2, mappings: 3 });
    const started = performance.now();
    expect(await seedDemo(() => {})).toBe(false);
    console.log(`[demo-year-seed] second seed: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(await counts()).toEqual(before);
  }, 60_000);
});
