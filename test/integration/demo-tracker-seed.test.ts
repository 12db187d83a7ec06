// The demo seed with SCOPEBOOK_DEMO_API_TOKEN and SCOPEBOOK_DEMO_EXPERIMENT_ID: the demo project "demo-tracker"
// gets that token and that experiment (idempotently), and a tracker using them can start a run at once.
import { afterEach, describe, expect, it, vi } from "vitest";
import { requireApiToken } from "../../lib/auth/api-token";
import { prisma } from "../../lib/db/client";
import { EnvError } from "../../lib/env";
import { createRun } from "../../lib/services/tracker-api/create-run";
import { getInventory } from "../../lib/services/inventory/get-inventory";
import { lineViews } from "../../lib/services/inventory/ledger/line-views";
import { getPeriodStaleness } from "../../lib/services/inventory/get-period-staleness";
import { requireMembership } from "../../lib/auth/context";
import { DEMO_GRID_REGION, DEMO_ORG_SLUG, DEMO_PERIOD, DEMO_SITE, DEMO_TRACKER_PROJECT, seedDemo } from "../../prisma/seed";

const TOKEN = "demo-token-for-the-seed-test-0001";
const EXPERIMENT = "7f1c2b9e-0d4a-4c55-9a51-3b6f0e2d8c11";

describe("demo tracker seed", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("gives demo-tracker the token and the experiment, once", async () => {
    vi.stubEnv("SCOPEBOOK_DEMO_API_TOKEN", TOKEN);
    vi.stubEnv("SCOPEBOOK_DEMO_EXPERIMENT_ID", EXPERIMENT.toUpperCase());
    const lines: string[] = [];
    await seedDemo((l) => lines.push(l));
    await seedDemo((l) => lines.push(l));
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: DEMO_ORG_SLUG } });
    const project = await prisma.project.findFirstOrThrow({ where: { organizationId: org.id, name: DEMO_TRACKER_PROJECT } });
    expect(await prisma.apiToken.count({ where: { organizationId: org.id, projectId: project.id } })).toBe(1);
    // The worked example's activity file, imported once although the seed ran twice: 30 kWh at its own site.
    const activity = await prisma.activityRecord.aggregate({ where: { organizationId: org.id, site: { name: DEMO_SITE } }, _sum: { normalizedQuantity: true }, _count: { _all: true } });
    expect([activity._count._all, activity._sum.normalizedQuantity?.toFixed()]).toEqual([1, "30"]);
    const experiment = await prisma.experiment.findUniqueOrThrow({ where: { id: EXPERIMENT } });
    expect(experiment).toMatchObject({ organizationId: org.id, projectId: project.id });
    expect(lines.filter((l) => l.startsWith("demo tracker:"))).toHaveLength(1);

    const ctx = await requireApiToken({ token: TOKEN, requestId: "seed-test" });
    expect(ctx.projectId).toBe(project.id);
    const run = await createRun({ ctx, input: { timestamp: "2026-11-23T08:24:52.670749+00:00", experiment_id: EXPERIMENT } });
    expect(run.experiment_id).toBe(EXPERIMENT);
  }, 120_000); // the first seed builds the whole demo year

  it("FY2025 holds the worked example: 30 kWh × 0.0004 tCO2e/kWh (custom factor, US-EAST) = 12 kgCO2e of Scope 2 LB and MB (MB flagged grid average instead of residual mix), once", async () => {
    await seedDemo(() => {});
    await seedDemo(() => {});
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: DEMO_ORG_SLUG } });
    const auditor = await prisma.user.findUniqueOrThrow({ where: { email: "auditor@scopebook.local" } });
    const ctx = await requireMembership({ userId: auditor.id, orgSlug: DEMO_ORG_SLUG, requestId: "seed-test" });
    const periods = await prisma.reportingPeriod.findMany({ where: { organizationId: org.id, name: DEMO_PERIOD } });
    expect(periods.map((p) => p.status)).toEqual(["OPEN"]);
    const periodId = periods[0].id;
    const inv = await getInventory({ ctx, input: { periodId } });
    expect(inv.version?.number).toBe(1);
    expect(inv.e16).toMatchObject({ unresolvedLines: 0 });
    // The demo year is around it (test/integration/demo-year-seed.test.ts); the worked example's lines are the US-EAST factor's.
    const factor = await prisma.emissionFactor.findFirstOrThrow({ where: { organizationId: org.id, keyType: "GRID_REGION", key: DEMO_GRID_REGION } });
    const mb = await lineViews(org.id, inv.version!.id, { factorId: factor.id, method: "MARKET_BASED" }, 10);
    expect(mb.lines).toHaveLength(1);
    expect(mb.lines[0]).toMatchObject({ activityQuantity: "30", factorValue: "0.4", emissionsKgCo2e: "12" });
    expect(mb.lines[0].qualityFlags).toContain("grid-average-instead-of-residual-mix");
    expect(mb.lines[0].factor).toMatchObject({ sourceValue: "0.0004", sourceUnit: "tCO2e/kWh" });
    expect((await getPeriodStaleness({ ctx, input: { periodId } })).stale).toBe(false);
    const factors = await prisma.emissionFactor.count({ where: { organizationId: org.id, keyType: "GRID_REGION", key: DEMO_GRID_REGION } });
    expect(factors).toBe(1);
  }, 120_000);

  it("one variable without the other stops the seed with a message naming both", async () => {
    vi.stubEnv("SCOPEBOOK_DEMO_API_TOKEN", TOKEN);
    vi.stubEnv("SCOPEBOOK_DEMO_EXPERIMENT_ID", "");
    const err = await seedDemo(() => {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EnvError);
    expect(String((err as Error).message)).toMatch(/SCOPEBOOK_DEMO_API_TOKEN and SCOPEBOOK_DEMO_EXPERIMENT_ID/);
  });
});
