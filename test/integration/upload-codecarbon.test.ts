// Uploading CodeCarbon files through the service, on the real 2.4 fixture: counts, runs, exact dashboard totals,
// idempotence (same bytes, overlapping files), refusals, and the evidence kept byte for byte.
import { createHash } from "node:crypto";
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/client";
import { downloadImportFile } from "../../lib/services/imports/download-import-file";
import { getDashboard } from "../../lib/services/inventory/get-dashboard";
import { getImport } from "../../lib/services/imports/get-import";
import { listImports } from "../../lib/services/imports/list-imports";
import { listProjects } from "../../lib/services/projects/list-projects";
import { uploadCodecarbonFile, type UploadInput } from "../../lib/services/imports/upload-codecarbon-file";
import type { ServiceContext } from "../../lib/auth/context";
import { CODECARBON_1_BOM_INDEX, CODECARBON_24, CODECARBON_SHORT_ROWS, GOLDEN_24, fixtureBytes } from "../helpers/fixtures";
import { createTestOrg } from "../helpers/db";
import { expectAppError } from "../helpers/errors";

const MAX = 10_000_000;
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const norm = (s: string) => new Decimal(s).toFixed();

function upload(ctx: ServiceContext, bytes: Buffer, fileName = "emissions.csv", extra: Partial<UploadInput> = {}) {
  return uploadCodecarbonFile({ ctx, input: { fileName, contentType: "text/csv", bytes, maxBytes: MAX, ...extra } });
}

async function engineerOf(prefix: string) {
  const org = await createTestOrg(prefix, ["ADMIN", "ENGINEER"]);
  return { org, ctx: await org.ctx("ENGINEER") };
}

async function counts(organizationId: string) {
  const where = { organizationId };
  const [imports, evidence, runs, measurements, projects, audit] = await Promise.all([
    prisma.import.count({ where }),
    prisma.evidenceFile.count({ where }),
    prisma.run.count({ where }),
    prisma.measurement.count({ where }),
    prisma.project.count({ where }),
    prisma.auditEvent.count({ where }),
  ]);
  return { imports, evidence, runs, measurements, projects, audit };
}

const FIXTURE = fixtureBytes(CODECARBON_24);
/** One more valid row for run 8a1d9822…, later than its last one (row 12, 11:10:56, 0.00006403828607971138 kWh). */
const EXTRA_ROW =
  "2024-05-31T11:11:30,codecarbon,8a1d9822-56c9-4c52-8497-5a2e32dd5b03,126.0,1.6e-06,1.27e-08,0.9,0.05,3.0,2.0e-05,9.0e-07,6.0e-05,0.0000809,France,FRA,île-de-france,,,macOS-12.6-arm64-arm-64bit,3.9.18,2.4.3rc1,8,Apple M1,1,Apple M1,2.792,48.399,8.0,machine,N,1.0\n";

describe("upload of the real CodeCarbon 2.4 file", () => {
  it("rowsTotal 28, rowsImported 26, rowsFailed 2; 19 runs (16 known + 3 of unknown identity); 1 project", async () => {
    const { org, ctx } = await engineerOf("up-counts");
    const result = await upload(ctx, FIXTURE);
    expect(result).toEqual({ importId: expect.any(String), duplicateFile: false, rowsTotal: 28, rowsImported: 26, rowsDuplicate: 0, rowsFailed: 2 });

    const c = await counts(org.organization.id);
    expect(c).toMatchObject({ imports: 1, evidence: 1, runs: 19, measurements: 26, projects: 1 });
    expect(await prisma.run.count({ where: { organizationId: org.organization.id, identityKnown: true } })).toBe(16);
    expect(await prisma.run.count({ where: { organizationId: org.organization.id, identityKnown: false, externalRunId: null } })).toBe(3);

    const imp = await getImport({ ctx, input: { importId: result.importId } });
    expect(imp).toMatchObject({
      fileName: "emissions.csv",
      sourceType: "CODECARBON_CSV",
      detectedVersion: "2.x",
      status: "COMMITTED",
      sizeBytes: FIXTURE.length,
      sha256: sha(FIXTURE),
      measurements: 26,
      createdBy: org.users.ENGINEER!.email,
      warnings: [],
    });
    expect(imp.rowErrors.map((e) => e.row)).toEqual([5, 6]);
    expect(imp.committedAt).not.toBeNull();
    // Lineage: each measurement knows its row and import.
    const rows = await prisma.measurement.findMany({ where: { importId: result.importId }, select: { rowNumber: true }, orderBy: { rowNumber: "asc" } });
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 4, ...Array.from({ length: 22 }, (_, i) => i + 7)]);
  });

  it(`dashboard totals equal the golden sums exactly: ${GOLDEN_24.energyKwh} kWh, ${GOLDEN_24.trackerEmissionsKgCo2e} kg CO2e`, async () => {
    const { ctx } = await engineerOf("up-golden");
    await upload(ctx, FIXTURE);
    const dash = await getDashboard({ ctx });
    expect(norm(dash.totals.energyKwh)).toBe(GOLDEN_24.energyKwh);
    expect(norm(dash.totals.trackerEmissionsKgCo2e)).toBe(GOLDEN_24.trackerEmissionsKgCo2e);
    expect(dash.totals).toMatchObject({ runs: 19, projects: 1, imports: 1 });
    expect(dash.granularity).toBe("day");
    expect(dash.series).toHaveLength(1);
    expect(dash.series[0].bucket).toBe("2024-05-31");
    expect(norm(dash.series[0].energyKwh)).toBe(GOLDEN_24.energyKwh);
    const [project] = await listProjects({ ctx });
    expect(project).toMatchObject({ name: "codecarbon", runs: 19, runsWithUnknownIdentity: 3 });
    expect(norm(project.energyKwh)).toBe(GOLDEN_24.energyKwh);
  });

  it("a run's totals are its last cumulative row: run 8a1d9822… = row 12; started at row 7", async () => {
    const { org, ctx } = await engineerOf("up-run");
    await upload(ctx, FIXTURE);
    const run = await prisma.run.findFirstOrThrow({ where: { organizationId: org.organization.id, externalRunId: "8a1d9822-56c9-4c52-8497-5a2e32dd5b03" } });
    expect(run.energyKwh?.toFixed()).toBe("0.00006403828607971138");
    expect(run.durationSeconds?.toFixed()).toBe("91.82258701324464");
    expect(run.startedAt?.toISOString()).toBe("2024-05-31T11:09:40.000Z");
    expect(run.lastMeasuredAt?.toISOString()).toBe("2024-05-31T11:10:56.000Z");
    expect(run).toMatchObject({ identityKnown: true, cpuCount: 8, region: "île-de-france", onCloud: false, codecarbonVersion: "2.4.3rc1" });
    expect(await prisma.measurement.count({ where: { runId: run.id } })).toBe(6);
  });

  it("the same bytes again: duplicateFile true, same import, no count changes anywhere", async () => {
    const { org, ctx } = await engineerOf("up-same");
    const first = await upload(ctx, FIXTURE);
    const before = await counts(org.organization.id);
    const again = await upload(ctx, Buffer.from(FIXTURE), "renamed-but-identical.csv");
    expect(again).toMatchObject({ importId: first.importId, duplicateFile: true, rowsImported: 0 });
    expect(await counts(org.organization.id)).toEqual(before);
    expect(norm((await getDashboard({ ctx })).totals.energyKwh)).toBe(GOLDEN_24.energyKwh);
  });

  it("the same rows plus one new row under another name: only the new row is imported, 26 duplicates; the run moves on", async () => {
    const { org, ctx } = await engineerOf("up-overlap");
    await upload(ctx, FIXTURE);
    const before = await counts(org.organization.id);
    const grown = Buffer.concat([FIXTURE, Buffer.from(EXTRA_ROW, "utf8")]);
    const second = await upload(ctx, grown, "emissions-later.csv");
    expect(second).toMatchObject({ duplicateFile: false, rowsTotal: 29, rowsImported: 1, rowsDuplicate: 26, rowsFailed: 2 });
    const after = await counts(org.organization.id);
    // Two audit events: the upload (preview) and the commit.
    expect(after).toEqual({ ...before, imports: 2, evidence: 2, measurements: 27, audit: before.audit + 2 });
    const newRow = await prisma.measurement.findMany({ where: { importId: second.importId } });
    expect(newRow.map((m) => m.rowNumber)).toEqual([29]);
    // Run totals follow the latest row; the dashboard total moves by exactly the difference.
    const run = await prisma.run.findFirstOrThrow({ where: { organizationId: org.organization.id, externalRunId: "8a1d9822-56c9-4c52-8497-5a2e32dd5b03" } });
    expect(run.energyKwh?.toFixed()).toBe("0.0000809");
    expect(run.startedAt?.toISOString()).toBe("2024-05-31T11:09:40.000Z");
    const expected = new Decimal(GOLDEN_24.energyKwh).minus("0.00006403828607971138").plus("0.0000809").toFixed();
    expect(expected).toBe("0.00810712788308922351");
    expect(norm((await getDashboard({ ctx })).totals.energyKwh)).toBe(expected);
    // Both files listed, newest first.
    expect((await listImports({ ctx })).map((i) => i.fileName)).toEqual(["emissions-later.csv", "emissions.csv"]);
  });

  it("an older file for a run does not roll its totals back", async () => {
    const { org, ctx } = await engineerOf("up-older");
    const grown = Buffer.concat([FIXTURE, Buffer.from(EXTRA_ROW, "utf8")]);
    await upload(ctx, grown, "later.csv");
    const result = await upload(ctx, FIXTURE, "earlier.csv");
    expect(result).toMatchObject({ rowsImported: 0, rowsDuplicate: 26 });
    const run = await prisma.run.findFirstOrThrow({ where: { organizationId: org.organization.id, externalRunId: "8a1d9822-56c9-4c52-8497-5a2e32dd5b03" } });
    expect(run.energyKwh?.toFixed()).toBe("0.0000809");
  });

  it("downloadImportFile returns the exact original bytes (sha256 equal), also with a BOM", async () => {
    const { ctx } = await engineerOf("up-download");
    for (const [name, bytes] of [["emissions.csv", FIXTURE], ["bom.csv", fixtureBytes(CODECARBON_1_BOM_INDEX)]] as const) {
      const { importId } = await upload(ctx, bytes, name);
      const file = await downloadImportFile({ ctx, input: { importId } });
      expect(file.fileName).toBe(name);
      expect(file.contentType).toBe("text/csv");
      expect(file.sha256).toBe(sha(bytes));
      const got = await file.bytes();
      expect(sha(got)).toBe(sha(bytes));
      expect(got.equals(bytes)).toBe(true);
    }
  });

  it("the append-bug file imports its one good row and reports the shifted rows", async () => {
    const { ctx } = await engineerOf("up-short");
    const result = await upload(ctx, fixtureBytes(CODECARBON_SHORT_ROWS));
    expect(result).toMatchObject({ rowsTotal: 3, rowsImported: 1, rowsFailed: 2 });
    const imp = await getImport({ ctx, input: { importId: result.importId } });
    expect(imp.detectedVersion).toBe("3.x");
    expect(imp.rowErrors.map((e) => [e.row, e.reason.match(/\d+ fields.*\d+/)?.[0]])).toEqual([
      [2, "35 fields but the header has 38"],
      [3, "36 fields but the header has 38"],
    ]);
  });

  it("values the database cannot hold become row errors; the rest of the file is imported", async () => {
    const { ctx } = await engineerOf("up-range");
    const text = [
      "timestamp,run_id,duration,energy_consumed,cpu_count",
      "2024-05-31T10:00:00,range-r1,1,1e40,8",
      "2024-05-31T10:00:01,range-r2,1,0.5,1e12",
      "2024-05-31T10:00:02,range-r3,1,0.25,8",
    ].join("\n");
    const result = await upload(ctx, Buffer.from(text));
    expect(result).toMatchObject({ rowsTotal: 3, rowsImported: 1, rowsFailed: 2 });
    expect(norm((await getDashboard({ ctx })).totals.energyKwh)).toBe("0.25");
  });
});

describe("concurrent uploads in one organization", () => {
  it("the same file three times at once: one import, the others are duplicates (not errors)", async () => {
    const { org, ctx } = await engineerOf("up-race-same");
    const results = await Promise.all([1, 2, 3].map(() => upload(ctx, FIXTURE)));
    expect(results.filter((r) => !r.duplicateFile)).toHaveLength(1);
    expect(new Set(results.map((r) => r.importId)).size).toBe(1);
    expect(await counts(org.organization.id)).toMatchObject({ imports: 1, evidence: 1, runs: 19, measurements: 26 });
  });

  it("two overlapping files at once (same runs): both commit, every row once, every run once", async () => {
    const { org, ctx } = await engineerOf("up-race-overlap");
    const grown = Buffer.concat([FIXTURE, Buffer.from(EXTRA_ROW, "utf8")]);
    const [a, b] = await Promise.all([upload(ctx, FIXTURE, "a.csv"), upload(ctx, grown, "b.csv")]);
    expect(a.rowsImported + b.rowsImported).toBe(27);
    expect(a.rowsDuplicate + b.rowsDuplicate).toBe(26);
    expect(await counts(org.organization.id)).toMatchObject({ imports: 2, runs: 19, measurements: 27 });
    const run = await prisma.run.findFirstOrThrow({ where: { organizationId: org.organization.id, externalRunId: "8a1d9822-56c9-4c52-8497-5a2e32dd5b03" } });
    expect(run.energyKwh?.toFixed()).toBe("0.0000809");
  });
});

describe("refused uploads write nothing", () => {
  it.each<[string, () => Partial<UploadInput>, "VALIDATION" | "UNSUPPORTED_MEDIA_TYPE" | "PAYLOAD_TOO_LARGE", RegExp]>([
    ["an empty file", () => ({ bytes: Buffer.alloc(0) }), "VALIDATION", /empty/],
    ["binary bytes (a NUL)", () => ({ bytes: Buffer.concat([Buffer.from("timestamp,duration,emissions\n"), Buffer.from([0x00, 0x01, 0x02])]) }), "UNSUPPORTED_MEDIA_TYPE", /binary/],
    ["a PNG renamed .csv", () => ({ bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]) }), "UNSUPPORTED_MEDIA_TYPE", /binary/],
    ["invalid UTF-8", () => ({ bytes: Buffer.from([0x74, 0x69, 0x6d, 0xff, 0xfe, 0x0a]) }), "UNSUPPORTED_MEDIA_TYPE", /UTF-8/],
    ["a .txt name", () => ({ fileName: "emissions.txt" }), "UNSUPPORTED_MEDIA_TYPE", /not a \.csv file/],
    ["no extension", () => ({ fileName: "emissions" }), "UNSUPPORTED_MEDIA_TYPE", /not a \.csv file/],
    ["a header missing required columns", () => ({ bytes: Buffer.from("project_name,run_id,emissions\nx,y,0.1\n") }), "VALIDATION", /required column\(s\) missing: timestamp, duration/],
    ["a file that is not CodeCarbon at all", () => ({ bytes: Buffer.from("name,amount\ncoffee,3\n") }), "VALIDATION", /does not look like a CodeCarbon emissions file/],
    ["more bytes than maxBytes", () => ({ maxBytes: FIXTURE.length - 1 }), "PAYLOAD_TOO_LARGE", /limit is/],
  ])("%s → %s", async (_label, change, code, message) => {
    const { org, ctx } = await engineerOf("up-refused");
    const before = await counts(org.organization.id);
    const err = await expectAppError(() => upload(ctx, FIXTURE, "emissions.csv", change()), code);
    expect(err.message).toMatch(message);
    expect(await counts(org.organization.id)).toEqual(before);
    expect(before).toMatchObject({ imports: 0, evidence: 0, runs: 0, measurements: 0 });
  });

  it("exactly maxBytes is accepted (the limit is inclusive)", async () => {
    const { ctx } = await engineerOf("up-limit");
    await expect(upload(ctx, FIXTURE, "emissions.csv", { maxBytes: FIXTURE.length })).resolves.toMatchObject({ rowsImported: 26 });
  });

  it("a header-only file is refused: there is nothing to import, nothing is written", async () => {
    const { org, ctx } = await engineerOf("up-header-only");
    const err = await expectAppError(() => upload(ctx, Buffer.from("timestamp,project_name,run_id,duration,emissions,energy_consumed\n")), "VALIDATION");
    expect(err.message).toMatch(/header but no data rows/);
    expect(await counts(org.organization.id)).toMatchObject({ imports: 0, evidence: 0 });
  });
});
