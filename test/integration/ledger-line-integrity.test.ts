// What foreign keys would guarantee for ledger lines and their resolutions, kept by statement-level triggers
// (migrations 0009, 0012; decisions 0016, 0019): a line refers to a version of its own organization, a resolution of
// that version, and a project and site of its organization; a resolution to a factor shipped or of its
// organization and an instrument of its organization — checked once per statement, a bad row refuses the whole
// statement. Lines live in their version's partition: no partition, no line. Deleting a version (or its period)
// drops its lines, deleting a project or site unlinks them, a factor or instrument in use cannot be deleted, a
// referenced row keeps its id.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/client";
import { createTestOrg, withPg } from "../helpers/db";
import { sqlError } from "../helpers/sql";
import { factorDataset, factorRow, instrumentRow, period, project, site } from "../helpers/ledger";

interface Refs {
  organizationId: string;
  periodId: string;
  versionId: string;
  resolutionId: number;
  factorId: string;
  projectId: string;
  siteId: string;
  instrumentId: string;
}

const resolutionSql = `INSERT INTO ledger_resolutions (organization_id, calculation_version_id, scope, method, status, activity_unit, factor_id, instrument_id,
                                                     factor_value, factor_unit, source_kind, nature, quality_flags, resolution)
                       VALUES ($1, $2, 'SCOPE_2', 'MARKET_BASED', 'RESOLVED', 'kWh', $3, $4, 0.056, 'kgCO2e/kWh', 'RUN', 'MEASURED', '{}', 'test') RETURNING id`;

async function orgRefs(prefix: string): Promise<Refs> {
  const org = await createTestOrg(prefix, ["ADMIN"]);
  const organizationId = org.organization.id;
  const p = await period(organizationId);
  const version = await prisma.calculationVersion.create({ data: { organizationId, periodId: p.id, number: 1, isCurrent: true, engineVersion: "test" } });
  const ds = await factorDataset(organizationId);
  const factor = await factorRow(ds.id, organizationId, { keyType: "COUNTRY", key: "FRA", value: "0.056" });
  const instrumentId = (await instrumentRow(organizationId, { volumeMwh: "1", market: "FR" })).id;
  const resolutionId = await withPg(async (c) => {
    await c.query(`CREATE TABLE "ledger_lines_test_${version.id.replace(/-/g, "")}" PARTITION OF ledger_lines FOR VALUES IN ('${version.id}')`);
    return (await c.query<{ id: number }>(resolutionSql, [organizationId, version.id, factor.id, instrumentId])).rows[0].id;
  });
  return { organizationId, periodId: p.id, versionId: version.id, resolutionId, factorId: factor.id, projectId: (await project(organizationId)).id, siteId: (await site(organizationId)).id, instrumentId };
}

/** One line per entry: 30 kWh, 1.68 kgCO2e, with the given references. */
function insertLines(rows: Refs[]): { text: string; values: (string | number)[] } {
  const values: (string | number)[] = [];
  const tuples = rows.map((r) => {
    const at = values.length;
    values.push(r.organizationId, r.versionId, r.resolutionId, r.projectId, r.siteId);
    return `($${at + 1}::uuid, $${at + 2}::uuid, $${at + 3}::int, $${at + 4}::uuid, $${at + 5}::uuid, '${randomUUID()}', '2025-03-01', 30, 1.68)`;
  });
  return {
    text: `INSERT INTO ledger_lines (organization_id, calculation_version_id, resolution_id, project_id, site_id, source_record_id, month, activity_quantity, emissions_kg_co2e)
           VALUES ${tuples.join(", ")}`,
    values,
  };
}

const write = (rows: Refs[]) => withPg((c) => c.query(insertLines(rows)));
const lineCount = (organizationId: string) => prisma.ledgerLine.count({ where: { organizationId } });

describe("ledger lines refer to rows of their own organization and version (statement-level check)", () => {
  it("a line with all its references in its organization is written: 1 line", async () => {
    const a = await orgRefs("lli-ok");
    await write([a]);
    expect(await lineCount(a.organizationId)).toBe(1);
  });

  const foreign: { column: keyof Refs; message: RegExp }[] = [
    { column: "versionId", message: /calculation version that does not exist in its organization/ },
    { column: "resolutionId", message: /resolution that is not of its calculation version/ },
    { column: "projectId", message: /project that does not exist in its organization/ },
    { column: "siteId", message: /site that does not exist in its organization/ },
  ];
  for (const { column, message } of foreign) {
    it(`another organization's ${column} in the 2nd of 2 rows: refused (23503), 0 lines written`, async () => {
      const a = await orgRefs(`lli-${column.toLowerCase()}-a`);
      const b = await orgRefs(`lli-${column.toLowerCase()}-b`);
      const err = await sqlError(write([a, { ...a, [column]: b[column] }]));
      expect(err.code).toBe("23503");
      expect(err.message).toMatch(message);
      expect(await lineCount(a.organizationId)).toBe(0);
    });
  }

  it("a line of a version without a partition (never calculated) is refused: lines are written only by a recalculation", async () => {
    const a = await orgRefs("lli-nopart");
    const other = await prisma.calculationVersion.create({ data: { organizationId: a.organizationId, periodId: a.periodId, number: 2, isCurrent: false, engineVersion: "test" } });
    const err = await sqlError(write([{ ...a, versionId: other.id }]));
    expect(err.message).toMatch(/no partition of relation "ledger_lines" found/);
    expect(await lineCount(a.organizationId)).toBe(0);
  });

  it("an UPDATE moving a line to another organization's project is refused (23503)", async () => {
    const a = await orgRefs("lli-upd-a");
    const b = await orgRefs("lli-upd-b");
    await write([a]);
    const err = await sqlError(withPg((c) => c.query("UPDATE ledger_lines SET project_id = $1 WHERE organization_id = $2", [b.projectId, a.organizationId])));
    expect(err.code).toBe("23503");
    expect((await prisma.ledgerLine.findFirstOrThrow({ where: { organizationId: a.organizationId } })).projectId).toBe(a.projectId);
  });
});

describe("ledger resolutions refer to a factor shipped or of their organization, an instrument of their organization", () => {
  const foreign: { column: "versionId" | "factorId" | "instrumentId"; message: RegExp }[] = [
    { column: "versionId", message: /calculation version that does not exist in its organization/ },
    { column: "factorId", message: /emission factor that is neither shipped nor of its organization/ },
    { column: "instrumentId", message: /contractual instrument that does not exist in its organization/ },
  ];
  for (const { column, message } of foreign) {
    it(`another organization's ${column}: refused (23503)`, async () => {
      const a = await orgRefs(`llr-${column.toLowerCase()}-a`);
      const b = await orgRefs(`llr-${column.toLowerCase()}-b`);
      const r = { ...a, [column]: b[column] };
      const err = await sqlError(withPg((c) => c.query(resolutionSql, [a.organizationId, r.versionId, r.factorId, r.instrumentId])));
      expect(err.code).toBe("23503");
      expect(err.message).toMatch(message);
    });
  }

  it("a shipped factor (no organization) may be used by any organization", async () => {
    const a = await orgRefs("llr-shipped");
    // A key no other test uses: shipped factors are seen by every organization of the test database.
    const shipped = await factorRow((await factorDataset(null)).id, null, { keyType: "COUNTRY", key: "XLL", value: "0.38" });
    await withPg((c) => c.query(resolutionSql, [a.organizationId, a.versionId, shipped.id, a.instrumentId]));
    expect(await prisma.ledgerResolution.count({ where: { organizationId: a.organizationId } })).toBe(2);
  });
});

describe("the keys' cascades, kept by triggers", () => {
  it("deleting a version drops its 2 lines (its partition) and resolutions; deleting a period does the same for its versions", async () => {
    const a = await orgRefs("lli-del-version");
    await write([a, a]);
    await prisma.calculationVersion.delete({ where: { id: a.versionId } });
    expect(await lineCount(a.organizationId)).toBe(0);
    expect(await prisma.ledgerResolution.count({ where: { organizationId: a.organizationId } })).toBe(0);
    const partitions = await withPg((c) => c.query(`SELECT 1 FROM pg_class WHERE relname = $1`, [`ledger_lines_test_${a.versionId.replace(/-/g, "")}`]));
    expect(partitions.rowCount).toBe(0);
    const b = await orgRefs("lli-del-period");
    await write([b]);
    await prisma.reportingPeriod.delete({ where: { id: b.periodId } });
    expect(await lineCount(b.organizationId)).toBe(0);
  });

  it("deleting a project or a site keeps the line and unlinks it (project and site NULL)", async () => {
    const a = await orgRefs("lli-unlink");
    await write([a]);
    await prisma.project.delete({ where: { id: a.projectId } });
    await prisma.site.delete({ where: { id: a.siteId } });
    const line = await prisma.ledgerLine.findFirstOrThrow({ where: { organizationId: a.organizationId } });
    expect([line.projectId, line.siteId]).toEqual([null, null]);
  });

  it("a factor or an instrument used by a resolution cannot be deleted (23503); unused, it can", async () => {
    const a = await orgRefs("lli-restrict");
    expect((await sqlError(withPg((c) => c.query("DELETE FROM emission_factors WHERE id = $1", [a.factorId])))).code).toBe("23503");
    expect((await sqlError(withPg((c) => c.query("DELETE FROM contractual_instruments WHERE id = $1", [a.instrumentId])))).code).toBe("23503");
    expect(await prisma.emissionFactor.count({ where: { id: a.factorId } })).toBe(1);
    const unused = await instrumentRow(a.organizationId, { volumeMwh: "2", market: "FR" });
    await prisma.contractualInstrument.delete({ where: { id: unused.id } });
  });

  it("a project used by a line, a factor used by a resolution keep their ids (23503)", async () => {
    const a = await orgRefs("lli-identity");
    await write([a]);
    expect((await sqlError(withPg((c) => c.query("UPDATE projects SET id = gen_random_uuid() WHERE id = $1", [a.projectId])))).code).toBe("23503");
    expect((await sqlError(withPg((c) => c.query("UPDATE emission_factors SET id = gen_random_uuid() WHERE id = $1", [a.factorId])))).code).toBe("23503");
  });
});
