// Activity and instrument CSV files through the shared import pipeline, on a real Postgres: preview (row errors
// with row, column, value, reason; new sites announced), confirm (one transaction), re-upload (nothing changes),
// the same rows in another file (duplicates), the roles that may import them.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIVITY_TEMPLATE_CSV, INSTRUMENTS_TEMPLATE_CSV } from "../../lib/activity/templates";
import type { ServiceContext } from "../../lib/auth/context";
import { prisma } from "../../lib/db/client";
import { listActivities } from "../../lib/services/activity/list-activities";
import { listInstruments } from "../../lib/services/activity/list-instruments";
import { listSites } from "../../lib/services/activity/list-sites";
import { confirmImport } from "../../lib/services/imports/confirm-import";
import { uploadImport } from "../../lib/services/imports/upload-import";
import { createTestOrg } from "../helpers/db";
import { expectAppError } from "../helpers/errors";
import { fixtureBytes } from "../helpers/fixtures";

let dataDir = "";
beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "scopebook-activity-import-"));
  process.env.SCOPEBOOK_DATA_DIR = dataDir;
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const WORKED = fixtureBytes("activity/seed-worked-example.csv");

function upload(ctx: ServiceContext, bytes: Buffer | string, fileName = "activity.csv") {
  return uploadImport({ ctx, input: { fileName, body: Readable.from([Buffer.from(bytes)]), maxBytes: 10 * 1024 * 1024 } });
}

async function officer(prefix: string) {
  const org = await createTestOrg(prefix, ["ADMIN", "OFFICER", "ENGINEER", "AUDITOR"]);
  return { org, ctx: await org.ctx("OFFICER") };
}

describe("activity CSV import", () => {
  it("seed worked example imports as 30 kWh of Scope 2 electricity at 'us-east training cluster' (site created on first sight)", async () => {
    const { org, ctx } = await officer("act-worked");
    const up = await upload(ctx, WORKED, "seed-worked-example.csv");
    expect(up.import.sourceType).toBe("ACTIVITY_CSV");
    expect(up.import.rowsTotal).toBe(1);
    expect(up.import.rowsFailed).toBe(0);
    expect(up.import.warnings.map((w) => w.message).join(" ")).toContain("New site will be created when you confirm: us-east training cluster");
    expect(await prisma.activityRecord.count({ where: { organizationId: org.organization.id } })).toBe(0);
    const done = await confirmImport({ ctx, input: { importId: up.importId }, wait: true });
    expect(done).toMatchObject({ status: "COMMITTED", rowsImported: 1, rowsDuplicate: 0 });
    const { records, totals } = await listActivities({ ctx });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      category: "electricity",
      proposedScope: "SCOPE_2",
      site: "us-east training cluster",
      periodStart: "2025-03-01",
      periodEnd: "2025-03-05",
      unit: "kWh",
      normalizedUnit: "kWh",
      rowNumber: 1,
      importId: up.importId,
    });
    expect(new Decimal(records[0].quantity).equals(30)).toBe(true);
    expect(new Decimal(records[0].normalizedQuantity).equals(30)).toBe(true);
    expect(records[0].note).toContain("0.3 kW x 100 h");
    expect(totals).toEqual([expect.objectContaining({ category: "electricity", normalizedUnit: "kWh", normalizedQuantity: "30", records: 1, scope: "Scope 2" })]);
    expect((await listSites({ ctx })).map((s) => s.name)).toEqual(["us-east training cluster"]);
    // The commit is audited with the sites it created.
    const event = await prisma.auditEvent.findFirst({ where: { organizationId: org.organization.id, action: "import.committed" } });
    expect(event?.after).toMatchObject({ rowsImported: 1, sitesCreated: 1 });
  });

  it("re-uploading the same file changes nothing; the same row in another file is a duplicate (30 kWh stays 30 kWh)", async () => {
    const { org, ctx } = await officer("act-again");
    const first = await upload(ctx, WORKED);
    await confirmImport({ ctx, input: { importId: first.importId }, wait: true });
    const again = await upload(ctx, WORKED);
    expect(again.duplicateFile).toBe(true);
    expect(again.importId).toBe(first.importId);
    // Same row, other bytes (CRLF line ends and the quantity spelled 0.030 MWh): the same activity → duplicate.
    const other = WORKED.toString("utf8").replace(/\n/g, "\r\n").replace(",30,kWh,", ",0.030,MWh,");
    const second = await upload(ctx, other, "again.csv");
    const done = await confirmImport({ ctx, input: { importId: second.importId }, wait: true });
    expect(done).toMatchObject({ rowsImported: 0, rowsDuplicate: 1 });
    const { totals } = await listActivities({ ctx });
    expect(totals[0].normalizedQuantity).toBe("30");
    expect(await prisma.site.count({ where: { organizationId: org.organization.id } })).toBe(1);
  });

  it("row errors name row, column, value and reason; the template's 5 example rows import with exact totals (4,230 kWh electricity = 30 + 4.2 MWh)", async () => {
    const { ctx } = await officer("act-errors");
    const bad = [
      "note,unit,quantity,category,site,period_end,period_start", // any column order
      "month 13,kWh,5,electricity,HQ,2025-13-31,2025-13-01",
      "negative,kWh,-5,electricity,HQ,2025-01-31,2025-01-01",
      "unknown unit,gallon,5,fuel,HQ,2025-01-31,2025-01-01",
      "unknown category,kWh,5,water,HQ,2025-01-31,2025-01-01",
      "ok,MWh,1.5,electricity,HQ,2025-01-31,2025-01-01",
    ].join("\n");
    const up = await upload(ctx, bad, "bad.csv");
    expect(up.import).toMatchObject({ rowsTotal: 5, rowsFailed: 4 });
    const errors = up.import.rowErrors;
    expect(errors).toContainEqual({ row: 1, column: "period_start", value: "2025-13-01", reason: "month 13 does not exist" });
    expect(errors).toContainEqual({ row: 2, column: "quantity", value: "-5", reason: "must not be negative" });
    expect(errors).toContainEqual(expect.objectContaining({ row: 3, column: "unit", value: "gallon" }));
    expect(errors).toContainEqual(expect.objectContaining({ row: 3, column: "activity_type", value: null }));
    expect(errors).toContainEqual(expect.objectContaining({ row: 4, column: "category", value: "water" }));
    const done = await confirmImport({ ctx, input: { importId: up.importId }, wait: true });
    expect(done).toMatchObject({ rowsImported: 1, rowsFailed: 4 });
    expect((await listActivities({ ctx })).totals).toEqual([expect.objectContaining({ normalizedQuantity: "1500", normalizedUnit: "kWh" })]);

    // GJ does not terminate in kWh: flagged in the preview, stored rounded at the 30th decimal.
    const gj = await upload(ctx, "period_start,period_end,site,category,activity_type,quantity,unit\n2025-02-01,2025-02-28,HQ,fuel,natural-gas,1,GJ\n", "gj.csv");
    expect(gj.import.flags).toEqual({ rounded_to_30_decimals: 1 });
    await confirmImport({ ctx, input: { importId: gj.importId }, wait: true });
    expect((await listActivities({ ctx, input: { category: "fuel" } })).records[0]).toMatchObject({ quantity: "1", unit: "GJ", normalizedQuantity: "277.777777777777777777777777777778", normalizedUnit: "kWh" });

    const { ctx: ctx2 } = await officer("act-template");
    const t = await upload(ctx2, ACTIVITY_TEMPLATE_CSV, "scopebook-activity-template.csv");
    expect(t.import).toMatchObject({ rowsTotal: 5, rowsFailed: 0 });
    await confirmImport({ ctx: ctx2, input: { importId: t.importId }, wait: true });
    const totals = Object.fromEntries((await listActivities({ ctx: ctx2 })).totals.map((x) => [`${x.category} ${x.normalizedUnit}`, x.normalizedQuantity]));
    expect(totals).toEqual({ "electricity kWh": "4230", "fuel L": "120.5", "travel passenger-km": "1200", "hardware item": "3" });
    const supplier = (await listActivities({ ctx: ctx2, input: { category: "electricity" } })).records.find((r) => r.supplierFactor);
    expect(supplier?.supplierFactor).toEqual({ value: "0.35", unit: "kgCO2e/kWh", sourceValue: "0.35", sourceUnit: "kgCO2e/kWh" });
  });

  it("a file missing a required column is refused whole, naming the column; nothing is written", async () => {
    const { org, ctx } = await officer("act-missing");
    const err = await expectAppError(() => upload(ctx, "period_start,period_end,category,quantity,unit\n2025-01-01,2025-01-31,electricity,5,kWh\n"), "VALIDATION");
    expect(err.message).toContain("lacks the column site");
    expect(await prisma.import.count({ where: { organizationId: org.organization.id } })).toBe(0);
  });

  it("engineers and auditors cannot import activity or instrument files (officers and admins can)", async () => {
    const { org } = await officer("act-roles");
    await expectAppError(async () => upload(await org.ctx("ENGINEER"), WORKED), "FORBIDDEN");
    await expectAppError(async () => upload(await org.ctx("AUDITOR"), WORKED), "FORBIDDEN");
    await expectAppError(async () => upload(await org.ctx("ENGINEER"), INSTRUMENTS_TEMPLATE_CSV, "i.csv"), "FORBIDDEN");
    const admin = await upload(await org.ctx("ADMIN"), WORKED);
    expect(admin.import.status).toBe("PREVIEW");
    await expectAppError(async () => confirmImport({ ctx: await org.ctx("ENGINEER"), input: { importId: admin.importId } }), "FORBIDDEN");
    expect(await prisma.activityRecord.count({ where: { organizationId: org.organization.id } })).toBe(0);
  });
});

describe("instruments CSV import", () => {
  it("the template's 2 instruments import (250 MWh GO for FRA + 100 MWh REC for RFCE = 350 MWh); a certificate already recorded is a duplicate", async () => {
    const { org, ctx } = await officer("inst-import");
    const up = await upload(ctx, INSTRUMENTS_TEMPLATE_CSV, "instruments.csv");
    expect(up.import).toMatchObject({ sourceType: "INSTRUMENTS_CSV", rowsTotal: 2, rowsFailed: 0 });
    const done = await confirmImport({ ctx, input: { importId: up.importId }, wait: true });
    expect(done).toMatchObject({ rowsImported: 2 });
    const { instruments, totalMwh } = await listInstruments({ ctx });
    expect(totalMwh).toBe("350");
    expect(instruments.map((i) => [i.type, i.market, i.certificateId, i.retiredOnBehalf, i.site])).toEqual(
      expect.arrayContaining([
        ["GUARANTEE_OF_ORIGIN", "FRA", "FR-GO-2025-000123", true, "Paris office"],
        ["REC", "RFCE", "MRETS-2025-88812", true, "us-east training cluster"],
      ]),
    );
    // The same certificate with another volume, in another file: not a second instrument.
    const restated = INSTRUMENTS_TEMPLATE_CSV.replace("go,250,", "go,300,");
    const second = await upload(ctx, restated, "instruments-2.csv");
    const again = await confirmImport({ ctx, input: { importId: second.importId }, wait: true });
    expect(again).toMatchObject({ rowsImported: 0, rowsDuplicate: 2 });
    expect(await prisma.contractualInstrument.count({ where: { organizationId: org.organization.id } })).toBe(2);
  });

  it("the optional bundled column: yes / no / empty stored as true / false / not stated; 'perhaps' is a row error on bundled", async () => {
    const { ctx } = await officer("inst-bundled");
    const header = "type,volume_mwh,market,vintage_start,vintage_end,retired_on_behalf,supplier_emission_rate_kg_co2e_per_kwh,bundled";
    const file = [header, "ppa,10,FRA,2025-01-01,2025-12-31,yes,0,yes", "rec,20,FRA,2025-01-01,2025-12-31,yes,0,no", "go,30,FRA,2025-01-01,2025-12-31,yes,0,", "go,40,FRA,2025-01-01,2025-12-31,yes,0,perhaps"].join("\n");
    const up = await upload(ctx, file, "bundled.csv");
    expect(up.import).toMatchObject({ rowsTotal: 4, rowsFailed: 1 });
    expect(up.import.rowErrors).toEqual([expect.objectContaining({ row: 4, column: "bundled", value: "perhaps" })]);
  });

  it("bundled is stored as stated (true / false / null) when the file imports", async () => {
    const { ctx } = await officer("inst-bundled-ok");
    const header = "type,volume_mwh,market,vintage_start,vintage_end,retired_on_behalf,supplier_emission_rate_kg_co2e_per_kwh,bundled";
    const file = [header, "ppa,10,FRA,2025-01-01,2025-12-31,yes,0,yes", "rec,20,FRA,2025-01-01,2025-12-31,yes,0,no", "go,30,FRA,2025-01-01,2025-12-31,yes,0,"].join("\n");
    const up = await upload(ctx, file, "bundled-ok.csv");
    expect(await confirmImport({ ctx, input: { importId: up.importId }, wait: true })).toMatchObject({ rowsImported: 3 });
    const { instruments } = await listInstruments({ ctx });
    expect(instruments.map((i) => [i.volumeMwh, i.bundled]).sort()).toEqual([["10", true], ["20", false], ["30", null]]);
  });

  it("within one file, a certificate stated twice with different values is a row error on the second row", async () => {
    const { ctx } = await officer("inst-dup");
    const lines = INSTRUMENTS_TEMPLATE_CSV.trim().split("\n");
    const file = [...lines, lines[1].replace("go,250,", "go,999,"), "ppa,-5,DE-LU,2025-01-01,2025-12-31,,,maybe,0,"].join("\n");
    const up = await upload(ctx, file, "dup.csv");
    expect(up.import).toMatchObject({ rowsTotal: 4, rowsFailed: 2 });
    expect(up.import.rowErrors).toContainEqual(expect.objectContaining({ row: 3, column: "certificate_id", value: "FR-GO-2025-000123", reason: expect.stringContaining("already on row 1") }));
    expect(up.import.rowErrors).toContainEqual(expect.objectContaining({ row: 4, column: "volume_mwh", value: "-5" }));
    expect(up.import.rowErrors).toContainEqual(expect.objectContaining({ row: 4, column: "retired_on_behalf", value: "maybe" }));
  });
});
