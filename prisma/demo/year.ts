// The demo year of Zielona, step by step through the services a user's actions call: the officer's sites and custom
// factors, the engineer's projects and cloud mappings, the generated files (prisma/demo/generate.ts) uploaded,
// previewed and confirmed like any import, then periods FY2024 and FY2025 with their net revenue, calculated, and
// FY2024 closed as the base year. Each step checks for itself (idempotent; a seed killed half-way completes later).
import { createHash } from "node:crypto";
import type { ServiceContext } from "../../lib/auth/context";
import { prisma } from "../../lib/db/client";
import { createSite } from "../../lib/services/activity/create-site";
import { addCustomFactor } from "../../lib/services/factors/add-custom-factor";
import { createCloudMapping } from "../../lib/services/cloud-mappings/create-cloud-mapping";
import { createProject } from "../../lib/services/projects/create-project";
import { createReportingPeriod } from "../../lib/services/periods/create-reporting-period";
import { getPeriodStaleness } from "../../lib/services/inventory/get-period-staleness";
import { recalculateAndCheck } from "../../lib/services/inventory/recalculate-and-check";
import { approvePeriod } from "../../lib/services/periods/approve-period";
import { reviewPeriod } from "../../lib/services/periods/review-period";
import { submitPeriod } from "../../lib/services/periods/submit-period";
import { createTarget } from "../../lib/services/targets/create-target";
import { stateDemoScope3 } from "./scope3-notes";
import { uploadCodecarbonFile } from "../../lib/services/imports/upload-codecarbon-file";
import { DEMO_FACTORS } from "./factors";
import {
  AWS_USAGE_ACCOUNT,
  DATA_PLATFORM_PROJECT,
  GCP_PROJECTS,
  ML_PROJECTS,
  SITES,
  demoFiles,
  type DemoFile,
} from "./generate";

type Log = (line: string) => void;

export const DEMO_PERIODS = [
  { name: "FY2024", startDate: "2024-01-01", endDate: "2024-12-31", netRevenue: "38400000" },
  { name: "FY2025", startDate: "2025-01-01", endDate: "2025-12-31", netRevenue: "41250000" },
] as const;
export const DEMO_BASE_YEAR = "FY2024";

const PROJECT_DESCRIPTIONS: Record<string, string> = {
  [ML_PROJECTS.forecast]: "Energy demand forecasting for the plant's customers (trains on Google Cloud, europe-central2)",
  [ML_PROJECTS.vision]: "Weld-seam and surface defect detection on the production line (trains on AWS, eu-central-1)",
  [ML_PROJECTS.llm]: "Fine-tuned language model for quality reports (on-prem GPU server in the Łódź server room)",
  [DATA_PLATFORM_PROJECT]: "Data warehouse and dashboards (BigQuery, Cloud Run): no trackers, the cloud export only",
};

/** Sites, projects, mappings, factors and every generated file, in that order. True when anything was added. */
export async function seedDemoYear(ctx: { engineer: ServiceContext; officer: ServiceContext }, log: Log): Promise<boolean> {
  const { engineer, officer } = ctx;
  const inOrg = { organizationId: officer.organization.id };
  let created = false;

  for (const site of Object.values(SITES)) {
    if (await prisma.site.findFirst({ where: { ...inOrg, name: site.name }, select: { id: true } })) continue;
    await createSite({ ctx: officer, input: site });
    created = true;
  }

  const projectIds = new Map<string, string>();
  for (const name of [...Object.values(ML_PROJECTS), DATA_PLATFORM_PROJECT]) {
    const found = await prisma.project.findFirst({ where: { ...inOrg, name }, select: { id: true } });
    const project = found ?? (await createProject({ ctx: engineer, input: { name, description: PROJECT_DESCRIPTIONS[name] } }));
    if (!found) created = true;
    projectIds.set(name, project.id);
  }

  const mappings = [
    { provider: "GCP", matchType: "CLOUD_PROJECT", matchValue: GCP_PROJECTS.forecast, project: ML_PROJECTS.forecast },
    { provider: "GCP", matchType: "CLOUD_PROJECT", matchValue: GCP_PROJECTS.platform, project: DATA_PLATFORM_PROJECT },
    { provider: "AWS", matchType: "ACCOUNT", matchValue: AWS_USAGE_ACCOUNT, project: ML_PROJECTS.vision },
  ] as const;
  for (const m of mappings) {
    const exists = await prisma.cloudProjectMapping.findFirst({ where: { ...inOrg, provider: m.provider, matchType: m.matchType, matchValue: m.matchValue }, select: { id: true } });
    if (exists) continue;
    await createCloudMapping({ ctx: engineer, input: { provider: m.provider, matchType: m.matchType, matchValue: m.matchValue, projectId: projectIds.get(m.project) } });
    created = true;
  }

  for (const f of DEMO_FACTORS) {
    const exists = await prisma.emissionFactor.findFirst({ where: { ...inOrg, keyType: f.keyType, key: f.key, dataset: { kind: "CUSTOM" } }, select: { id: true } });
    if (exists) continue;
    const { citation, ...fields } = f;
    await addCustomFactor({
      ctx: officer,
      input: {
        fields: { ...fields, method: "ACTIVITY_AVERAGE" },
        evidence: { fileName: `factor-${f.key.replace(/[^A-Za-z0-9-]/g, "-")}.txt`, contentType: "text/plain", bytes: Buffer.from(`Demo factor ${f.keyType} ${f.key}: ${f.value} ${f.unit}\n\n${citation}\n`) },
      },
    });
    created = true;
  }
  if (created) log(`demo data: sites, projects, cloud mappings and ${DEMO_FACTORS.length} cited custom factors ready for ${officer.organization.slug}`);

  const files = demoFiles();
  const imports: [ServiceContext, DemoFile, string][] = [
    ...files.codecarbon.map((f): [ServiceContext, DemoFile, string] => [engineer, f, "CodeCarbon runs"]),
    ...files.gcp.map((f): [ServiceContext, DemoFile, string] => [engineer, f, "Google Cloud carbon rows"]),
    ...files.aws.map((f): [ServiceContext, DemoFile, string] => [engineer, f, "AWS carbon rows"]),
    ...files.activity.map((f): [ServiceContext, DemoFile, string] => [officer, f, "activity rows"]),
    [officer, files.instruments, "Guarantees of Origin"],
  ];
  for (const [who, file, what] of imports) if (await importDemoFile(who, file, what, log)) created = true;
  return created;
}

/** One generated file through upload → preview → confirm (the same bytes again: a duplicate, nothing changes). */
async function importDemoFile(ctx: ServiceContext, file: DemoFile, what: string, log: Log): Promise<boolean> {
  const bytes = Buffer.from(file.text, "utf8");
  // Already committed: the upload would find out too, after streaming and previewing the file (a start's seconds).
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (await prisma.import.findFirst({ where: { organizationId: ctx.organization.id, sha256, status: "COMMITTED" }, select: { id: true } })) return false;
  const r = await uploadCodecarbonFile({ ctx, input: { fileName: file.fileName, contentType: "text/csv", bytes, maxBytes: 50 * 1024 * 1024 } });
  if (r.duplicateFile) return false;
  if (r.rowsFailed) throw new Error(`demo file ${file.fileName}: ${r.rowsFailed} of ${r.rowsTotal} rows failed to import (a bug in prisma/demo/generate.ts)`);
  log(`demo data: ${r.rowsImported.toLocaleString("en")} ${what} imported from ${file.fileName}`);
  return true;
}

/**
 * The demo's base year is closed. Today this is the period status service (an officer closes the period); the
 * four-eyes sign-off of issue 13 replaces this one step: submit by the preparer, approval by a second account.
 */
/**
 * FY2024 signed off by three people (issue 14): the officer prepares and submits it, a second officer reviews it,
 * the admin approves (report version 1).
 */
export async function closeDemoBaseYear(officer: ServiceContext, approver: ServiceContext, periodId: string, reviewer: ServiceContext): Promise<void> {
  await submitPeriod({ ctx: officer, input: { periodId, acknowledgeUnresolved: true } });
  await reviewPeriod({ ctx: reviewer, input: { periodId, note: "Demo: figures and data quality reviewed." } });
  await approvePeriod({ ctx: approver, input: { periodId } });
}

/** The demo's E1-4 target: −42 % of Scope 1 + Scope 2 (market-based) by 2030 from the signed 2024 base, −20 % by 2027. */
export const DEMO_TARGET = { name: "Scope 1 + 2 (MB) −42 % by 2030", coversScope1: true, scope2Method: "MARKET_BASED", baseYear: 2024, targetYear: 2030, reductionPercent: "42", milestones: [{ year: 2027, reductionPercent: "20" }] };

async function seedDemoTarget(officer: ServiceContext, log: Log): Promise<boolean> {
  if (await prisma.emissionTarget.findFirst({ where: { organizationId: officer.organization.id, name: DEMO_TARGET.name }, select: { id: true } })) return false;
  await createTarget({ ctx: officer, input: DEMO_TARGET });
  log(`demo data: target "${DEMO_TARGET.name}" set`);
  return true;
}

/** FY2024 and FY2025 with net revenue, each calculated; FY2024 then signed off (once), FY2025 stays open. */
export async function seedDemoPeriods(officer: ServiceContext, approver: ServiceContext, log: Log, reviewer: ServiceContext): Promise<boolean> {
  const inOrg = { organizationId: officer.organization.id };
  let changed = false;
  for (const p of DEMO_PERIODS) {
    let period = await prisma.reportingPeriod.findFirst({ where: { ...inOrg, name: p.name }, select: { id: true, status: true } });
    if (!period) {
      const made = await createReportingPeriod({ ctx: officer, input: { ...p, netRevenueCurrency: "EUR" } });
      period = { id: made.id, status: "OPEN" };
      changed = true;
    }
    if (period.status === "OPEN" && (await stateDemoScope3(officer, period.id))) changed = true;
    // A closed period is never recalculated by the seed (that would be a restatement, the officer's decision).
    if (period.status !== "OPEN") continue;
    if (await needsCalculation(officer, period.id)) {
      const out = await recalculateAndCheck({ ctx: officer, input: { periodId: period.id } });
      if (out.changed) {
        log(`demo data: inventory ${p.name} of ${officer.organization.slug} calculated (version ${out.versionNumber}, ${out.lines.toLocaleString("en")} ledger lines)`);
        changed = true;
      }
    }
    if (p.name === DEMO_BASE_YEAR) {
      await closeDemoBaseYear(officer, approver, period.id, reviewer);
      log(`demo data: ${p.name} signed off (the base year: prepared by the officer, approved by the admin)`);
      changed = true;
    }
  }
  if (await seedDemoTarget(officer, log)) changed = true;
  return changed;
}

/** Not calculated yet, or inputs changed since (e.g. a live tracker reported to demo-tracker). */
async function needsCalculation(officer: ServiceContext, periodId: string): Promise<boolean> {
  const current = await prisma.calculationVersion.findFirst({ where: { organizationId: officer.organization.id, periodId, isCurrent: true }, select: { id: true } });
  return !current || (await getPeriodStaleness({ ctx: officer, input: { periodId } })).stale;
}
