// Demo data: two organizations, one user per role, and a demo year worth looking at for Zielona (prisma/demo/year.ts):
// two sites in two countries, monthly bills, a Guarantee of Origin, fuels and refrigerant, cloud exports of Google
// Cloud and AWS mapped to projects, thousands of CodeCarbon runs of three ML projects, travel and hardware, and
// periods FY2024 (calculated, closed) and FY2025 (calculated, open). Beside it, labelled, the worked example:
// 0.3 kW × 100 h = 30 kWh × 0.4 kgCO2e/kWh = 12 kgCO2e of Scope 2, and a real CodeCarbon file.
// Idempotent, step by step. Runs through the same services as the app (uploads: upload → preview → confirm).
import { readFileSync } from "node:fs";
import path from "node:path";
import { hashApiToken } from "../lib/auth/api-token";
import { requireMembership, type ServiceContext } from "../lib/auth/context";
import { prisma } from "../lib/db/client";
import { demoTrackerEnv } from "../lib/env";
import { createApiToken } from "../lib/services/organizations/create-api-token";
import { createExperiment } from "../lib/services/tracker-api/create-experiment";
import { createOrganization } from "../lib/services/organizations/create-organization";
import { updateSite } from "../lib/services/activity/update-site";
import { seedDemoEngagement } from "./demo/engagement";
import { seedDemoYear, seedDemoPeriods } from "./demo/year";
import { addCustomFactor } from "../lib/services/factors/add-custom-factor";
import { createProject } from "../lib/services/projects/create-project";
import { uploadCodecarbonFile } from "../lib/services/imports/upload-codecarbon-file";

export const DEMO_PASSWORD = "scopebook-demo";
export const DEMO_ORG_SLUG = "zielona";
/** The project a stock CodeCarbon tracker reports to when SCOPEBOOK_DEMO_API_TOKEN is set. */
export const DEMO_TRACKER_PROJECT = "demo-tracker";

export const DEMO_USERS = [
  { email: "admin@scopebook.local", name: "Ada Admin", role: "ADMIN" },
  { email: "officer@scopebook.local", name: "Olga Officer", role: "OFFICER" },
  { email: "reviewer@scopebook.local", name: "Rita Reviewer", role: "OFFICER" },
  { email: "engineer@scopebook.local", name: "Emil Engineer", role: "ENGINEER" },
  { email: "auditor@scopebook.local", name: "Aurelia Auditor", role: "AUDITOR" },
] as const;

/** Each step checks for itself, so a seed killed half-way completes on the next start. */
export async function seedDemo(log: (line: string) => void = console.log): Promise<boolean> {
  const startedMs = performance.now();
  let created = false;
  const orgs = [
    {
      slug: DEMO_ORG_SLUG,
      name: "Zielona Energia sp. z o.o. (Łódź)",
      members: DEMO_USERS.map((u) => ({ ...u, password: DEMO_PASSWORD })),
    },
    {
      slug: "northwind",
      name: "Northwind Labs GmbH",
      members: [{ email: "admin@scopebook.local", name: "Ada Admin", role: "ADMIN" as const, password: DEMO_PASSWORD }],
    },
  ];
  for (const org of orgs) {
    if (await prisma.organization.findFirst({ where: { slug: org.slug }, select: { id: true } })) continue;
    await createOrganization({ db: prisma, input: { ...org, reportingCurrency: "EUR" }, requestId: "seed" });
    created = true;
  }
  const engineer = await prisma.user.findUniqueOrThrow({ where: { email: "engineer@scopebook.local" } });
  const ctx = await requireMembership({ userId: engineer.id, orgSlug: DEMO_ORG_SLUG, requestId: "seed" });
  const file = path.join(process.cwd(), "prisma", "demo", "codecarbon-2.4-macos-m1.csv");
  const result = await uploadCodecarbonFile({
    ctx,
    input: { fileName: "emissions.csv", contentType: "text/csv", bytes: readFileSync(file), maxBytes: 50 * 1024 * 1024 },
  });
  if (!result.duplicateFile) {
    log(`demo data: ${result.rowsImported} CodeCarbon rows imported for ${DEMO_ORG_SLUG}`);
    created = true;
  }
  if (await seedDemoTracker(ctx, log)) created = true;
  const officer = await prisma.user.findUniqueOrThrow({ where: { email: "officer@scopebook.local" } });
  const officerCtx = await requireMembership({ userId: officer.id, orgSlug: DEMO_ORG_SLUG, requestId: "seed" });
  if (await seedDemoYear({ engineer: ctx, officer: officerCtx }, log)) created = true;
  if (await seedDemoActivity(officerCtx, log)) created = true;
  if (await seedWorkedExampleFactor(officerCtx)) created = true;
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@scopebook.local" } });
  const adminCtx = await requireMembership({ userId: admin.id, orgSlug: DEMO_ORG_SLUG, requestId: "seed" });
  const reviewer = await prisma.user.findUniqueOrThrow({ where: { email: "reviewer@scopebook.local" } });
  const reviewerCtx = await requireMembership({ userId: reviewer.id, orgSlug: DEMO_ORG_SLUG, requestId: "seed" });
  if (await seedDemoPeriods(officerCtx, adminCtx, log, reviewerCtx)) created = true;
  if (await seedDemoEngagement(officerCtx, log)) created = true;
  log(`demo data: seed took ${((performance.now() - startedMs) / 1000).toFixed(1)} s${created ? "" : " (nothing to do)"}`);
  return created;
}

/** The worked example (30 kWh of electricity at its own site, "Worked example: us-east training cluster"), imported by the officer. */
async function seedDemoActivity(ctx: ServiceContext, log: (line: string) => void): Promise<boolean> {
  const bytes = readFileSync(path.join(process.cwd(), "prisma", "demo", "seed-worked-example.csv"));
  const result = await uploadCodecarbonFile({ ctx, input: { fileName: "seed-worked-example.csv", contentType: "text/csv", bytes, maxBytes: 1024 * 1024 } });
  if (result.duplicateFile) return false;
  log(`demo data: ${result.rowsImported} activity row imported for ${DEMO_ORG_SLUG} (the worked example, 30 kWh)`);
  return true;
}

export const DEMO_PERIOD = "FY2025";
export const DEMO_SITE = "Worked example: us-east training cluster";
export const DEMO_GRID_REGION = "US-EAST";

/**
 * The worked example's grid, by the officer through the services: the site in the USA on grid region US-EAST (its
 * market too: no residual mix is loaded, so market-based takes the grid average, flagged), and the custom factor
 * 0.0004 tCO2e/kWh for US-EAST with its evidence. FY2025 (seedDemoPeriods) then gives 30 kWh × 0.4 = 12 kgCO2e.
 */
async function seedWorkedExampleFactor(ctx: ServiceContext): Promise<boolean> {
  const inOrg = { organizationId: ctx.organization.id };
  let created = false;
  const site = await prisma.site.findFirst({ where: { ...inOrg, name: DEMO_SITE } });
  if (site && site.gridRegion === null) {
    await updateSite({ ctx, input: { id: site.id, countryIsoCode: "USA", gridRegion: DEMO_GRID_REGION, market: DEMO_GRID_REGION } });
    created = true;
  }
  const hasFactor = await prisma.emissionFactor.findFirst({ where: { ...inOrg, keyType: "GRID_REGION", key: DEMO_GRID_REGION, dataset: { kind: "CUSTOM" } }, select: { id: true } });
  if (!hasFactor) {
    const evidence = "us-east-supplier-factor.txt";
    await addCustomFactor({
      ctx,
      input: {
        fields: { keyType: "GRID_REGION", key: DEMO_GRID_REGION, year: 2025, value: "0.0004", unit: "tCO2e/kWh", method: "LOCATION_GRID_AVERAGE", description: "Worked example: US-EAST grid average 2025 (0.3 kW × 100 h = 30 kWh × 0.4 kgCO2e/kWh = 12 kgCO2e; demo)" },
        evidence: { fileName: evidence, contentType: "text/plain", bytes: readFileSync(path.join(process.cwd(), "prisma", "demo", evidence)) },
      },
    });
    created = true;
  }
  return created;
}

/**
 * With SCOPEBOOK_DEMO_API_TOKEN and SCOPEBOOK_DEMO_EXPERIMENT_ID set: the project "demo-tracker" gets that token
 * and that experiment, so a stock tracker configured with both reports at once (README, "Live CodeCarbon tracker").
 * Each step checks for itself; a token revoked in the app stays revoked.
 */
async function seedDemoTracker(engineer: ServiceContext, log: (line: string) => void): Promise<boolean> {
  const demo = demoTrackerEnv(process.env);
  if (!demo) return false;
  const { token, experimentId } = demo;
  let created = false;
  const inOrg = { organizationId: engineer.organization.id };
  const project =
    (await prisma.project.findFirst({ where: { ...inOrg, name: DEMO_TRACKER_PROJECT } })) ??
    (await createProject({ ctx: engineer, input: { name: DEMO_TRACKER_PROJECT, description: "Live CodeCarbon tracker (demo)" } }));
  let tokenRow = await prisma.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) } });
  if (tokenRow && tokenRow.projectId !== project.id)
    throw new Error("SCOPEBOOK_DEMO_API_TOKEN is already a token of another project; choose another value.");
  if (!tokenRow) {
    const t = await createApiToken({ ctx: engineer, input: { projectId: project.id, name: "demo tracker (SCOPEBOOK_DEMO_API_TOKEN)" }, presetToken: token });
    tokenRow = await prisma.apiToken.findUniqueOrThrow({ where: { id: t.id } });
    created = true;
  }
  const existing = await prisma.experiment.findUnique({ where: { id: experimentId } });
  if (existing && (existing.organizationId !== engineer.organization.id || existing.projectId !== project.id))
    throw new Error("SCOPEBOOK_DEMO_EXPERIMENT_ID is already an experiment of another project; choose another UUID.");
  if (!existing) {
    const ctx = { tokenId: tokenRow.id, userId: null, actorLabel: "system", organization: engineer.organization, projectId: project.id, requestId: "seed" };
    await createExperiment({
      ctx,
      input: { name: `live demo ${experimentId.slice(0, 8)}`, description: "Experiment of SCOPEBOOK_DEMO_EXPERIMENT_ID", project_id: project.id },
      experimentId,
    });
    created = true;
  }
  if (created) log(`demo tracker: project "${DEMO_TRACKER_PROJECT}" in ${DEMO_ORG_SLUG} has the demo token and experiment ${experimentId}`);
  if (tokenRow.revokedAt) log("demo tracker: the demo token was revoked in the app; trackers using it get 403");
  return created;
}
