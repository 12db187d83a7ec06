// What the run foreign key of measurements guaranteed, now kept by the triggers of migration 0004 (decision 0008):
// a measurement belongs to a run of its own organization — checked once per statement, also for COPY —, a deleted
// run takes its measurements along, a run with measurements keeps its id and organization; and identity is still
// "one row hash per organization", through the (organization, run, time, hash) index.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/client";
import { createTestOrg, sqlError, withPg } from "../helpers/db";

async function orgWithRun(prefix: string) {
  const org = await createTestOrg(prefix, ["ADMIN"]);
  const organizationId = org.organization.id;
  const project = await prisma.project.create({ data: { organizationId, name: "p" } });
  const run = await prisma.run.create({ data: { organizationId, projectId: project.id, externalRunId: `${prefix}-run` } });
  return { organizationId, projectId: project.id, runId: run.id };
}

const insertSql = `INSERT INTO measurements (organization_id, run_id, row_hash, kind, measured_at, energy_kwh)
                   VALUES ($1, $2, $3, 'CUMULATIVE', $4, 1.5)`;

async function copyRows(client: pg.Client, lines: string[]) {
  await pipeline(
    Readable.from([Buffer.from(lines.join(""))]),
    client.query(copyFrom("COPY measurements (organization_id, run_id, row_hash, kind, measured_at) FROM STDIN")),
  );
}

describe("measurements belong to a run of their own organization (statement-level check)", () => {
  it("an INSERT naming another organization's run is refused (23503) and writes nothing", async () => {
    const a = await orgWithRun("integ-a");
    const b = await orgWithRun("integ-b");
    const err = await withPg((c) => sqlError(c.query(insertSql, [a.organizationId, b.runId, "h-cross", "2025-01-01 00:00:00"])));
    expect(err.code).toBe("23503");
    expect(err.message).toMatch(/run that does not exist in its organization/);
    expect(await prisma.measurement.count({ where: { organizationId: a.organizationId } })).toBe(0);
  });

  it("a COPY of 3 rows, one of them naming an unknown run, is refused as a whole: 0 rows written", async () => {
    const a = await orgWithRun("integ-copy");
    const lines = [
      `${a.organizationId}\t${a.runId}\th1\tCUMULATIVE\t2025-01-01 00:00:01\n`,
      `${a.organizationId}\t00000000-0000-4000-8000-000000000000\th2\tCUMULATIVE\t2025-01-01 00:00:02\n`,
      `${a.organizationId}\t${a.runId}\th3\tCUMULATIVE\t2025-01-01 00:00:03\n`,
    ];
    const err = await withPg((c) => sqlError(copyRows(c, lines)));
    expect(err.code).toBe("23503");
    expect(await prisma.measurement.count({ where: { organizationId: a.organizationId } })).toBe(0);
  });

  it("a COPY of 2 rows of the organization's own run is accepted: 2 rows", async () => {
    const a = await orgWithRun("integ-ok");
    await withPg((c) =>
      copyRows(c, [
        `${a.organizationId}\t${a.runId}\th1\tCUMULATIVE\t2025-01-01 00:00:01\n`,
        `${a.organizationId}\t${a.runId}\th2\tCUMULATIVE\t2025-01-01 00:00:02\n`,
      ]),
    );
    expect(await prisma.measurement.count({ where: { organizationId: a.organizationId, runId: a.runId } })).toBe(2);
  });

  it("moving a measurement to another organization's run (UPDATE) is refused", async () => {
    const a = await orgWithRun("integ-upd-a");
    const b = await orgWithRun("integ-upd-b");
    await withPg((c) => c.query(insertSql, [a.organizationId, a.runId, "h-upd", "2025-01-01 00:00:00"]));
    const err = await withPg((c) => sqlError(c.query("UPDATE measurements SET run_id = $2 WHERE organization_id = $1", [a.organizationId, b.runId])));
    expect(err.code).toBe("23503");
    expect(await prisma.measurement.count({ where: { organizationId: a.organizationId, runId: a.runId } })).toBe(1);
  });
});

describe("runs and their measurements", () => {
  it("deleting a run deletes its 2 measurements and no other run's", async () => {
    const a = await orgWithRun("integ-del");
    const other = await prisma.run.create({ data: { organizationId: a.organizationId, projectId: a.projectId, externalRunId: "integ-del-other" } });
    await withPg(async (c) => {
      await c.query(insertSql, [a.organizationId, a.runId, "d1", "2025-01-01 00:00:01"]);
      await c.query(insertSql, [a.organizationId, a.runId, "d2", "2025-01-01 00:00:02"]);
      await c.query(insertSql, [a.organizationId, other.id, "d3", "2025-01-01 00:00:03"]);
    });
    await prisma.run.delete({ where: { id: a.runId } });
    expect(await prisma.measurement.count({ where: { organizationId: a.organizationId } })).toBe(1);
    expect(await prisma.measurement.count({ where: { organizationId: a.organizationId, runId: other.id } })).toBe(1);
  });

  it("a run with measurements cannot move to another organization", async () => {
    const a = await orgWithRun("integ-move-a");
    const b = await orgWithRun("integ-move-b");
    await withPg((c) => c.query(insertSql, [a.organizationId, a.runId, "m1", "2025-01-01 00:00:01"]));
    const err = await withPg((c) => sqlError(c.query("UPDATE runs SET organization_id = $2 WHERE id = $1", [a.runId, b.organizationId])));
    expect(err.code).toBe("23503");
    expect((await prisma.run.findUniqueOrThrow({ where: { id: a.runId } })).organizationId).toBe(a.organizationId);
  });

  it("the same (run, time, hash) twice in one organization is refused (23505); the same in another organization is not", async () => {
    const a = await orgWithRun("integ-dup-a");
    await withPg((c) => c.query(insertSql, [a.organizationId, a.runId, "same", "2025-01-01 00:00:01"]));
    const err = await withPg((c) => sqlError(c.query(insertSql, [a.organizationId, a.runId, "same", "2025-01-01 00:00:01"])));
    expect(err.code).toBe("23505");
    const b = await orgWithRun("integ-dup-b");
    await withPg((c) => c.query(insertSql, [b.organizationId, b.runId, "same", "2025-01-01 00:00:01"]));
    expect(await prisma.measurement.count({ where: { rowHash: "same", organizationId: { in: [a.organizationId, b.organizationId] } } })).toBe(2);
  });
});
