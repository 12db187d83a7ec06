// CodeCarbon's live API, service level, on a real Postgres: tokens (hashing, revocation, permissions), tenancy,
// exact delta sums of the captured tracker requests, duplicates, concurrency, lineage and audit events.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hashApiToken, requireApiToken, type ApiTokenContext } from "../../lib/auth/api-token";
import { requireMembership, type ServiceContext } from "../../lib/auth/context";
import { prisma } from "../../lib/db/client";
import { AppError } from "../../lib/errors";
import { parseJsonExact, stringifyJsonExact } from "../../lib/json-exact";
import { addEmission } from "../../lib/services/tracker-api/add-emission";
import { createExperiment } from "../../lib/services/tracker-api/create-experiment";
import { createRun } from "../../lib/services/tracker-api/create-run";
import { writeEmission } from "../../lib/services/tracker-api/emission-writer";
import { getRun } from "../../lib/services/tracker-api/get-run";
import { listExperimentRuns } from "../../lib/services/tracker-api/list-experiment-runs";
import { listProjectExperiments } from "../../lib/services/tracker-api/list-project-experiments";
import { listRunEmissions } from "../../lib/services/tracker-api/list-run-emissions";
import { sumExperimentRuns } from "../../lib/services/tracker-api/sum-experiment-runs";
import { sumProject } from "../../lib/services/tracker-api/sum-project";
import { sumProjectExperiments } from "../../lib/services/tracker-api/sum-project-experiments";
import { createApiToken } from "../../lib/services/organizations/create-api-token";
import { createOrganization } from "../../lib/services/organizations/create-organization";
import { createProject } from "../../lib/services/projects/create-project";
import { revokeApiToken } from "../../lib/services/organizations/revoke-api-token";
import { uploadCodecarbonFile } from "../../lib/services/imports/upload-codecarbon-file";

type Role = "ADMIN" | "OFFICER" | "ENGINEER" | "AUDITOR";
interface Capture {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

// The exact requests CodeCarbon 3.3.0 sent (e2e/fixtures/SOURCES.md), numbers kept as their source text.
const CAPTURE = parseJsonExact(readFileSync(path.join(process.cwd(), "e2e", "fixtures", "api_runs_emissions_payloads.json"), "utf8")) as Capture[];
const RUN_BODY = CAPTURE.find((c) => c.path === "/runs")!.body;
const EMISSION_BODIES = CAPTURE.filter((c) => c.path === "/emissions").map((c) => c.body);

async function org(prefix: string) {
  const slug = `${prefix}-${randomUUID().slice(0, 8)}`;
  const roles: Role[] = ["ADMIN", "OFFICER", "ENGINEER", "AUDITOR"];
  const { organization, users } = await createOrganization({
    db: prisma,
    input: { slug, name: `Test ${slug}`, members: roles.map((role) => ({ email: `${role.toLowerCase()}@${slug}.test`, name: role, password: "correct-horse-battery", role })) },
  });
  const ctx = (role: Role): Promise<ServiceContext> =>
    requireMembership({ userId: users.find((u) => u.role === role)!.id, orgSlug: slug, requestId: `test-${role}` });
  return { organization, ctx };
}

/** An organization with a project, a token for it and an experiment: what a tracker needs. */
async function trackerSetup(prefix: string) {
  const o = await org(prefix);
  const engineer = await o.ctx("ENGINEER");
  const project = await createProject({ ctx: engineer, input: { name: "training" } });
  const created = await createApiToken({ ctx: engineer, input: { projectId: project.id, name: "cluster" } });
  const ctx = await requireApiToken({ token: created.token, requestId: "test-tracker" });
  const experiment = await createExperiment({ ctx, input: { name: "baseline", description: "", on_cloud: false, project_id: project.id } });
  return { ...o, engineer, project, token: created, tracker: ctx, experiment };
}

async function startRun(tracker: ApiTokenContext, experimentId: string) {
  return createRun({ ctx: tracker, input: { ...RUN_BODY, experiment_id: experimentId } });
}

async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected an AppError");
}

describe("tracker API tokens", () => {
  it("are shown once, stored as sha256 with a prefix, and audited without the secret", async () => {
    const o = await org("tok");
    const engineer = await o.ctx("ENGINEER");
    const project = await createProject({ ctx: engineer, input: { name: "p" } });
    const t = await createApiToken({ ctx: engineer, input: { projectId: project.id, name: "ci" } });
    expect(t.token).toMatch(/^sbk_[A-Za-z0-9_-]{43}$/);
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: t.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(t.token).digest("hex"));
    expect(row.tokenPrefix).toBe(t.token.slice(0, 12));
    expect(row).toMatchObject({ organizationId: o.organization.id, projectId: project.id, revokedAt: null });
    const events = await prisma.auditEvent.findMany({ where: { organizationId: o.organization.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["project.created", "api-token.created"]));
    expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toContain(t.token);
  });

  it("only engineers and admins manage tokens (token:manage)", async () => {
    const o = await org("perm");
    const project = await createProject({ ctx: await o.ctx("ADMIN"), input: { name: "p" } });
    for (const role of ["OFFICER", "AUDITOR"] as const)
      expect((await appError(createApiToken({ ctx: await o.ctx(role), input: { projectId: project.id, name: "x" } }))).status).toBe(403);
    await expect(createApiToken({ ctx: await o.ctx("ADMIN"), input: { projectId: project.id, name: "x" } })).resolves.toHaveProperty("token");
  });

  it("401 without or with an unknown token; 403 at once after revocation, which is audited", async () => {
    const s = await trackerSetup("rev");
    expect((await appError(requireApiToken({ token: null, requestId: "r" }))).status).toBe(401);
    expect((await appError(requireApiToken({ token: `${s.token.token}x`, requestId: "r" }))).status).toBe(401);
    const ok = await requireApiToken({ token: s.token.token, requestId: "r" });
    expect(ok).toMatchObject({ organization: { id: s.organization.id }, projectId: s.project.id, actorLabel: `api-token:${s.token.id}` });
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: s.token.id } })).lastUsedAt).not.toBeNull();

    await revokeApiToken({ ctx: s.engineer, input: { projectId: s.project.id, tokenId: s.token.id } });
    // The cached entry is dropped by the revocation: no wait for the TTL.
    expect((await appError(requireApiToken({ token: s.token.token, requestId: "r" }))).status).toBe(403);
    const revoked = await prisma.auditEvent.findFirst({ where: { organizationId: s.organization.id, action: "api-token.revoked", entityId: s.token.id } });
    expect(revoked).not.toBeNull();
    // Revoking again changes nothing and writes no second event.
    await revokeApiToken({ ctx: s.engineer, input: { projectId: s.project.id, tokenId: s.token.id } });
    expect(await prisma.auditEvent.count({ where: { organizationId: s.organization.id, action: "api-token.revoked" } })).toBe(1);
  });

  it("a token of one organization cannot revoke or see another's (404)", async () => {
    const a = await trackerSetup("ta");
    const b = await org("tb");
    expect((await appError(revokeApiToken({ ctx: await b.ctx("ADMIN"), input: { projectId: a.project.id, tokenId: a.token.id } }))).status).toBe(404);
    expect((await appError(createApiToken({ ctx: await b.ctx("ADMIN"), input: { projectId: a.project.id, name: "x" } }))).status).toBe(404);
  });
});

describe("the captured CodeCarbon 3.3.0 requests", () => {
  it("sum exactly: energy_consumed 0.000006242563836468334 + 0.000011563830323688855 + 0.000011824353207430372 + 0.000011746464919598607 = 0.000041377212287186168 kWh; emissions_sum = 0.00000016291677478553769 kg", async () => {
    const s = await trackerSetup("sum");
    const run = await startRun(s.tracker, s.experiment.id);
    for (const body of EMISSION_BODIES) {
      const r = await addEmission({ ctx: s.tracker, input: { ...body, run_id: run.id } });
      expect(r.duplicate).toBe(false);
    }
    const got = await getRun({ ctx: s.tracker, input: { runId: run.id } });
    const json = JSON.parse(stringifyJsonExact(got).replace(/:(-?[0-9.eE+-]+)([,}])/g, ':"$1"$2')) as Record<string, string>;
    expect(json.energy_consumed).toBe("0.000041377212287186168");
    expect(json.emissions).toBe("0.00000016291677478553769");
    expect(json.cpu_energy).toBe("0.0000031853225705218068");
    expect(json.ram_energy).toBe("0.000038191889716664371");
    expect(json.gpu_energy).toBe("0");
    expect(json.duration).toBe("5");
    expect(got.emissions_count).toBe(4);
    expect(got).toMatchObject({ id: run.id, experiment_id: s.experiment.id, os: RUN_BODY.os, codecarbon_version: "3.3.0", cpu_count: 2, gpu_model: "" });

    // Lineage: one API import per run, rows 1..4, kind DELTA.
    const dbRun = await prisma.run.findUniqueOrThrow({ where: { id: run.id } });
    const imp = await prisma.import.findUniqueOrThrow({ where: { id: dbRun.firstImportId! } });
    expect(imp).toMatchObject({ sourceType: "CODECARBON_API", fileName: `api:run:${run.id}`, rowsTotal: 4, rowsImported: 4, rowsDuplicate: 0, status: "COMMITTED", detectedVersion: "3.3.0" });
    const rows = await prisma.measurement.findMany({ where: { runId: run.id }, orderBy: { rowNumber: "asc" } });
    expect(rows.map((m) => [m.rowNumber, m.kind, m.importId])).toEqual([1, 2, 3, 4].map((n) => [n, "DELTA", imp.id]));
    expect(rows[0].energyKwh!.toFixed()).toBe("0.000006242563836468334");
    expect(rows[0].cpuUtilizationPercent!.toFixed()).toBe("50");

    // Audit: the experiment, the run and its import batch; no event per emission.
    const actions = (await prisma.auditEvent.findMany({ where: { organizationId: s.organization.id, actorLabel: `api-token:${s.token.id}` } })).map((e) => e.action);
    expect(actions.sort()).toEqual(["experiment.created", "import.created", "run.created"]);
  });

  it("a retried emission (same run and timestamp) is a duplicate: same id, counted once", async () => {
    const s = await trackerSetup("dup");
    const run = await startRun(s.tracker, s.experiment.id);
    const body = { ...EMISSION_BODIES[0], run_id: run.id };
    const first = await addEmission({ ctx: s.tracker, input: body });
    const again = await addEmission({ ctx: s.tracker, input: body });
    expect(again).toEqual({ id: first.id, duplicate: true });
    const got = await getRun({ ctx: s.tracker, input: { runId: run.id } });
    expect(stringifyJsonExact(got.energy_consumed)).toBe("0.000006242563836468334");
    expect(got.emissions_count).toBe(1);
    const imp = await prisma.import.findFirstOrThrow({ where: { fileName: `api:run:${run.id}` } });
    expect(imp).toMatchObject({ rowsTotal: 2, rowsImported: 1, rowsDuplicate: 1 });
  });

  it("concurrent emissions of one run all count: 40 × 0.000000000000000000000123 kWh = 0.00000000000000000000492 kWh", async () => {
    const s = await trackerSetup("conc");
    const run = await startRun(s.tracker, s.experiment.id);
    const base = Date.UTC(2026, 0, 1);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        addEmission({
          ctx: s.tracker,
          input: { ...EMISSION_BODIES[0], run_id: run.id, timestamp: new Date(base + i * 1000).toISOString(), energy_consumed: parseJsonExact("1.23e-22") },
        }),
      ),
    );
    const got = await getRun({ ctx: s.tracker, input: { runId: run.id } });
    expect(stringifyJsonExact(got.energy_consumed)).toBe("0.00000000000000000000492");
    const numbers = (await prisma.measurement.findMany({ where: { runId: run.id }, select: { rowNumber: true } })).map((m) => m.rowNumber).sort((a, b) => a! - b!);
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it("one batch mixes runs, duplicates and unknown runs: each request gets its own answer", async () => {
    const s = await trackerSetup("batch");
    const [runA, runB] = [await startRun(s.tracker, s.experiment.id), await startRun(s.tracker, s.experiment.id)];
    const at = (i: number) => `2026-02-01T00:00:0${i}.000001+01:00`;
    const emit = (runId: string, i: number) => addEmission({ ctx: s.tracker, input: { ...EMISSION_BODIES[i % 4], run_id: runId, timestamp: at(i) } });
    // All submitted at once: they share lanes and batches.
    const results = await Promise.allSettled([emit(runA.id, 1), emit(runA.id, 1), emit(runB.id, 2), emit(randomUUID(), 3), emit(runA.id, 2)]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "rejected", "fulfilled"]);
    const [first, second] = results as PromiseFulfilledResult<{ id: string; duplicate: boolean }>[];
    expect([first.value.duplicate, second.value.duplicate].sort()).toEqual([false, true]);
    expect(first.value.id).toBe(second.value.id);
    expect(((results[3] as PromiseRejectedResult).reason as AppError).status).toBe(404);
    const a = await prisma.measurement.findMany({ where: { runId: runA.id }, orderBy: { rowNumber: "asc" }, select: { rowNumber: true } });
    // Row numbers count every received emission of the run (the duplicate took one, like a duplicate row in a file).
    expect(a.map((m) => m.rowNumber)).toHaveLength(2);
    expect(await prisma.import.findFirstOrThrow({ where: { fileName: `api:run:${runA.id}` } })).toMatchObject({ rowsTotal: 3, rowsImported: 2, rowsDuplicate: 1 });
    expect(await prisma.measurement.count({ where: { runId: runB.id } })).toBe(1);
  });

  it("a row the database refuses fails alone; the rest of its batch is stored", async () => {
    const s = await trackerSetup("refuse");
    const run = await startRun(s.tracker, s.experiment.id);
    const row = (i: number, measuredAt: string) => ({
      organizationId: s.organization.id,
      projectId: s.project.id,
      runId: run.id,
      rowHash: `refuse-${run.id}-${i}`,
      measuredAt,
      duration: "1",
      emissionsSum: "0.5",
      emissionsRate: null,
      cpuPower: null,
      gpuPower: null,
      ramPower: null,
      cpuEnergy: null,
      gpuEnergy: null,
      ramEnergy: null,
      energyConsumed: "1.25",
      cpuUtilizationPercent: null,
      gpuUtilizationPercent: null,
      ramUtilizationPercent: null,
      wue: null,
    });
    const results = await Promise.allSettled([writeEmission(row(1, "2026-01-01 00:00:01")), writeEmission(row(2, "not a time")), writeEmission(row(3, "2026-01-01 00:00:03"))]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const got = await getRun({ ctx: s.tracker, input: { runId: run.id } });
    expect(stringifyJsonExact(got.energy_consumed)).toBe("2.5");
  });

  it("read side: runs of the experiment, the run's emissions page, and the sums", async () => {
    const s = await trackerSetup("read");
    const run = await startRun(s.tracker, s.experiment.id);
    for (const body of EMISSION_BODIES) await addEmission({ ctx: s.tracker, input: { ...body, run_id: run.id } });
    const all = { query: { start_date: "2026-01-01T00:00:00Z", end_date: "2027-01-01T00:00:00Z" } };
    expect((await listExperimentRuns({ ctx: s.tracker, input: { experimentId: s.experiment.id } })).map((r) => r.id)).toEqual([run.id]);
    expect((await listProjectExperiments({ ctx: s.tracker, input: { projectId: s.project.id } })).map((e) => e.name)).toEqual(["baseline"]);
    const page = await listRunEmissions({ ctx: s.tracker, input: { runId: run.id, query: { size: "3" } } });
    expect(page).toMatchObject({ total: 4, page: 1, size: 3, pages: 2 });
    expect(stringifyJsonExact(page.items[0].energy_consumed)).toBe("0.000006242563836468334");
    const [runSum] = await sumExperimentRuns({ ctx: s.tracker, input: { experimentId: s.experiment.id, ...all } });
    expect(stringifyJsonExact(runSum)).toContain('"energy_consumed":0.000041377212287186168');
    expect(runSum).toMatchObject({ run_id: run.id, emissions_count: 4 });
    const [expSum] = await sumProjectExperiments({ ctx: s.tracker, input: { projectId: s.project.id, ...all } });
    expect(stringifyJsonExact(expSum)).toContain('"emissions":0.00000016291677478553769');
    expect(expSum).toMatchObject({ experiment_id: s.experiment.id, name: "baseline", emissions_count: 4 });
    expect(stringifyJsonExact(await sumProject({ ctx: s.tracker, input: { projectId: s.project.id, ...all } }))).toContain('"duration":5');
    // Outside the range: nothing.
    expect(await sumExperimentRuns({ ctx: s.tracker, input: { experimentId: s.experiment.id, query: { end_date: "2020-01-01T00:00:00Z" } } })).toEqual([]);
  });
});

describe("invalid payloads are 422 with the field and the reason", () => {
  it.each([
    ["energy_consumed", parseJsonExact("-0.5"), "must not be negative (got -0.5)"],
    ["cpu_utilization_percent", parseJsonExact("150"), "must be between 0 and 100 (got 150)"],
    ["duration", parseJsonExact("0"), "must be greater than 0 (got 0)"],
    ["duration", parseJsonExact("1.5"), "must be a whole number (got 1.5)"],
    ["cpu_energy", "0.1", 'must be a number (got the string "0.1")'],
    ["duration", undefined, "required"],
    ["energy_consumed", "(missing)", "required"],
    ["timestamp", "yesterday", 'not an ISO 8601 date-time (got "yesterday")'],
    ["run_id", "42", "must be a UUID"],
    ["ram_energy", parseJsonExact("1e15"), "out of range (1e15): must be less than 10^15 in magnitude"],
    ["timestamp", "1969-12-31T23:59:59Z", 'not an ISO 8601 date-time (got "1969-12-31T23:59:59Z")'],
  ])("%s = %j", async (field, value, reason) => {
    const s = await trackerSetup("bad");
    const run = await startRun(s.tracker, s.experiment.id);
    const input: Record<string, unknown> = { ...EMISSION_BODIES[0], run_id: run.id, [field]: value };
    if (value === "(missing)") delete input[field];
    const err = await appError(addEmission({ ctx: s.tracker, input }));
    expect(err.status).toBe(422);
    expect(err.issues).toContainEqual({ field, reason });
    expect(await prisma.measurement.count({ where: { runId: run.id } })).toBe(0);
  });

  it("a run with a negative count or an experiment id that is not a UUID", async () => {
    const s = await trackerSetup("badrun");
    const err = await appError(createRun({ ctx: s.tracker, input: { ...RUN_BODY, experiment_id: "nope", cpu_count: -1 } }));
    expect(err.status).toBe(422);
    expect(err.issues.map((i) => i.field).sort()).toEqual(["cpu_count", "experiment_id"]);
  });
});

describe("tenancy: a token reaches only its own project", () => {
  it("another organization's token gets 404 for the run, its emissions, its experiment and its project", async () => {
    const a = await trackerSetup("ten-a");
    const b = await trackerSetup("ten-b");
    const run = await startRun(a.tracker, a.experiment.id);
    await addEmission({ ctx: a.tracker, input: { ...EMISSION_BODIES[0], run_id: run.id } });
    const attempts: (() => Promise<unknown>)[] = [
      () => getRun({ ctx: b.tracker, input: { runId: run.id } }),
      () => listRunEmissions({ ctx: b.tracker, input: { runId: run.id, query: {} } }),
      () => addEmission({ ctx: b.tracker, input: { ...EMISSION_BODIES[1], run_id: run.id } }),
      () => startRun(b.tracker, a.experiment.id),
      () => listExperimentRuns({ ctx: b.tracker, input: { experimentId: a.experiment.id } }),
      () => listProjectExperiments({ ctx: b.tracker, input: { projectId: a.project.id } }),
      () => createExperiment({ ctx: b.tracker, input: { name: "intruder", project_id: a.project.id } }),
    ];
    for (const attempt of attempts) expect((await appError(attempt())).status).toBe(404);
    const got = await getRun({ ctx: a.tracker, input: { runId: run.id } });
    expect(got.emissions_count).toBe(1);
  });

  it("a token of another project of the same organization gets 404 too", async () => {
    const a = await trackerSetup("proj");
    const other = await createProject({ ctx: a.engineer, input: { name: "other" } });
    const t = await createApiToken({ ctx: a.engineer, input: { projectId: other.id, name: "other" } });
    const ctx = await requireApiToken({ token: t.token, requestId: "r" });
    const run = await startRun(a.tracker, a.experiment.id);
    expect((await appError(getRun({ ctx, input: { runId: run.id } }))).status).toBe(404);
    expect((await appError(addEmission({ ctx, input: { ...EMISSION_BODIES[0], run_id: run.id } }))).status).toBe(404);
  });

  it("emissions for a run imported from a file (cumulative rows) are refused: 404", async () => {
    const s = await trackerSetup("file");
    const csv = readFileSync(path.join(process.cwd(), "e2e", "fixtures", "codecarbon-2.4-macos-m1.csv"));
    await uploadCodecarbonFile({ ctx: s.engineer, input: { fileName: "e.csv", contentType: "text/csv", bytes: csv, maxBytes: 1e7 } });
    const fileRun = await prisma.run.findFirstOrThrow({ where: { organizationId: s.organization.id, externalRunId: { not: null } } });
    await prisma.run.update({ where: { id: fileRun.id }, data: { projectId: s.project.id } });
    expect((await appError(addEmission({ ctx: s.tracker, input: { ...EMISSION_BODIES[0], run_id: fileRun.id } }))).status).toBe(404);
  });

  it("an experiment name already used in the project makes a second experiment with its own id, as CodeCarbon's server does: 2 named baseline", async () => {
    const s = await trackerSetup("dupexp");
    const again = await createExperiment({ ctx: s.tracker, input: { name: "baseline", project_id: s.project.id } });
    expect(again.id).not.toBe(s.experiment.id);
    expect(again.name).toBe("baseline");
    expect(await prisma.experiment.count({ where: { organizationId: s.organization.id, projectId: s.project.id, name: "baseline" } })).toBe(2);
  });

  it("the token hash is what identifies it", () => {
    expect(hashApiToken("sbk_x")).toBe(createHash("sha256").update("sbk_x").digest("hex"));
  });
});
