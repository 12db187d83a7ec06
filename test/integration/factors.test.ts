// The factor library against the real database: shipped datasets loaded once, golden values, CSV import all or
// nothing, custom factors with evidence, locks refused by the services AND by the database, tenancy.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/client";
import { lockDatasetsUsed } from "../../lib/db/lock-datasets";
import { migrate } from "../../lib/db/migrate";
import { loadShippedFactors } from "../../lib/db/shipped-factors";
import { addCustomFactor } from "../../lib/services/factors/add-custom-factor";
import { createFactorDatasetVersion } from "../../lib/services/factors/create-factor-dataset-version";
import { deleteFactor } from "../../lib/services/factors/delete-factor";
import { importFactorDataset } from "../../lib/services/factors/import-factor-dataset";
import { listFactorAttributions } from "../../lib/services/factors/list-factor-attributions";
import { listFactorDatasets } from "../../lib/services/factors/list-factor-datasets";
import { previewFactorImport } from "../../lib/services/factors/preview-factor-import";
import { searchFactors } from "../../lib/services/factors/search-factors";
import { createScratchDatabase, createTestOrg, databaseUrl, withPg } from "../helpers/db";
import { expectAppError } from "../helpers/errors";
import { fixtureBytes } from "../helpers/fixtures";

const SHIPPED_DIR = path.join(process.cwd(), "prisma", "data", "factors");
const csvFile = (text: string, fileName = "factors.csv") => ({ fileName, contentType: "text/csv", bytes: new TextEncoder().encode(text) });
const evidence = (text = "Supplier contract, clause 4: 0.0004 tCO2e/kWh") => ({ fileName: "contract.txt", contentType: "text/plain", bytes: new TextEncoder().encode(text) });
const provenance = (version = "2024") => ({ publisher: "AIB", title: "European residual mixes", version, year: "2024", licence: "AIB terms of use", url: "https://www.aib-net.org", retrievedAt: "2025-06-01", gwpBasis: "AR5" });
const GOOD_CSV = `key_type,key,year,value,unit,method
GRID_REGION,DE-LU,2024,0.45,tCO2e/MWh,RESIDUAL_MIX
COUNTRY,FRA,2024,0.06,tCO2e/MWh,RESIDUAL_MIX
`;

async function shippedCounts() {
  return withPg(async (c) => {
    const r = await c.query<{ title: string; factors: string }>(
      `SELECT d.title, count(f.id)::text AS factors FROM emission_factor_datasets d LEFT JOIN emission_factors f ON f.dataset_id = d.id
        WHERE d.organization_id IS NULL AND d.publisher = 'CodeCarbon' GROUP BY d.id, d.title ORDER BY d.title`,
    );
    return r.rows;
  });
}

describe("shipped factor datasets", () => {
  it("loaded by the test setup: 213 countries and 40 GCP regions; loading again (twice) changes nothing", async () => {
    const before = await shippedCounts();
    expect(before).toEqual([
      { title: "Cloud region grid carbon intensity (Google Cloud)", factors: "40" },
      { title: "Global energy mix by country (grid carbon intensity and generation mix)", factors: "213" },
    ]);
    const again = await loadShippedFactors(databaseUrl(), SHIPPED_DIR);
    await loadShippedFactors(databaseUrl(), SHIPPED_DIR);
    expect(again.loaded).toEqual([]);
    expect(again.alreadyLoaded).toHaveLength(2);
    expect(await shippedCounts()).toEqual(before);
  });

  it("two loaders racing load each dataset once", async () => {
    const db = await createScratchDatabase("factors");
    try {
      await migrate(db.url, path.join(process.cwd(), "prisma", "migrations"));
      await Promise.all([loadShippedFactors(db.url, SHIPPED_DIR), loadShippedFactors(db.url, SHIPPED_DIR)]);
      const n = await withPg(async (c) => (await c.query("SELECT count(*)::int AS n FROM emission_factor_datasets")).rows[0].n, db.url);
      expect(n).toBe(2);
    } finally {
      await db.drop();
    }
  });

  it("golden: USA 2023 = 369.473 gCO2e/kWh → 0.369473 kgCO2e/kWh, as stored; gcp:us-central1 430 g → 0.43 kg, year 2022", async () => {
    const org = await createTestOrg("fac-gold", ["ADMIN", "AUDITOR"]);
    const ctx = await org.ctx("AUDITOR");
    // Within CodeCarbon's shipped datasets: other tests add organization-less datasets of their own to this database.
    const shipped = (await listFactorDatasets({ ctx })).filter((d) => d.shipped && d.publisher === "CodeCarbon");
    const energyMix = shipped.find((d) => d.factorCount === 213)!;
    const cloudRegions = shipped.find((d) => d.factorCount === 40)!;
    const usa = await searchFactors({ ctx, input: { keyType: "COUNTRY", key: "USA", datasetId: energyMix.id } });
    expect(usa.factors).toHaveLength(1);
    expect(usa.factors[0]).toMatchObject({ key: "USA", year: 2023, value: "0.369473", unit: "kgCO2e/kWh", sourceValue: "369.473", sourceUnit: "gCO2e/kWh", method: "LOCATION_GRID_AVERAGE" });
    expect(usa.factors[0].fossilShare).toBe("0.590795589602");
    const gcp = await searchFactors({ ctx, input: { keyType: "CLOUD_REGION", key: "gcp:us-central1", datasetId: cloudRegions.id } });
    expect(gcp.factors[0]).toMatchObject({ key: "gcp:us-central1", year: 2022, value: "0.43", unit: "kgCO2e/kWh" });
    // Scoped to the shipped dataset: other tests add organization-less datasets of their own to this database.
    const all = await searchFactors({ ctx, input: { keyType: "COUNTRY", datasetId: energyMix.id, page: "5" } });
    expect(all).toMatchObject({ total: 213, page: 5, pages: 5 });
    expect(all.factors).toHaveLength(13);
  });

  it("attributions credit CodeCarbon (MIT) and Our World in Data / Ember (CC BY 4.0), for every role", async () => {
    const org = await createTestOrg("fac-attr", ["ADMIN", "ENGINEER"]);
    const list = await listFactorAttributions({ ctx: await org.ctx("ENGINEER") });
    const text = list.map((a) => a.attribution).join("\n");
    expect(text).toMatch(/MIT/);
    expect(text).toMatch(/Our World in Data/);
    expect(text).toMatch(/CC BY 4\.0/);
    const datasets = await listFactorDatasets({ ctx: await org.ctx("ENGINEER") });
    // Other tests add organization-less datasets of their own to this database: look at CodeCarbon's only.
    const shipped = datasets.filter((d) => d.shipped && d.publisher === "CodeCarbon");
    const cloud = shipped.find((d) => d.factorCount === 40)!;
    const justCloud = await listFactorAttributions({ ctx: await org.ctx("ENGINEER"), input: { datasetIds: [cloud.id, "not-a-uuid"] } });
    expect(justCloud.map((a) => a.datasetId)).toEqual([cloud.id]);
    expect(justCloud[0].attribution).toMatch(/Google Cloud/);
    expect(shipped.map((d) => [d.factorCount, d.kind])).toEqual([
      [40, "SHIPPED"],
      [213, "SHIPPED"],
    ]);
  });
});

describe("factor CSV import", () => {
  it("preview lists row errors (row, column, value, reason) and writes nothing; import then refuses the file whole", async () => {
    const org = await createTestOrg("fac-bad", ["ADMIN", "OFFICER"]);
    const ctx = await org.ctx("OFFICER");
    const file = { fileName: "residual-mix-2024.csv", contentType: "text/csv", bytes: fixtureBytes("factors/residual-mix-2024.csv") };
    const preview = await previewFactorImport({ ctx, input: { provenance: provenance(), file } });
    expect(preview).toMatchObject({ rowsTotal: 3, rowsValid: 2, canImport: false, alreadyImported: null });
    expect(preview.rowErrors).toEqual([{ row: 3, column: "unit", value: "lbCO2e/MWh", reason: expect.stringMatching(/unknown unit "lbCO2e\/MWh"/) }]);
    expect(preview.firstRows.map((r) => [r.key, r.value, r.unit])).toEqual([
      ["DE-LU", "0.45", "kgCO2e/kWh"],
      ["FRA", "0.06", "kgCO2e/kWh"],
    ]);
    const err = await expectAppError(() => importFactorDataset({ ctx, input: { provenance: provenance(), file } }), "VALIDATION");
    expect(err.issues).toEqual([{ field: "row 3, unit", reason: expect.stringContaining('(value "lbCO2e/MWh")') }]);
    expect(await prisma.emissionFactorDataset.count({ where: { organizationId: org.organization.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { organizationId: org.organization.id, action: { startsWith: "factor" } } })).toBe(0);
  });

  it("imports a good file with provenance, audited; the same file twice changes nothing; 0.45 tCO2e/MWh stored as 0.45 kgCO2e/kWh", async () => {
    const org = await createTestOrg("fac-imp", ["ADMIN", "OFFICER"]);
    const ctx = await org.ctx("OFFICER");
    const first = await importFactorDataset({ ctx, input: { provenance: provenance(), file: csvFile(GOOD_CSV) } });
    expect(first).toMatchObject({ duplicateFile: false, factorsImported: 2, dataset: { publisher: "AIB", version: "2024", year: 2024, retrievedAt: "2025-06-01", kind: "IMPORTED", shipped: false } });
    const second = await importFactorDataset({ ctx, input: { provenance: provenance("other"), file: csvFile(GOOD_CSV, "again.csv") } });
    expect(second).toMatchObject({ duplicateFile: true, factorsImported: 0, dataset: { id: first.dataset.id } });
    expect(await prisma.emissionFactorDataset.count({ where: { organizationId: org.organization.id } })).toBe(1);
    expect(await prisma.emissionFactor.count({ where: { datasetId: first.dataset.id } })).toBe(2);
    const de = await searchFactors({ ctx, input: { key: "de-lu", method: "RESIDUAL_MIX" } });
    expect(de.factors).toEqual([expect.objectContaining({ key: "DE-LU", value: "0.45", unit: "kgCO2e/kWh", sourceValue: "0.45", sourceUnit: "tCO2e/MWh" })]);
    expect(await prisma.auditEvent.count({ where: { organizationId: org.organization.id, action: "factor-dataset.imported" } })).toBe(1);
    // Same provenance, other bytes: the version is taken.
    await expectAppError(() => importFactorDataset({ ctx, input: { provenance: provenance(), file: csvFile(GOOD_CSV + "COUNTRY,DEU,2024,0.7,tCO2e/MWh,RESIDUAL_MIX\n") } }), "CONFLICT");
  });

  it("provenance is validated field by field (422), and engineers and auditors cannot import", async () => {
    const org = await createTestOrg("fac-prov", ["ADMIN", "OFFICER", "ENGINEER", "AUDITOR"]);
    const officer = await org.ctx("OFFICER");
    const bad = await expectAppError(() => previewFactorImport({ ctx: officer, input: { provenance: { ...provenance(), licence: "", url: "ftp://x", year: "24" }, file: csvFile(GOOD_CSV) } }), "VALIDATION");
    expect(bad.issues.map((i) => i.field).sort()).toEqual(["licence", "url", "year"]);
    for (const role of ["ENGINEER", "AUDITOR"] as const) {
      await expectAppError(async () => importFactorDataset({ ctx: await org.ctx(role), input: { provenance: provenance(), file: csvFile(GOOD_CSV) } }), "FORBIDDEN");
      await expectAppError(async () => addCustomFactor({ ctx: await org.ctx(role), input: { fields: {}, evidence: evidence() } }), "FORBIDDEN");
    }
  });
});

describe("custom factors", () => {
  it("the worked example: 0.0004 tCO2e/kWh for USA is stored as 0.4 kgCO2e/kWh with its evidence, in the org's Custom factors v1", async () => {
    const org = await createTestOrg("fac-cust", ["ADMIN", "OFFICER"]);
    const ctx = await org.ctx("OFFICER");
    const r = await addCustomFactor({
      ctx,
      input: { fields: { keyType: "COUNTRY", key: "usa", year: "2024", value: "0.0004", unit: "tCO2e/kWh", description: "Supplier X contract rate" }, evidence: evidence() },
    });
    expect(r).toMatchObject({ value: "0.4", unit: "kgCO2e/kWh", sourceValue: "0.0004", sourceUnit: "tCO2e/kWh", newDatasetVersion: true, dataset: { title: "Custom factors", version: "1", kind: "CUSTOM" } });
    const stored = await prisma.emissionFactor.findFirstOrThrow({ where: { id: r.factorId }, include: { evidence: true } });
    expect(stored.value.toFixed()).toBe("0.4");
    expect(stored.method).toBe("SUPPLIER_SPECIFIC");
    expect(stored.evidence?.fileName).toBe("contract.txt");
    expect(await prisma.auditEvent.count({ where: { organizationId: org.organization.id, action: "factor.custom-added", entityId: r.factorId } })).toBe(1);
    // The same key, year and method again: a conflict naming the field.
    const dup = await expectAppError(
      () => addCustomFactor({ ctx, input: { fields: { keyType: "COUNTRY", key: "USA", year: 2024, value: "0.5", unit: "kgCO2e/kWh", description: "again" }, evidence: evidence() } }),
      "CONFLICT",
    );
    expect(dup.issues[0].field).toBe("key");
  });

  it("bad input is a 422 with field and reason and writes nothing: unknown unit, negative value, bad key, no evidence", async () => {
    const org = await createTestOrg("fac-cbad", ["ADMIN", "OFFICER"]);
    const ctx = await org.ctx("OFFICER");
    const base = { keyType: "COUNTRY", key: "USA", year: "2024", value: "0.0004", unit: "tCO2e/kWh", description: "x" };
    const cases: [Record<string, unknown>, ReturnType<typeof evidence> | null, string][] = [
      [{ ...base, unit: "lbCO2e/kWh" }, evidence(), "unit"],
      [{ ...base, value: "-1" }, evidence(), "value"],
      [{ ...base, value: "abc" }, evidence(), "value"],
      [{ ...base, key: "United States" }, evidence(), "key"],
      [{ ...base, keyType: "PLANET" }, evidence(), "keyType"],
      [{ ...base, year: "soon" }, evidence(), "year"],
      [base, null, "evidence"],
    ];
    for (const [fields, ev, field] of cases) {
      const err = await expectAppError(() => addCustomFactor({ ctx, input: { fields, evidence: ev } }), "VALIDATION");
      expect(err.issues.map((i) => i.field)).toContain(field);
    }
    expect(await prisma.emissionFactorDataset.count({ where: { organizationId: org.organization.id } })).toBe(0);
  });

  it("tenancy: org A's custom factors and datasets are invisible to org B and cannot be deleted by it", async () => {
    const a = await createTestOrg("fac-ta", ["ADMIN", "OFFICER"]);
    const b = await createTestOrg("fac-tb", ["ADMIN", "OFFICER"]);
    const r = await addCustomFactor({
      ctx: await a.ctx("OFFICER"),
      input: { fields: { keyType: "GRID_REGION", key: "RFCE", year: "2024", value: "0.0004", unit: "tCO2e/kWh", description: "A's rate" }, evidence: evidence() },
    });
    const ctxB = await b.ctx("OFFICER");
    expect((await searchFactors({ ctx: ctxB, input: { key: "RFCE" } })).total).toBe(0);
    expect((await searchFactors({ ctx: ctxB, input: { datasetId: r.dataset.id } })).total).toBe(0);
    expect((await listFactorDatasets({ ctx: ctxB })).map((d) => d.id)).not.toContain(r.dataset.id);
    await expectAppError(() => deleteFactor({ ctx: ctxB, input: { factorId: r.factorId } }), "NOT_FOUND");
    await expectAppError(() => createFactorDatasetVersion({ ctx: ctxB, input: { datasetId: r.dataset.id, version: "2" } }), "NOT_FOUND");
    expect((await searchFactors({ ctx: await a.ctx("OFFICER"), input: { key: "RFCE" } })).total).toBe(1);
  });
});

describe("locked datasets (used by the ledger) are immutable", () => {
  async function lockedCustom(prefix: string) {
    const org = await createTestOrg(prefix, ["ADMIN", "OFFICER"]);
    const ctx = await org.ctx("OFFICER");
    const r = await addCustomFactor({
      ctx,
      input: { fields: { keyType: "COUNTRY", key: "USA", year: "2024", value: "0.0004", unit: "tCO2e/kWh", description: "rate" }, evidence: evidence() },
    });
    await prisma.$transaction((tx) => lockDatasetsUsed(tx, [r.dataset.id, r.dataset.id]));
    return { org, ctx, ...r };
  }

  it("the services refuse: deleting a factor is a CONFLICT; a new custom factor goes into a new version 2 (a copy), v1 untouched", async () => {
    const { ctx, factorId, dataset } = await lockedCustom("fac-lock");
    const err = await expectAppError(() => deleteFactor({ ctx, input: { factorId } }), "CONFLICT");
    expect(err.message).toMatch(/locked/);
    const next = await addCustomFactor({
      ctx,
      input: { fields: { keyType: "COUNTRY", key: "FRA", year: "2024", value: "50", unit: "gCO2e/kWh", description: "rate" }, evidence: evidence("other") },
    });
    expect(next).toMatchObject({ newDatasetVersion: true, dataset: { version: "2", previousVersionId: dataset.id, lockedAt: null } });
    expect(await prisma.emissionFactor.count({ where: { datasetId: dataset.id } })).toBe(1);
    expect((await prisma.emissionFactor.findMany({ where: { datasetId: next.dataset.id }, orderBy: { key: "asc" } })).map((f) => [f.key, f.value.toFixed()])).toEqual([
      ["FRA", "0.05"],
      ["USA", "0.4"],
    ]);
    const list = await listFactorDatasets({ ctx });
    expect(list.find((d) => d.id === dataset.id)?.supersededBy).toEqual([{ id: next.dataset.id, version: "2" }]);
  });

  it("the database refuses too: UPDATE, DELETE and INSERT of its factors, and changing, unlocking or deleting the dataset", async () => {
    const { factorId, dataset, org } = await lockedCustom("fac-lockdb");
    const refused = async (sql: string, params: unknown[]) =>
      withPg(async (c) => {
        await expect(c.query(sql, params)).rejects.toThrow(/is locked/);
      });
    await refused("UPDATE emission_factors SET value = 0.5 WHERE id = $1", [factorId]);
    await refused("DELETE FROM emission_factors WHERE id = $1", [factorId]);
    await refused(
      `INSERT INTO emission_factors (organization_id, dataset_id, key_type, key, year, value, unit, method) VALUES ($1, $2, 'COUNTRY', 'DEU', 2024, 0.3, 'kgCO2e/kWh', 'SUPPLIER_SPECIFIC')`,
      [org.organization.id, dataset.id],
    );
    await refused("UPDATE emission_factor_datasets SET title = 'edited' WHERE id = $1", [dataset.id]);
    await refused("UPDATE emission_factor_datasets SET locked_at = NULL WHERE id = $1", [dataset.id]);
    await refused("DELETE FROM emission_factor_datasets WHERE id = $1", [dataset.id]);
    // Locking again is a no-op that keeps the first lock time.
    const first = await prisma.emissionFactorDataset.findFirstOrThrow({ where: { id: dataset.id } });
    expect(await prisma.$transaction((tx) => lockDatasetsUsed(tx, [dataset.id]))).toBe(0);
    expect((await prisma.emissionFactorDataset.findFirstOrThrow({ where: { id: dataset.id } })).lockedAt).toEqual(first.lockedAt);
    expect((await prisma.emissionFactor.findFirstOrThrow({ where: { id: factorId } })).value.toFixed()).toBe("0.4");
  });

  it("a new version of a shipped dataset is the org's own unlocked copy of all 40 regions; its version must be new", async () => {
    const org = await createTestOrg("fac-ver", ["ADMIN", "OFFICER"]);
    const ctx = await org.ctx("OFFICER");
    const shipped = (await listFactorDatasets({ ctx })).find((d) => d.shipped && d.factorCount === 40)!;
    const v = await createFactorDatasetVersion({ ctx, input: { datasetId: shipped.id, version: "2024-09-corrected" } });
    expect(v.dataset).toMatchObject({ shipped: false, previousVersionId: shipped.id, lockedAt: null, kind: "IMPORTED" });
    expect((await searchFactors({ ctx, input: { datasetId: v.dataset.id } })).total).toBe(40);
    await expectAppError(() => createFactorDatasetVersion({ ctx, input: { datasetId: shipped.id, version: "2024-09-corrected" } }), "CONFLICT");
    await expectAppError(() => createFactorDatasetVersion({ ctx, input: { datasetId: shipped.id, version: shipped.version } }), "CONFLICT");
    // The shipped dataset is shared: another organization does not see this org's version.
    const other = await createTestOrg("fac-ver-b", ["ADMIN"]);
    expect((await listFactorDatasets({ ctx: await other.ctx("ADMIN") })).map((d) => d.id)).not.toContain(v.dataset.id);
  });
});
