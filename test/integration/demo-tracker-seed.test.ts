// The demo seed with SCOPEBOOK_DEMO_API_TOKEN and SCOPEBOOK_DEMO_EXPERIMENT_ID: the demo project "demo-tracker"
// gets that token and that experiment (idempotently), and a tracker using them can start a run at once.
import { afterEach, describe, expect, it, vi } from "vitest";
import { requireApiToken } from "../../lib/auth/api-token";
import { prisma } from "../../lib/db/client";
import { EnvError } from "../../lib/env";
import { createRun } from "../../lib/services/codecarbon-api/create-run";
import { DEMO_ORG_SLUG, DEMO_TRACKER_PROJECT, seedDemo } from "../../prisma/seed";

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
    // The worked example's activity file, imported once although the seed ran twice: 30 kWh.
    const activity = await prisma.activityRecord.aggregate({ where: { organizationId: org.id }, _sum: { normalizedQuantity: true }, _count: { _all: true } });
    expect([activity._count._all, activity._sum.normalizedQuantity?.toFixed()]).toEqual([1, "30"]);
    const experiment = await prisma.experiment.findUniqueOrThrow({ where: { id: EXPERIMENT } });
    expect(experiment).toMatchObject({ organizationId: org.id, projectId: project.id });
    expect(lines.filter((l) => l.startsWith("demo tracker:"))).toHaveLength(1);

    const ctx = await requireApiToken({ token: TOKEN, requestId: "seed-test" });
    expect(ctx.projectId).toBe(project.id);
    const run = await createRun({ ctx, input: { timestamp: "2026-11-23T08:24:52.670749+00:00", experiment_id: EXPERIMENT } });
    expect(run.experiment_id).toBe(EXPERIMENT);
  });

  it("one variable without the other stops the seed with a message naming both", async () => {
    vi.stubEnv("SCOPEBOOK_DEMO_API_TOKEN", TOKEN);
    vi.stubEnv("SCOPEBOOK_DEMO_EXPERIMENT_ID", "");
    const err = await seedDemo(() => {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EnvError);
    expect(String((err as Error).message)).toMatch(/SCOPEBOOK_DEMO_API_TOKEN and SCOPEBOOK_DEMO_EXPERIMENT_ID/);
  });
});
