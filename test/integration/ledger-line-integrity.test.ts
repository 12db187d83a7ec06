// What the foreign keys of ledger_lines guaranteed, now kept by the statement-level triggers of migration 0009
// (decision 0016): a line refers to a version of its own organization and period, a factor shipped or of its
// organization, and a project, site and instrument of its organization — checked once per statement, a bad row
// refuses the whole statement —; deleting a version (or its period) deletes its lines, deleting a project or site
// unlinks them, a factor or instrument in use cannot be deleted, a referenced row keeps its id.
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
  factorId: string;
  projectId: string;
  siteId: string;
  instrumentId: string;
}

async function orgRefs(prefix: string): Promise<Refs> {
  const org = await createTestOrg(prefix, ["ADMIN"]);
  const organizationId = org.organization.id;
  const p = await period(organizationId);
  const version = await prisma.calculationVersion.create({ data: { organizationId, periodId: p.id, number: 1, isCurrent: true, engineVersion: "test" } });
  const ds = await factorDataset(organizationId);
  const factor = await factorRow(ds.id, organizationId, { keyType: "COUNTRY", key: "FRA", value: "0.056" });
  return {
    organizationId, periodId: p.id, versionId: version.id, factorId: factor.id, projectId: (await project(organizationId)).id,
    siteId: (await site(organizationId)).id, instrumentId: (await instrumentRow(organizationId, { volumeMwh: "1", market: "FR" })).id,
  };
}

const COLUMNS = ["organization_id", "period_id", "calculation_version_id", "factor_id", "project_id", "site_id", "instrument_id"] as const;

/** One line per entry: 30 kWh × 0.056 kg/kWh = 1.68 kgCO2e, with the given references. */
function insertLines(rows: Refs[]): { text: string; values: string[] } {
  const values: string[] = [];
  const tuples = rows.map((r) => {
    const at = values.length;
    values.push(r.organizationId, r.periodId, r.versionId, r.factorId, r.projectId, r.siteId, r.instrumentId);
    return `($${at + 1}::uuid, $${at + 2}::uuid, $${at + 3}::uuid, $${at + 4}::uuid, $${at + 5}::uuid, $${at + 6}::uuid, $${at + 7}::uuid,
             'SCOPE_2', 'MARKET_BASED', 'RESOLVED', 30, 'kWh', 0.056, 'kgCO2e/kWh', 1.68, 'RUN', '${randomUUID()}', '2025-03-01', 'MEASURED', '{}', 'test')`;
  });
  return {
    text: `INSERT INTO ledger_lines (${COLUMNS.join(", ")}, scope, method, status, activity_quantity, activity_unit, factor_value, factor_unit,
                                 emissions_kg_co2e, source_kind, source_record_id, month, nature, quality_flags, resolution)
           VALUES ${tuples.join(", ")}`,
    values,
  };
}

const write = (rows: Refs[]) => withPg((c) => c.query(insertLines(rows)));
const lineCount = (organizationId: string) => prisma.ledgerLine.count({ where: { organizationId } });

describe("ledger lines refer to rows of their own organization (statement-level check, migration 0009)", () => {
  it("a line with all its references in its organization is written: 1 line", async () => {
    const a = await orgRefs("lli-ok");
    await write([a]);
    expect(await lineCount(a.organizationId)).toBe(1);
  });

  const foreign: { column: keyof Refs; message: RegExp }[] = [
    { column: "versionId", message: /calculation version that does not exist in its organization and period/ },
    { column: "periodId", message: /calculation version that does not exist in its organization and period/ },
    { column: "factorId", message: /emission factor that is neither shipped nor of its organization/ },
    { column: "projectId", message: /project that does not exist in its organization/ },
    { column: "siteId", message: /site that does not exist in its organization/ },
    { column: "instrumentId", message: /contractual instrument that does not exist in its organization/ },
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

  it("a shipped factor (no organization) may be used by any organization", async () => {
    const a = await orgRefs("lli-shipped");
    const shipped = await factorRow((await factorDataset(null)).id, null, { keyType: "COUNTRY", key: "DEU", value: "0.38" });
    await write([{ ...a, factorId: shipped.id }]);
    expect(await lineCount(a.organizationId)).toBe(1);
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

describe("the keys' cascades, kept by triggers", () => {
  it("deleting a version deletes its 2 lines; deleting a period deletes its versions' lines", async () => {
    const a = await orgRefs("lli-del-version");
    await write([a, a]);
    await prisma.calculationVersion.delete({ where: { id: a.versionId } });
    expect(await lineCount(a.organizationId)).toBe(0);
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

  it("a factor or an instrument used by a line cannot be deleted (23503); unused, it can", async () => {
    const a = await orgRefs("lli-restrict");
    await write([a]);
    expect((await sqlError(withPg((c) => c.query("DELETE FROM emission_factors WHERE id = $1", [a.factorId])))).code).toBe("23503");
    expect((await sqlError(withPg((c) => c.query("DELETE FROM contractual_instruments WHERE id = $1", [a.instrumentId])))).code).toBe("23503");
    expect(await prisma.emissionFactor.count({ where: { id: a.factorId } })).toBe(1);
    const unused = await instrumentRow(a.organizationId, { volumeMwh: "2", market: "FR" });
    await prisma.contractualInstrument.delete({ where: { id: unused.id } });
  });

  it("a project used by a line keeps its id (23503)", async () => {
    const a = await orgRefs("lli-identity");
    await write([a]);
    const err = await sqlError(withPg((c) => c.query("UPDATE projects SET id = gen_random_uuid() WHERE id = $1", [a.projectId])));
    expect(err.code).toBe("23503");
  });
});
