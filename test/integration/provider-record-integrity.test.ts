// What the import foreign key of provider rows guaranteed, now kept by the triggers of migration 0011 (decision
// 0018) — and tightened: a provider row belongs to an import of its own organization, checked once per statement,
// also for COPY; an import with provider rows can be neither deleted nor moved; and "one row hash per organization"
// still holds through the (organization, key hash, row hash) index.
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { copyLines, sqlError } from "../helpers/sql";
import { engineerOrg, importBytes, useTempDataDir } from "../helpers/cloud-db";
import { withPg } from "../helpers/db";
import { fixtureBytes } from "../helpers/fixtures";

useTempDataDir("provider-integrity");

/** An organization with the GCP fixture imported (7 provider rows), and that import's id. */
async function orgWithImport(prefix: string) {
  const { org, ctx } = await engineerOrg(prefix);
  const done = await importBytes(ctx, fixtureBytes("gcp/gcp-carbon-footprint-2025.csv"), "carbon.csv");
  expect(done.status).toBe("COMMITTED");
  return { organizationId: org.organization.id, importId: done.id };
}

const insertSql = `INSERT INTO provider_emission_records
                     (organization_id, import_id, row_hash, key_hash, version_rank, provider, nature, period_start, period_end)
                   VALUES ($1, $2, $3, $4, '0000000014', 'GCP', 'PROVIDER_REPORTED', '2025-01-01', '2025-01-31')`;

const rowCount = (organizationId: string) =>
  withPg(async (c) => (await c.query("SELECT count(*)::int AS n FROM provider_emission_records WHERE organization_id = $1", [organizationId])).rows[0].n as number);

const copyRows = (client: pg.Client, lines: string[]) =>
  copyLines(
    client,
    "COPY provider_emission_records (organization_id, import_id, row_hash, key_hash, version_rank, provider, nature, period_start, period_end) FROM STDIN",
    lines,
  );

describe("provider rows belong to an import of their own organization (statement-level check)", () => {
  it("an INSERT naming another organization's import is refused (23503) and writes nothing: 7 rows stay 7", async () => {
    const a = await orgWithImport("pint-a");
    const b = await orgWithImport("pint-b");
    const err = await withPg((c) => sqlError(c.query(insertSql, [a.organizationId, b.importId, "h-cross", "k-cross"])));
    expect(err.code).toBe("23503");
    expect(err.message).toMatch(/import that does not exist in its organization/);
    expect(await rowCount(a.organizationId)).toBe(7);
  });

  it("a COPY of 3 rows, one naming an unknown import, is refused as a whole: 7 rows stay 7", async () => {
    const a = await orgWithImport("pint-copy");
    const line = (importId: string, n: number) => `${a.organizationId}\t${importId}\th${n}\tk${n}\t0000000014\tGCP\tPROVIDER_REPORTED\t2025-01-01\t2025-01-31\n`;
    const err = await withPg((c) => sqlError(copyRows(c, [line(a.importId, 1), line("00000000-0000-4000-8000-000000000000", 2), line(a.importId, 3)])));
    expect(err.code).toBe("23503");
    expect(await rowCount(a.organizationId)).toBe(7);
  });

  it("a row of its own import is accepted (7 + 1 = 8 rows), and moving it to another organization's import is refused", async () => {
    const a = await orgWithImport("pint-own");
    const b = await orgWithImport("pint-other");
    await withPg((c) => c.query(insertSql, [a.organizationId, a.importId, "h-own", "k-own"]));
    expect(await rowCount(a.organizationId)).toBe(8);
    const err = await withPg((c) =>
      sqlError(c.query("UPDATE provider_emission_records SET import_id = $2 WHERE organization_id = $1 AND row_hash = 'h-own'", [a.organizationId, b.importId])),
    );
    expect(err.code).toBe("23503");
    const still = await withPg((c) => c.query("SELECT import_id FROM provider_emission_records WHERE organization_id = $1 AND row_hash = 'h-own'", [a.organizationId]));
    expect(still.rows[0].import_id).toBe(a.importId);
  });

  it("an import with provider rows can be neither deleted nor moved to another organization (23503); rows stay 7", async () => {
    const a = await orgWithImport("pint-del");
    const b = await orgWithImport("pint-del-b");
    const del = await withPg((c) => sqlError(c.query("DELETE FROM imports WHERE id = $1 AND organization_id = $2", [a.importId, a.organizationId])));
    expect(del.code).toBe("23503");
    const move = await withPg((c) => sqlError(c.query("UPDATE imports SET organization_id = $2 WHERE id = $1", [a.importId, b.organizationId])));
    expect(move.code).toBe("23503");
    expect(await rowCount(a.organizationId)).toBe(7);
  });

  it("the same row hash twice in one organization is refused (23505), rows stay 7; another organization importing the same file has it too", async () => {
    const a = await orgWithImport("pint-dup");
    const b = await orgWithImport("pint-dup-b");
    const existing = await withPg((c) => c.query("SELECT row_hash, key_hash FROM provider_emission_records WHERE organization_id = $1 LIMIT 1", [a.organizationId]));
    const { row_hash, key_hash } = existing.rows[0];
    const err = await withPg((c) => sqlError(c.query(insertSql, [a.organizationId, a.importId, row_hash, key_hash])));
    expect(err.code).toBe("23505");
    expect(await rowCount(a.organizationId)).toBe(7);
    // The same file imported by another organization: the same hashes, written there too.
    const inB = await withPg((c) => c.query("SELECT count(*)::int AS n FROM provider_emission_records WHERE organization_id = $1 AND row_hash = $2", [b.organizationId, row_hash]));
    expect(inB.rows[0].n).toBe(1);
  });

  it("new rows get time-ordered ids (uuidv7): the primary key grows at its end", async () => {
    const a = await orgWithImport("pint-ids");
    const ids = await withPg((c) => c.query("SELECT id::text FROM provider_emission_records WHERE organization_id = $1 ORDER BY row_number", [a.organizationId]));
    for (const { id } of ids.rows) expect(id[14]).toBe("7");
  });
});
