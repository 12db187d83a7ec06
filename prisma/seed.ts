// Demo data: two organizations, one user per role, a real CodeCarbon file uploaded by the engineer, and the
// worked example's activity CSV imported by the officer.
// Idempotent, step by step. Runs through the same services as the app.
import { readFileSync } from "node:fs";
import path from "node:path";
import { hashApiToken } from "../lib/auth/api-token";
import { requireMembership, type ServiceContext } from "../lib/auth/context";
import { prisma } from "../lib/db/client";
import { demoTrackerEnv } from "../lib/env";
import { createApiToken } from "../lib/services/create-api-token";
import { createExperiment } from "../lib/services/codecarbon-api/create-experiment";
import { createOrganization } from "../lib/services/create-organization";
import { createProject } from "../lib/services/create-project";
import { uploadCodecarbonFile } from "../lib/services/upload-codecarbon-file";

export const DEMO_PASSWORD = "scopebook-demo";
export const DEMO_ORG_SLUG = "zielona";
/** The project a stock CodeCarbon tracker reports to when SCOPEBOOK_DEMO_API_TOKEN is set. */
export const DEMO_TRACKER_PROJECT = "demo-tracker";

export const DEMO_USERS = [
  { email: "admin@scopebook.local", name: "Ada Admin", role: "ADMIN" },
  { email: "officer@scopebook.local", name: "Olga Officer", role: "OFFICER" },
  { email: "engineer@scopebook.local", name: "Emil Engineer", role: "ENGINEER" },
  { email: "auditor@scopebook.local", name: "Aurelia Auditor", role: "AUDITOR" },
] as const;

/** Each step checks for itself, so a seed killed half-way completes on the next start. */
export async function seedDemo(log: (line: string) => void = console.log): Promise<boolean> {
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
  if (await seedDemoActivity(log)) created = true;
  return created;
}

/** The worked example (30 kWh of electricity at "us-east training cluster"), imported by the officer. */
async function seedDemoActivity(log: (line: string) => void): Promise<boolean> {
  const officer = await prisma.user.findUniqueOrThrow({ where: { email: "officer@scopebook.local" } });
  const ctx = await requireMembership({ userId: officer.id, orgSlug: DEMO_ORG_SLUG, requestId: "seed" });
  const bytes = readFileSync(path.join(process.cwd(), "prisma", "demo", "seed-worked-example.csv"));
  const result = await uploadCodecarbonFile({ ctx, input: { fileName: "seed-worked-example.csv", contentType: "text/csv", bytes, maxBytes: 1024 * 1024 } });
  if (result.duplicateFile) return false;
  log(`demo data: ${result.rowsImported} activity row imported for ${DEMO_ORG_SLUG} (the worked example, 30 kWh)`);
  return true;
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
