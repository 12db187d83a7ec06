// A cloud export written in many small batches (SCOPEBOOK_IMPORT_BATCH_ROWS=2) into an organization with no
// provider rows yet: batches of new keys are copied straight into the table, the others probe only keys of earlier
// rows of the import (decision 0022); a key restated in a later batch of the same file must still be found and
// superseded, a row repeated in a later batch is a duplicate; totals unchanged.
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.SCOPEBOOK_IMPORT_BATCH_ROWS = "2";
});

const { engineerOrg, importBytes, providerTotals, useTempDataDir } = await import("../helpers/cloud-db");
const { fixtureText } = await import("../helpers/fixtures");
const { BATCH_ROWS } = await import("../../lib/services/imports/commit/writers");

useTempDataDir("cloud-batches");
afterAll(() => {
  delete process.env.SCOPEBOOK_IMPORT_BATCH_ROWS;
});

const [HEADER, ...LINES] = fixtureText("gcp/gcp-carbon-footprint-2025.csv").trim().split("\n");
const V15 = [
  "2025-01-01,007GD7-15C0E6-BDE6B3,ml-training,802583874831,Compute Engine,6F81-5844-456A,us-central1-a,us-central1,15,1.2,402.4,31.9,96.4,500,129.5,",
  "2025-01-01,007GD7-15C0E6-BDE6B3,ml-training,802583874831,Cloud Storage,95FF-2EF5-5EA1,us-central1,us-central1,15,0.02,6.88,0.53,2.1,9,2.65,",
];

describe("cloud export in batches of 2 rows, first import of the organization", () => {
  it("v14 rows then their v15 restatements 4 batches later in one file: 2 restated, LB 1126.88 − 510.1 − 8.93 + 500 + 9 = 1116.85 kg", async () => {
    expect(BATCH_ROWS).toBe(2);
    const { org, ctx } = await engineerOrg("gcp-batches");
    const done = await importBytes(ctx, [HEADER, ...LINES, ...V15].join("\n"), "v14-v15.csv");
    expect(done).toMatchObject({ status: "COMMITTED", rowsTotal: 9, rowsImported: 9, rowsDuplicate: 0, rowsFailed: 0, rowsRestated: 2 });
    expect(await providerTotals(org.organization.id)).toMatchObject({ rows: 9, current: 7, totalLb: "1116.85", totalMb: "294.04" });
  });

  it("a row repeated 6 rows later (another batch) is a duplicate, not a second row: 7 imported, 1 duplicate", async () => {
    const { org, ctx } = await engineerOrg("gcp-batches-dup");
    const done = await importBytes(ctx, [HEADER, ...LINES, LINES[0]].join("\n"), "repeat.csv");
    expect(done).toMatchObject({ status: "COMMITTED", rowsTotal: 8, rowsImported: 7, rowsDuplicate: 1, rowsFailed: 0 });
    expect(await providerTotals(org.organization.id)).toMatchObject({ rows: 7, totalLb: "1126.88" });
  });
});
