// Google Cloud Carbon Footprint exports end to end on a real Postgres: the fixture's rows and totals, the same file
// twice, restatements by a newer carbon_model_version (both rows kept, the older superseded), conflicts within a
// file and across files (row errors, nothing guessed), a file declared as another source, and supersession that
// cannot go round in circles.
import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/client";
import { confirmImport } from "../../lib/services/imports/confirm-import";
import { engineerOrg, importBytes, providerTotals, uploadBytes, useTempDataDir } from "../helpers/cloud-db";
import { withPg } from "../helpers/db";
import { expectAppError } from "../helpers/errors";
import { fixtureBytes, fixtureText } from "../helpers/fixtures";

useTempDataDir("cloud-gcp");

const CSV = "gcp/gcp-carbon-footprint-2025.csv";
const [HEADER, ...LINES] = fixtureText(CSV).trim().split("\n");

const engineer = engineerOrg;

describe("GCP Carbon Footprint import", () => {
  it("the fixture: 7 rows written, total LB 1126.88 kg, MB 294.04 kg, Scope 3 216.3 kg, all Scope 3 cat. 1, unassigned; the same file again changes nothing", async () => {
    const { org, ctx } = await engineer("gcp-fixture");
    const done = await importBytes(ctx, fixtureBytes(CSV), "carbon.csv");
    expect(done).toMatchObject({ status: "COMMITTED", sourceType: "GCP_CARBON_EXPORT", rowsTotal: 7, rowsImported: 7, rowsDuplicate: 0, rowsFailed: 0, rowsRestated: 0 });
    expect(await providerTotals(org.organization.id)).toEqual({ rows: 7, current: 7, totalLb: "1126.88", totalMb: "294.04", scope3: "216.3", energyKwh: "0" });
    const rows = await prisma.providerEmissionRecord.findMany({ where: { organizationId: org.organization.id }, orderBy: { rowNumber: "asc" } });
    expect(rows.every((r) => r.proposedScope === "SCOPE_3" && r.proposedScope3Category === 1 && r.projectId === null && r.importId === done.id)).toBe(true);
    expect(rows[0]).toMatchObject({ provider: "GCP", nature: "PROVIDER_REPORTED", cloudProjectId: "ml-training", modelVersion: "14", sourceUnit: "kgCO2e" });

    const again = await uploadBytes(ctx, fixtureBytes(CSV), "carbon-copy.csv");
    expect(again).toMatchObject({ duplicateFile: true, importId: done.id });
    // The same rows in another file (the JSON lines twin): every row a duplicate, nothing added.
    const twin = await importBytes(ctx, fixtureBytes("gcp/gcp-carbon-footprint-2025.ndjson"), "carbon.ndjson");
    expect(twin).toMatchObject({ status: "COMMITTED", rowsImported: 0, rowsDuplicate: 7 });
    expect((await providerTotals(org.organization.id)).rows).toBe(7);
  });

  it("a newer carbon_model_version restates: 2 rows restated, both versions kept, total LB 1126.88 − 510.1 − 8.93 + 500 + 9 = 1116.85 kg", async () => {
    const { org, ctx } = await engineer("gcp-restate");
    await importBytes(ctx, fixtureBytes(CSV), "carbon-v14.csv");
    const v15 = [
      HEADER,
      "2025-01-01,007GD7-15C0E6-BDE6B3,ml-training,802583874831,Compute Engine,6F81-5844-456A,us-central1-a,us-central1,15,1.2,402.4,31.9,96.4,500,129.5,",
      "2025-01-01,007GD7-15C0E6-BDE6B3,ml-training,802583874831,Cloud Storage,95FF-2EF5-5EA1,us-central1,us-central1,15,0.02,6.88,0.53,2.1,9,2.65,",
    ].join("\n");
    const restated = await importBytes(ctx, v15, "carbon-v15.csv");
    expect(restated).toMatchObject({ status: "COMMITTED", rowsImported: 2, rowsRestated: 2 });
    expect(await providerTotals(org.organization.id)).toMatchObject({ rows: 9, current: 7, totalLb: "1116.85", totalMb: "294.04" });
    const old = await prisma.providerEmissionRecord.findMany({ where: { organizationId: org.organization.id, supersededById: { not: null } }, include: { supersededBy: true } });
    expect(old.map((r) => [r.modelVersion, r.supersededBy?.modelVersion, r.supersededBy?.importId])).toEqual([
      ["14", "15", restated.id],
      ["14", "15", restated.id],
    ]);

    // An older version arriving late (13) is kept, already superseded by the newest (15): totals do not move.
    const v13 = [HEADER, "2025-01-01,007GD7-15C0E6-BDE6B3,ml-training,802583874831,Compute Engine,6F81-5844-456A,us-central1-a,us-central1,13,1,1,1,1,3,3,"].join("\n");
    await importBytes(ctx, v13, "carbon-v13.csv");
    expect(await providerTotals(org.organization.id)).toMatchObject({ rows: 10, current: 7, totalLb: "1116.85" });
    const late = await prisma.providerEmissionRecord.findFirstOrThrow({ where: { organizationId: org.organization.id, modelVersion: "13" }, include: { supersededBy: true } });
    expect(late.supersededBy?.modelVersion).toBe("15");
  });

  it("two rows of one file with the same key and version but different values are both row errors; an identical row is a duplicate", async () => {
    const { org, ctx } = await engineer("gcp-conflict");
    const text = [HEADER, LINES[0], LINES[0].replace(",510.1,", ",511.1,"), LINES[1], LINES[1]].join("\n");
    const up = await uploadBytes(ctx, text, "conflict.csv");
    expect(up.import).toMatchObject({ rowsTotal: 4, rowsValid: 2, rowsFailed: 2, duplicateRowsInFile: 1 });
    expect(up.import.rowErrors.map((e) => [e.row, e.reason.slice(0, 40)])).toEqual([
      [1, "same key and version as a later row of t"],
      [2, "same key and version as row 1 with diffe"],
    ]);
    const done = await confirmImport({ ctx, input: { importId: up.importId }, wait: true });
    expect(done).toMatchObject({ status: "COMMITTED", rowsImported: 1, rowsDuplicate: 1, rowsFailed: 2 });
    expect(await providerTotals(org.organization.id)).toMatchObject({ rows: 1, totalLb: "8.93" });
  });

  it("a row stating other values for a key and version already imported (another file) is a row error at commit", async () => {
    const { org, ctx } = await engineer("gcp-cross-conflict");
    await importBytes(ctx, fixtureBytes(CSV), "first.csv");
    const done = await importBytes(ctx, [HEADER, LINES[0].replace(",510.1,", ",999,"), LINES[6]].join("\n"), "second.csv");
    expect(done).toMatchObject({ status: "COMMITTED", rowsImported: 0, rowsDuplicate: 1, rowsFailed: 1 });
    expect(done.rowErrors[0].reason).toMatch(/^conflicts with row 1 of "first\.csv": same key and version, different values/);
    expect(await providerTotals(org.organization.id)).toMatchObject({ rows: 7, totalLb: "1126.88" });
  });

  it("a GCP export declared as an AWS export is refused naming what it is (422); declared as GCP it is read", async () => {
    const { ctx } = await engineer("gcp-declared");
    const err = await expectAppError(() => uploadBytes(ctx, fixtureBytes(CSV), "carbon.csv", "CODECARBON_CSV"), "VALIDATION");
    expect(err.message).toMatch(/uploaded as CodeCarbon emissions\.csv, but it looks like Google Cloud Carbon Footprint export \(CSV\)/);
    const ok = await uploadBytes(ctx, fixtureBytes(CSV), "carbon.csv", "GCP_CARBON_EXPORT");
    expect(ok.import).toMatchObject({ status: "PREVIEW", rowsValid: 7 });
    await expectAppError(() => uploadBytes(ctx, fixtureBytes(CSV), "carbon.csv", "NOT_A_SOURCE"), "VALIDATION");
  });

  it("supersession cannot go round in circles: the database refuses a successor that is not newer", async () => {
    const { org, ctx } = await engineer("gcp-cycle");
    await importBytes(ctx, fixtureBytes(CSV), "v14.csv");
    await importBytes(ctx, [HEADER, LINES[0].replace(",14,", ",15,")].join("\n"), "v15.csv");
    const [older, newer] = await prisma.providerEmissionRecord.findMany({
      where: { organizationId: org.organization.id, service: "Compute Engine", location: "us-central1-a", periodStart: new Date("2025-01-01") },
      orderBy: { versionRank: "asc" },
    });
    expect(older.supersededById).toBe(newer.id);
    const refused = await withPg((c) =>
      c.query("UPDATE provider_emission_records SET superseded_by_id = $1 WHERE id = $2", [older.id, newer.id]).then(
        () => null,
        (e: { code: string }) => e.code,
      ),
    );
    expect(refused).toBe("23514");
  });
});
