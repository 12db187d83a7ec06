// Upload → preview → confirm (or cancel) through the services, on a real Postgres: nothing but the evidence before
// confirmation; all or nothing after; the same bytes again change nothing; large files stay on disk; an import
// left PROCESSING by a stopped server becomes FAILED with its reason.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "../../lib/auth/context";
import { prisma } from "../../lib/db/client";
import { cancelImport } from "../../lib/services/imports/cancel-import";
import { confirmImport } from "../../lib/services/imports/confirm-import";
import { downloadImportErrors } from "../../lib/services/imports/download-import-errors";
import { downloadImportFile } from "../../lib/services/imports/download-import-file";
import { getDashboard } from "../../lib/services/inventory/get-dashboard";
import { getImport } from "../../lib/services/imports/get-import";
import { STOPPED_REASON } from "../../lib/services/imports/commit/recover";
import { uploadImport } from "../../lib/services/imports/upload-import";
import { createTestOrg, withPg } from "../helpers/db";
import { expectAppError } from "../helpers/errors";
import { CODECARBON_24, GOLDEN_24, fixtureBytes } from "../helpers/fixtures";

let dataDir = "";
beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "scopebook-import-flow-"));
  process.env.SCOPEBOOK_DATA_DIR = dataDir;
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const FIXTURE = fixtureBytes(CODECARBON_24);
const HEADER = "timestamp,project_name,run_id,experiment_id,duration,emissions,energy_consumed,country_name\n";

function upload(ctx: ServiceContext, bytes: Buffer, fileName = "emissions.csv") {
  return uploadImport({ ctx, input: { fileName, body: Readable.from([bytes]), maxBytes: 100 * 1024 * 1024 } });
}

async function engineer(prefix: string) {
  const org = await createTestOrg(prefix, ["ADMIN", "ENGINEER"]);
  return { org, ctx: await org.ctx("ENGINEER") };
}

async function written(organizationId: string) {
  const where = { organizationId };
  const [runs, measurements, projects] = await Promise.all([prisma.run.count({ where }), prisma.measurement.count({ where }), prisma.project.count({ where })]);
  return { runs, measurements, projects };
}

/** n rows of `runs` runs (cumulative energy), ~120 bytes each. */
function bigCsv(n: number, runs = 100, tag = randomUUID().slice(0, 8)): Buffer {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const run = i % runs;
    const step = Math.floor(i / runs);
    lines.push(`2025-01-01T${String(Math.floor(step / 3600) % 24).padStart(2, "0")}:${String(Math.floor(step / 60) % 60).padStart(2, "0")}:${String(step % 60).padStart(2, "0")},proj-${run % 3},${tag}-run-${run},exp-${run % 2},${step + 1},0.00${step + 1},0.0${step + 1},France\n`);
  }
  return Buffer.from(lines.join(""));
}

describe("preview before commit", () => {
  it("upload of the 2.4 file: PREVIEW with 28 rows, 26 readable, 2 with errors, 16 runs — and nothing written but the evidence", async () => {
    const { org, ctx } = await engineer("flow-preview");
    const result = await upload(ctx, FIXTURE);
    expect(result.duplicateFile).toBe(false);
    expect(result.import).toMatchObject({ status: "PREVIEW", sourceType: "CODECARBON_CSV", detectedVersion: "2.x", rowsTotal: 28, rowsValid: 26, rowsFailed: 2, runs: 16, rowsUnknownIdentity: 3 });
    expect(result.import.table.rows).toHaveLength(10);
    expect(await written(org.organization.id)).toEqual({ runs: 0, measurements: 0, projects: 0 });
    expect(await prisma.evidenceFile.count({ where: { organizationId: org.organization.id } })).toBe(1);
    const audit = await prisma.auditEvent.findMany({ where: { organizationId: org.organization.id }, orderBy: { seq: "asc" } });
    expect(audit.at(-1)).toMatchObject({ action: "import.uploaded", entityId: result.importId });
  });

  it(`confirm: COMMITTED with 26 measurements (import id + row numbers), 19 runs, ${GOLDEN_24.energyKwh} kWh`, async () => {
    const { org, ctx } = await engineer("flow-confirm");
    const { importId } = await upload(ctx, FIXTURE);
    const done = await confirmImport({ ctx, input: { importId }, wait: true });
    expect(done).toMatchObject({ status: "COMMITTED", rowsImported: 26, rowsDuplicate: 0, rowsFailed: 2, progress: { percent: 100, phase: null } });
    expect(done.progress.rowsPerSecond).toBeGreaterThan(0);
    expect(await written(org.organization.id)).toEqual({ runs: 19, measurements: 26, projects: 1 });
    const lineage = await prisma.measurement.findMany({ where: { importId }, select: { rowNumber: true }, orderBy: { rowNumber: "asc" } });
    expect(lineage.map((m) => m.rowNumber)).toEqual([1, 2, 3, 4, ...Array.from({ length: 22 }, (_, i) => i + 7)]);
    expect(new Decimal((await getDashboard({ ctx })).totals.energyKwh).toFixed()).toBe(GOLDEN_24.energyKwh);
    const detail = await getImport({ ctx, input: { importId } });
    expect(detail).toMatchObject({ measurements: 26, confirmedBy: org.users.ENGINEER!.email });
    await expectAppError(() => confirmImport({ ctx, input: { importId } }), "CONFLICT");
    const again = await upload(ctx, FIXTURE, "again.csv");
    expect(again).toMatchObject({ importId, duplicateFile: true });
    expect(await written(org.organization.id)).toEqual({ runs: 19, measurements: 26, projects: 1 });
  });

  it("cancel: CANCELLED, the evidence discarded, nothing written; the same bytes then preview anew and commit", async () => {
    const { org, ctx } = await engineer("flow-cancel");
    const { importId } = await upload(ctx, FIXTURE);
    const cancelled = await cancelImport({ ctx, input: { importId } });
    expect(cancelled.status).toBe("CANCELLED");
    expect(await prisma.evidenceFile.count({ where: { organizationId: org.organization.id } })).toBe(0);
    expect(await written(org.organization.id)).toEqual({ runs: 0, measurements: 0, projects: 0 });
    await expectAppError(() => confirmImport({ ctx, input: { importId } }), "CONFLICT");
    await expectAppError(() => downloadImportFile({ ctx, input: { importId } }), "NOT_FOUND");
    const again = await upload(ctx, FIXTURE);
    expect(again).toMatchObject({ importId, duplicateFile: false, import: { status: "PREVIEW", rowsTotal: 28 } });
    expect(await confirmImport({ ctx, input: { importId }, wait: true })).toMatchObject({ status: "COMMITTED", rowsImported: 26 });
  });

  it("an auditor may read a preview but neither confirm nor cancel it", async () => {
    const org = await createTestOrg("flow-roles", ["ADMIN", "ENGINEER", "AUDITOR"]);
    const { importId } = await upload(await org.ctx("ENGINEER"), FIXTURE);
    const auditor = await org.ctx("AUDITOR");
    await expect(getImport({ ctx: auditor, input: { importId } })).resolves.toMatchObject({ status: "PREVIEW" });
    await expectAppError(() => confirmImport({ ctx: auditor, input: { importId } }), "FORBIDDEN");
    await expectAppError(() => cancelImport({ ctx: auditor, input: { importId } }), "FORBIDDEN");
  });
});

describe("rows, runs and experiments", () => {
  it("a row repeated within one file is imported once and counted as a duplicate (4 rows: 3 imported, 1 duplicate)", async () => {
    const { org, ctx } = await engineer("flow-repeat");
    const row = "2025-02-01T10:00:00,p,run-a,,10,0.001,0.02,France\n";
    const { importId, import: view } = await upload(ctx, Buffer.from(HEADER + row + "2025-02-01T10:00:10,p,run-a,,20,0.002,0.04,France\n" + row + "2025-02-01T10:00:20,p,run-a,,30,0.003,0.06,France\n"));
    expect(view.duplicateRowsInFile).toBe(1);
    expect(await confirmImport({ ctx, input: { importId }, wait: true })).toMatchObject({ rowsImported: 3, rowsDuplicate: 1 });
    const run = await prisma.run.findFirstOrThrow({ where: { organizationId: org.organization.id, externalRunId: "run-a" } });
    expect(run.energyKwh?.toFixed()).toBe("0.06"); // the last cumulative row
  });

  it("experiment ids: one of the organization's experiments (by id) is used; others are created once per project", async () => {
    const { org, ctx } = await engineer("flow-experiments");
    const project = await prisma.project.create({ data: { organizationId: org.organization.id, name: "p" } });
    const experiment = await prisma.experiment.create({ data: { organizationId: org.organization.id, projectId: project.id, name: "from the API" } });
    const text = HEADER + `2025-02-01T10:00:00,p,run-x,${experiment.id.toUpperCase()},1,0.1,0.2,France\n2025-02-01T10:00:00,p,run-y,420,1,0.1,0.2,France\n2025-02-01T10:00:00,p,run-z,420,1,0.1,0.2,France\n`;
    const { importId } = await upload(ctx, Buffer.from(text));
    await confirmImport({ ctx, input: { importId }, wait: true });
    const runs = await prisma.run.findMany({ where: { organizationId: org.organization.id }, orderBy: { externalRunId: "asc" } });
    expect(runs[0].experimentId).toBe(experiment.id);
    expect(runs[1].experimentId).toBe(runs[2].experimentId);
    expect(await prisma.experiment.findFirst({ where: { id: runs[1].experimentId! } })).toMatchObject({ name: "420", externalId: "420", projectId: project.id });
  });

  it("an experiment name used twice in the project (allowed, as on CodeCarbon's server): rows go to the older one, none is created (2 experiments)", async () => {
    const { org, ctx } = await engineer("flow-experiment-names");
    const organizationId = org.organization.id;
    const project = await prisma.project.create({ data: { organizationId, name: "p" } });
    const older = await prisma.experiment.create({ data: { organizationId, projectId: project.id, name: "tuning", createdAt: new Date("2025-01-01T00:00:00Z") } });
    await prisma.experiment.create({ data: { organizationId, projectId: project.id, name: "tuning", createdAt: new Date("2025-01-02T00:00:00Z") } });
    const { importId } = await upload(ctx, Buffer.from(HEADER + "2025-02-01T10:00:00,p,run-t,tuning,1,0.1,0.2,France\n"));
    await confirmImport({ ctx, input: { importId }, wait: true });
    expect((await prisma.run.findFirstOrThrow({ where: { organizationId, externalRunId: "run-t" } })).experimentId).toBe(older.id);
    expect(await prisma.experiment.count({ where: { organizationId } })).toBe(2);
  });
});

describe("large files and failures", () => {
  it("a 9 MB file (120,000 rows, 6 batches) is kept on disk as evidence, downloads byte for byte, commits all 120,000 rows", async () => {
    const { org, ctx } = await engineer("flow-large");
    const bytes = bigCsv(120_000);
    expect(bytes.length).toBeGreaterThan(8 * 1024 * 1024);
    const { importId } = await upload(ctx, bytes, "large.csv");
    const evidence = await prisma.evidenceFile.findFirstOrThrow({ where: { organizationId: org.organization.id } });
    expect(evidence.content).toBeNull();
    expect(evidence.storagePath).toBe(path.join("uploads", org.organization.id, createHash("sha256").update(bytes).digest("hex")));
    expect(existsSync(path.join(dataDir, evidence.storagePath!))).toBe(true);
    expect((await (await downloadImportFile({ ctx, input: { importId } })).bytes()).equals(bytes)).toBe(true);
    expect(await confirmImport({ ctx, input: { importId }, wait: true })).toMatchObject({ status: "COMMITTED", rowsImported: 120_000 });
    expect(await written(org.organization.id)).toEqual({ runs: 100, measurements: 120_000, projects: 3 });
  });

  it("all or nothing: a database error in the third batch leaves nothing written, the import FAILED with the reason; a retry commits", async () => {
    const { org, ctx } = await engineer("flow-atomic");
    const { importId } = await upload(ctx, bigCsv(50_000, 10), "atomic.csv");
    const orgId = org.organization.id;
    await withPg(async (c) => {
      await c.query(`CREATE FUNCTION test_fail_row() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.organization_id = '${orgId}' AND NEW.row_number = 45000 THEN RAISE EXCEPTION 'injected failure at row 45000'; END IF; RETURN NEW; END $$`);
      await c.query("CREATE TRIGGER test_fail_row BEFORE INSERT ON measurements FOR EACH ROW EXECUTE FUNCTION test_fail_row()");
    });
    try {
      const failed = await confirmImport({ ctx, input: { importId }, wait: true });
      expect(failed.status).toBe("FAILED");
      expect(failed.failureReason).toMatch(/injected failure at row 45000.*nothing was written/);
      expect(await written(orgId)).toEqual({ runs: 0, measurements: 0, projects: 0 });
    } finally {
      await withPg(async (c) => {
        await c.query("DROP TRIGGER test_fail_row ON measurements");
        await c.query("DROP FUNCTION test_fail_row()");
      });
    }
    expect(await confirmImport({ ctx, input: { importId }, wait: true })).toMatchObject({ status: "COMMITTED", rowsImported: 50_000, failureReason: null });
    const actions = (await prisma.auditEvent.findMany({ where: { organizationId: orgId }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions.slice(-3)).toEqual(["import.uploaded", "import.failed", "import.committed"]);
  });

  it("an import left PROCESSING by a server that stopped becomes FAILED when read, with the reason; confirming again commits", async () => {
    const { ctx } = await engineer("flow-stopped");
    const { importId } = await upload(ctx, FIXTURE);
    await prisma.import.update({ where: { id: importId }, data: { status: "PROCESSING", phase: "WRITING" } }); // no job holds it
    expect(await getImport({ ctx, input: { importId } })).toMatchObject({ status: "FAILED", failureReason: STOPPED_REASON });
    expect(await confirmImport({ ctx, input: { importId }, wait: true })).toMatchObject({ status: "COMMITTED", rowsImported: 26 });
  });

  it("a running import is not taken for a stopped one: it stays PROCESSING while its job works, then COMMITTED", async () => {
    const { ctx } = await engineer("flow-running");
    const { importId } = await upload(ctx, bigCsv(60_000, 20), "running.csv");
    await confirmImport({ ctx, input: { importId } });
    expect((await getImport({ ctx, input: { importId } })).status).toBe("PROCESSING");
    await expect.poll(async () => (await getImport({ ctx, input: { importId } })).status, { timeout: 30_000, interval: 200 }).toBe("COMMITTED");
  });

  it("the rows with errors download as CSV with the original row (2.4 file: rows 5 and 6)", async () => {
    const { ctx } = await engineer("flow-errors");
    const { importId } = await upload(ctx, FIXTURE);
    const file = await downloadImportErrors({ ctx, input: { importId } });
    let text = "";
    for await (const chunk of file.stream()) text += chunk;
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe(`row,column,value,reason,${FIXTURE.toString("utf8").split("\n")[0]}`);
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 4).join(","))).toEqual([
      "5,energy_consumed,,neither energy_consumed nor emissions has a value",
      "6,energy_consumed,,neither energy_consumed nor emissions has a value",
    ]);
    expect(lines[1]).toContain(",codecarbon,");
  });
});
