// Bad input, each with its precise message, nothing half-written, and no temp file left behind: empty file, header
// only, binary garbage, wrong delimiter, a 1.x file missing required columns, negative or NaN energy, timestamps
// that do not parse, a truncated last line, a client that disconnects mid-upload, a body over the limit.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "../../lib/auth/context";
import { prisma } from "../../lib/db/client";
import { confirmImport } from "../../lib/services/imports/confirm-import";
import { uploadImport } from "../../lib/services/imports/upload-import";
import { createTestOrg } from "../helpers/db";
import { expectAppError } from "../helpers/errors";
import { fixtureBytes } from "../helpers/fixtures";

let dataDir = "";
beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "scopebook-bad-input-"));
  process.env.SCOPEBOOK_DATA_DIR = dataDir;
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const HEADER = "timestamp,project_name,run_id,duration,emissions,energy_consumed\n";
const tempFiles = () => {
  try {
    return readdirSync(path.join(dataDir, "uploads", "tmp"));
  } catch {
    return [];
  }
};

function upload(ctx: ServiceContext, body: AsyncIterable<Uint8Array> | Buffer, fileName = "emissions.csv", maxBytes = 10_000_000) {
  return uploadImport({ ctx, input: { fileName, body: Buffer.isBuffer(body) ? Readable.from(body.length ? [body] : []) : body, maxBytes } });
}

async function nothingWritten(organizationId: string) {
  const where = { organizationId };
  expect(await prisma.import.count({ where })).toBe(0);
  expect(await prisma.evidenceFile.count({ where })).toBe(0);
  expect(await prisma.run.count({ where })).toBe(0);
  expect(tempFiles()).toEqual([]);
}

describe("files refused as a whole", () => {
  it.each<[string, Buffer, string, "VALIDATION" | "UNSUPPORTED_MEDIA_TYPE", RegExp]>([
    ["an empty file", Buffer.alloc(0), "e.csv", "VALIDATION", /^The file is empty\.$/],
    ["only blank lines", Buffer.from("\n\n  \n"), "e.csv", "VALIDATION", /empty/],
    ["a header and no rows", Buffer.from(HEADER), "e.csv", "VALIDATION", /header but no data rows/],
    ["binary garbage (random bytes with NULs)", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x10, 0x00]), "e.csv", "UNSUPPORTED_MEDIA_TYPE", /binary file/],
    ["invalid UTF-8 without NULs", Buffer.from([0xc3, 0x28, 0x41, 0x0a]), "e.csv", "UNSUPPORTED_MEDIA_TYPE", /not UTF-8/],
    ["UTF-16 text", Buffer.from("\uFEFF" + HEADER, "utf16le"), "e.csv", "UNSUPPORTED_MEDIA_TYPE", /UTF-16/],
    ["a 1.x file without duration", Buffer.from("timestamp,project_name,emissions,energy_consumed\n2020-01-01T00:00:00,p,1,2\n"), "e.csv", "VALIDATION", /required column\(s\) missing: duration\./],
    ["a CSV that is not CodeCarbon", Buffer.from("name,amount\ncoffee,3\n"), "e.csv", "VALIDATION", /not look like a CodeCarbon emissions file: required column\(s\) missing: timestamp, duration, emissions or energy_consumed/],
    ["a .json file that is not JSON", Buffer.from("{ nope"), "e.json", "VALIDATION", /not valid JSON/],
    ["a .png", Buffer.from([0x89, 0x50]), "e.png", "UNSUPPORTED_MEDIA_TYPE", /not a \.csv file/],
  ])("%s: refused with its reason, nothing written", async (_label, bytes, fileName, code, message) => {
    const org = await createTestOrg("bad-whole", ["ADMIN", "ENGINEER"]);
    const ctx = await org.ctx("ENGINEER");
    const err = await expectAppError(() => upload(ctx, bytes, fileName), code);
    expect(err.message).toMatch(message);
    await nothingWritten(org.organization.id);
  });
});

describe("rows refused one by one, the rest read", () => {
  it("a semicolon-separated file is read with a warning that says so; decimal commas are row errors naming the cause", async () => {
    const org = await createTestOrg("bad-semicolon", ["ADMIN", "ENGINEER"]);
    const text = "timestamp;project_name;run_id;duration;emissions;energy_consumed\n2025-01-01T00:00:00;p;r1;10;0.001;0.02\n2025-01-01T00:00:10;p;r1;20;0,002;0,04\n";
    const { import: view } = await upload(await org.ctx("ENGINEER"), Buffer.from(text));
    expect(view.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^Columns are separated by semicolons \(;\), not commas/)]);
    expect(view).toMatchObject({ rowsTotal: 2, rowsValid: 1, rowsFailed: 1 });
    expect(view.rowErrors[0]).toEqual({ row: 2, column: "emissions", value: "0,002", reason: "not a number (a decimal comma? write 0.5, not 0,5)" });
  });

  it("negative and NaN energy, a timestamp that does not parse: 4 rows, 1 read, 3 errors with column, value and reason", async () => {
    const org = await createTestOrg("bad-values", ["ADMIN", "ENGINEER"]);
    const text = HEADER + "2025-01-01T00:00:00,p,r1,10,0.001,0.02\n2025-01-01T00:00:10,p,r1,20,0.002,-0.04\n2025-01-01T00:00:20,p,r1,30,0.003,NaN\nyesterday,p,r1,40,0.004,0.08\n";
    const { import: view } = await upload(await org.ctx("ENGINEER"), Buffer.from(text));
    expect(view).toMatchObject({ rowsTotal: 4, rowsValid: 1, rowsFailed: 3 });
    expect(view.rowErrors).toEqual([
      { row: 2, column: "energy_consumed", value: "-0.04", reason: "must not be negative" },
      { row: 3, column: "energy_consumed", value: "NaN", reason: "not a number (NaN: the tracker had no value)" },
      { row: 4, column: "timestamp", value: "yesterday", reason: "not an ISO 8601 date and time" },
    ]);
  });

  it("the bad-timestamps fixture (100 rows like 26:11.7): previewed with 100 row errors; confirming is refused (nothing to import)", async () => {
    const org = await createTestOrg("bad-timestamps", ["ADMIN", "ENGINEER"]);
    const ctx = await org.ctx("ENGINEER");
    const { importId, import: view } = await upload(ctx, fixtureBytes("codecarbon/codecarbon-0-bad-timestamps.csv"));
    expect(view).toMatchObject({ rowsTotal: 100, rowsValid: 0, rowsFailed: 100, rowErrorsTotal: 100 });
    const err = await expectAppError(() => confirmImport({ ctx, input: { importId } }), "VALIDATION");
    expect(err.message).toBe("No row of this file can be imported: every row has an error.");
    expect(await prisma.run.count({ where: { organizationId: org.organization.id } })).toBe(0);
  });

  it("a truncated last line (no line break, fields missing) is a row error saying the file was cut off", async () => {
    const org = await createTestOrg("bad-truncated", ["ADMIN", "ENGINEER"]);
    const text = HEADER + "2025-01-01T00:00:00,p,r1,10,0.001,0.02\n2025-01-01T00:00:10,p,r1,20";
    const { import: view } = await upload(await org.ctx("ENGINEER"), Buffer.from(text));
    expect(view).toMatchObject({ rowsTotal: 2, rowsValid: 1, rowsFailed: 1 });
    expect(view.rowErrors[0]).toMatchObject({ row: 2, column: null, reason: "The file ends inside this row (4 of 6 fields): it was cut off; upload the complete file." });
  });
});

describe("interrupted uploads", () => {
  it("a client that disconnects half-way: the upload fails, its temp file is removed, nothing is written", async () => {
    const org = await createTestOrg("bad-disconnect", ["ADMIN", "ENGINEER"]);
    async function* halfThenGone() {
      yield Buffer.from(HEADER + "2025-01-01T00:00:00,p,r1,10,0.001,0.02\n".repeat(20_000));
      await new Promise((r) => setTimeout(r, 20));
      throw Object.assign(new Error("aborted"), { code: "ECONNRESET" });
    }
    await expect(upload(await org.ctx("ENGINEER"), halfThenGone())).rejects.toThrow("aborted");
    await nothingWritten(org.organization.id);
  });

  it("a body over the limit without a declared length: 413 as soon as the limit is passed, temp file removed", async () => {
    const org = await createTestOrg("bad-limit", ["ADMIN", "ENGINEER"]);
    let sent = 0;
    async function* endless() {
      for (;;) {
        sent += 65_536;
        yield Buffer.alloc(65_536, "1");
      }
    }
    const err = await expectAppError(async () => upload(await org.ctx("ENGINEER"), endless(), "e.csv", 1_000_000), "PAYLOAD_TOO_LARGE");
    expect(err.message).toMatch(/the limit is 1,000,000 bytes/);
    expect(sent).toBeLessThan(1_200_000);
    await nothingWritten(org.organization.id);
  });
});
