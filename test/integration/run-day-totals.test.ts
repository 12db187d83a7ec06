// run_day_totals (migration 0016, decision 0025) against the runs it sums, on a real Postgres: after file imports
// (COPY-staged upserts: new runs, later rows restating a run and moving it to another day, older rows, the same
// file twice), tracker API runs and emissions (runs created unmeasured, totals moved by every batch, concurrent
// batches), updates that change nothing the panel shows, deletions (a run, a project's runs by cascade, an
// organization), merges of crowded days and writers that never wait for each other — Σ of the summary per
// (organization, day) equals a direct aggregate of runs exactly, and the dashboard panel equals what the scan of runs
// it replaces returned, string for string. Then the same on random statements (fast-check), and the migration's backfill.
import { randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { requireApiToken } from "../../lib/auth/api-token";
import { prisma } from "../../lib/db/client";
import { migrate } from "../../lib/db/migrate";
import { parseJsonExact } from "../../lib/json-exact";
import { trackerEnergy } from "../../lib/services/inventory/dashboard/tracker-energy";
import { uploadCodecarbonFile } from "../../lib/services/imports/upload-codecarbon-file";
import { createApiToken } from "../../lib/services/organizations/create-api-token";
import { createProject } from "../../lib/services/projects/create-project";
import { addEmission } from "../../lib/services/tracker-api/add-emission";
import { createExperiment } from "../../lib/services/tracker-api/create-experiment";
import { createRun } from "../../lib/services/tracker-api/create-run";
import type { TrackerEnergy } from "../../lib/views/dashboard";
import { createScratchDatabase, createTestOrg, withPg } from "../helpers/db";
import { CODECARBON_24, fixtureText } from "../helpers/fixtures";

type Db = { query: pg.Client["query"] };

/** The panel as the scan of runs it replaces computed it (tracker-energy.ts before migration 0016): the oracle. */
async function panelFromRuns(organizationId: string): Promise<TrackerEnergy> {
  type Row = { g: number; day: Date | null; month: Date | null; energy: string; emissions: string; runs: bigint };
  const [rows, projects, imports] = await Promise.all([
    prisma.$queryRaw<Row[]>`
      SELECT GROUPING(date_trunc('day', last_measured_at), date_trunc('month', last_measured_at))::int AS g, date_trunc('day', last_measured_at) AS day, date_trunc('month', last_measured_at) AS month,
             coalesce(sum(energy_kwh), 0)::text AS energy, coalesce(sum(tracker_emissions_kg_co2e), 0)::text AS emissions, count(*) AS runs
        FROM runs WHERE organization_id = ${organizationId}::uuid
       GROUP BY GROUPING SETS ((), (date_trunc('day', last_measured_at)), (date_trunc('month', last_measured_at)))`,
    prisma.project.count({ where: { organizationId } }),
    prisma.import.count({ where: { organizationId, status: "COMMITTED" } }),
  ]);
  const total = rows.find((r) => r.g === 3) ?? { energy: "0", emissions: "0", runs: BigInt(0) };
  const days = rows.filter((r) => r.g === 1 && r.day !== null).sort((a, b) => a.day!.getTime() - b.day!.getTime());
  const months = rows.filter((r) => r.g === 2 && r.month !== null).sort((a, b) => a.month!.getTime() - b.month!.getTime());
  const spanDays = days.length ? (days[days.length - 1].day!.getTime() - days[0].day!.getTime()) / 86_400_000 : 0;
  const granularity = spanDays > 62 ? "month" : "day";
  return {
    totals: { energyKwh: total.energy, trackerEmissionsKgCo2e: total.emissions, runs: Number(total.runs), projects, imports },
    series: (granularity === "day" ? days.map((r) => [r.day!, r] as const) : months.map((r) => [r.month!, r] as const)).map(([at, r]) => ({
      bucket: at.toISOString().slice(0, granularity === "day" ? 10 : 7),
      energyKwh: r.energy,
      trackerEmissionsKgCo2e: r.emissions,
    })),
    granularity,
  };
}

/** Per (organization, day) where the summary and a direct aggregate of runs differ (numeric equality): none, always. */
const MISMATCHES = `
  WITH r AS (SELECT organization_id, last_measured_at::date AS day, coalesce(sum(energy_kwh), 0) AS e, coalesce(sum(tracker_emissions_kg_co2e), 0) AS x,
                    count(*) AS n, count(energy_kwh) AS ne, count(tracker_emissions_kg_co2e) AS nx
               FROM runs WHERE organization_id = ANY($1::uuid[]) GROUP BY 1, 2),
       s AS (SELECT organization_id, day, sum(energy_kwh) AS e, sum(tracker_emissions_kg_co2e) AS x, sum(runs) AS n, sum(runs_with_energy) AS ne, sum(runs_with_emissions) AS nx
               FROM run_day_totals WHERE organization_id = ANY($1::uuid[]) GROUP BY 1, 2
             HAVING sum(runs) <> 0 OR sum(runs_with_energy) <> 0 OR sum(runs_with_emissions) <> 0 OR sum(energy_kwh) <> 0 OR sum(tracker_emissions_kg_co2e) <> 0)
  SELECT coalesce(r.organization_id, s.organization_id)::text AS org, coalesce(r.day, s.day)::text AS day,
         r.e::text AS runs_energy, s.e::text AS summary_energy, r.x::text AS runs_emissions, s.x::text AS summary_emissions,
         r.n::text AS runs, s.n::text AS summary_runs, r.ne::text AS runs_ne, s.ne::text AS summary_ne, r.nx::text AS runs_nx, s.nx::text AS summary_nx
    FROM r FULL JOIN s ON s.organization_id = r.organization_id AND s.day IS NOT DISTINCT FROM r.day
   WHERE (r.e, r.x, r.n, r.ne, r.nx) IS DISTINCT FROM (s.e, s.x, s.n, s.ne, s.nx)`;

async function mismatches(orgs: string[], db?: Db): Promise<unknown[]> {
  if (db) return (await db.query(MISMATCHES, [orgs])).rows;
  return prisma.$queryRawUnsafe(MISMATCHES, orgs);
}

/** The summary equals the runs per (organization, day), and each organization's panel equals the scan of its runs. */
async function expectEqual(orgs: string[]): Promise<void> {
  expect(await mismatches(orgs)).toEqual([]);
  for (const org of orgs) expect(await trackerEnergy(prisma, org)).toEqual(await panelFromRuns(org));
}

const summaryRows = async (org: string) => Number((await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM run_day_totals WHERE organization_id = ${org}::uuid`)[0].n);

// A CodeCarbon 2.x file (the 2.4 fixture's header and machine columns) of the rows given: cumulative totals.
const HEADER = fixtureText(CODECARBON_24).split("\n")[0];
type CsvRow = { at: string; run: string; energy: string; emissions: string; project?: string };
function csv(rows: CsvRow[]): Buffer {
  const line = (r: CsvRow) =>
    `${r.at},${r.project ?? "codecarbon"},${r.run},120.5,${r.emissions},1.0e-08,4.1,0.02,3.0,${r.energy},0.0,0.0,${r.energy},France,FRA,île-de-france,,,macOS-12.6-arm64-arm-64bit,3.9.18,2.4.3rc1,8,Apple M1,1,Apple M1,2.792,48.399,8.0,machine,N,1.0`;
  return Buffer.from([HEADER, ...rows.map(line)].join("\n") + "\n");
}

async function engineer(prefix: string) {
  const org = await createTestOrg(prefix, ["ADMIN", "ENGINEER"]);
  return { id: org.organization.id, ctx: await org.ctx("ENGINEER") };
}

function upload(ctx: Awaited<ReturnType<typeof engineer>>["ctx"], bytes: Buffer, fileName: string) {
  return uploadCodecarbonFile({ ctx, input: { fileName, contentType: "text/csv", bytes, maxBytes: 10_000_000 } });
}

// CodeCarbon 3.3.0's own requests (e2e/fixtures/SOURCES.md), numbers kept as their source text.
const CAPTURE = parseJsonExact(readFileSync(path.join(process.cwd(), "e2e", "fixtures", "api_runs_emissions_payloads.json"), "utf8")) as { path: string; body: Record<string, unknown> }[];
const RUN_BODY = CAPTURE.find((c) => c.path === "/runs")!.body;
const EMISSIONS = CAPTURE.filter((c) => c.path === "/emissions").map((c) => c.body);

const [R1, R2, R3, R4] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

describe("run_day_totals equals the runs after every way runs are written", () => {
  it("file imports, a restating import, the same file twice, tracker API runs and emissions, no-op updates, deletions; per organization", async () => {
    const a = await engineer("rdt-a");
    const b = await engineer("rdt-b");
    const orgs = [a.id, b.id];

    // 1. A file: runs on three days, one without a run id (a run of its own), one of a second project.
    const first = csv([
      { at: "2025-03-01T10:00:00", run: R1, energy: "0.001", emissions: "0.0001" },
      { at: "2025-03-01T10:05:00", run: R1, energy: "0.0025", emissions: "0.00025" },
      { at: "2025-03-01T11:00:00", run: R2, energy: "0.5", emissions: "0.05" },
      { at: "2025-03-02T09:00:00", run: "", energy: "0.125", emissions: "0.0125" },
      { at: "2025-03-03T09:00:00", run: R3, energy: "3.75", emissions: "0.375", project: "vision" },
    ]);
    expect((await upload(a.ctx, first, "first.csv")).rowsImported).toBe(5);
    await expectEqual(orgs);

    // 2. A later file restates: R1 goes on the next day (later row: new totals, new day), R2's older row changes
    // nothing, R4 is new, and two rows of the first file come again (duplicates).
    const second = csv([
      { at: "2025-03-01T10:05:00", run: R1, energy: "0.0025", emissions: "0.00025" },
      { at: "2025-03-02T00:30:00", run: R1, energy: "0.0040000000000000000000000000001", emissions: "0.0004" },
      { at: "2025-03-01T10:30:00", run: R2, energy: "0.25", emissions: "0.025" },
      { at: "2025-03-01T11:00:00", run: R2, energy: "0.5", emissions: "0.05" },
      { at: "2025-03-05T23:59:59", run: R4, energy: "1", emissions: "" },
    ]);
    await upload(a.ctx, second, "second.csv");
    await expectEqual(orgs);
    expect((await trackerEnergy(prisma, a.id)).series.map((s) => s.bucket)).toEqual(["2025-03-01", "2025-03-02", "2025-03-03", "2025-03-05"]);

    // 3. The same bytes again: a duplicate file, nothing written.
    expect((await upload(a.ctx, first, "first-again.csv")).duplicateFile).toBe(true);
    await expectEqual(orgs);

    // 4. Another organization imports the same file (same run ids): its own runs, its own rows.
    await upload(b.ctx, first, "first.csv");
    await expectEqual(orgs);
    expect((await trackerEnergy(prisma, b.id)).totals.runs).toBe(4);
    expect((await trackerEnergy(prisma, a.id)).totals.runs).toBe(5);

    // 5. The tracker API: runs start unmeasured (the day-null row), every emission batch moves a run's totals, and
    // a run's latest emission moves it to its day; batches submitted at once share statements.
    const project = await createProject({ ctx: a.ctx, input: { name: "training" } });
    const token = await createApiToken({ ctx: a.ctx, input: { projectId: project.id, name: "cluster" } });
    const tracker = await requireApiToken({ token: token.token, requestId: "test-rdt" });
    const experiment = await createExperiment({ ctx: tracker, input: { name: "baseline", description: "", on_cloud: false, project_id: project.id } });
    const [x, y] = [await createRun({ ctx: tracker, input: { ...RUN_BODY, experiment_id: experiment.id } }), await createRun({ ctx: tracker, input: { ...RUN_BODY, experiment_id: experiment.id } })];
    await expectEqual(orgs);
    const emit = (run: string, i: number, at: string) => addEmission({ ctx: tracker, input: { ...EMISSIONS[i % EMISSIONS.length], run_id: run, timestamp: at } });
    for (let i = 0; i < 3; i++) await emit(x.id, i, `2025-03-05T23:59:5${i}.000001+00:00`);
    await expectEqual(orgs);
    await Promise.all([emit(x.id, 3, "2025-03-06T00:00:01+00:00"), emit(y.id, 0, "2025-03-05T12:00:00+00:00"), emit(y.id, 1, "2025-03-05T12:00:01+00:00"), emit(y.id, 1, "2025-03-05T12:00:01+00:00")]);
    await expectEqual(orgs);

    // 6. Updates that change nothing the panel shows (a staleness mark, machine metadata) write no row.
    const before = await summaryRows(a.id);
    await prisma.run.updateMany({ where: { organizationId: a.id }, data: { stalenessMarkedSeq: 7, os: "Linux" } });
    expect(await summaryRows(a.id)).toBe(before);
    await expectEqual(orgs);

    // 7. Deletions: a run, then a project with its runs (cascade).
    await prisma.run.delete({ where: { organizationId_externalRunId: { organizationId: a.id, externalRunId: R2 } } });
    await expectEqual(orgs);
    await prisma.$executeRaw`DELETE FROM projects WHERE organization_id = ${a.id}::uuid AND name = 'vision'`;
    await expectEqual(orgs);
    expect((await trackerEnergy(prisma, a.id)).series.map((s) => s.bucket)).not.toContain("2025-03-03");
    // Tenancy: B's panel did not move through any of A's writes.
    expect(await trackerEnergy(prisma, b.id)).toMatchObject({ totals: { runs: 4 } });
  });

  it("an organization deleted with its runs leaves no row behind, and its deletion is not refused", async () => {
    const [org] = await prisma.$queryRaw<{ id: string }[]>`INSERT INTO organizations (slug, name, updated_at) VALUES (${`rdt-gone-${randomUUID().slice(0, 8)}`}, 'gone', now()) RETURNING id::text`;
    const [p] = await prisma.$queryRaw<{ id: string }[]>`INSERT INTO projects (organization_id, name, updated_at) VALUES (${org.id}::uuid, 'p', now()) RETURNING id::text`;
    await prisma.$executeRaw`INSERT INTO runs (organization_id, project_id, external_run_id, last_measured_at, energy_kwh, updated_at)
      SELECT ${org.id}::uuid, ${p.id}::uuid, 'gone-' || i, '2025-01-01'::timestamp + (i || ' days')::interval, i, now() FROM generate_series(1, 20) i`;
    await expectEqual([org.id]);
    await prisma.$executeRaw`DELETE FROM organizations WHERE id = ${org.id}::uuid`;
    expect(await summaryRows(org.id)).toBe(0);
  });

  it("a day's rows are merged once there are 16; a writer never waits on another's open transaction", async () => {
    const a = await engineer("rdt-merge");
    await upload(a.ctx, csv([0, 1, 2].map((i) => ({ at: `2025-06-01T0${i}:00:00`, run: randomUUID(), energy: "1", emissions: "0.1" }))), "three.csv");
    const ids = (await prisma.run.findMany({ where: { organizationId: a.id }, select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);
    // 40 statements on one day: without merging, 40 rows.
    for (let i = 0; i < 40; i++) await prisma.$executeRaw`UPDATE runs SET energy_kwh = energy_kwh + 0.001 WHERE id = ${ids[i % 3]}::uuid`;
    expect(await summaryRows(a.id)).toBeLessThanOrEqual(16);
    await expectEqual([a.id]);
    // The same for runs not measured yet (the day-null rows): 20 created one by one, by 20 statements.
    const project = (await prisma.project.findFirstOrThrow({ where: { organizationId: a.id }, select: { id: true } })).id;
    for (let i = 0; i < 20; i++) await prisma.run.create({ data: { organizationId: a.id, projectId: project, externalRunId: `unmeasured-${i}` } });
    const unmeasured = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM run_day_totals WHERE organization_id = ${a.id}::uuid AND day IS NULL`;
    expect(Number(unmeasured[0].n)).toBe(20 - 15);
    await expectEqual([a.id]);
    await prisma.run.deleteMany({ where: { organizationId: a.id, externalRunId: { startsWith: "unmeasured-" } } });

    // An open transaction that just merged the day (it holds the merged rows until it commits) does not hold up a
    // second writer of the same day: lock_timeout 1 s would fail it.
    const dayRows = async () => Number((await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM run_day_totals WHERE organization_id = ${a.id}::uuid AND day = '2025-06-01'`)[0].n);
    for (let i = 0; i < 20 && (await dayRows()) !== 15; i++) await prisma.$executeRaw`UPDATE runs SET energy_kwh = energy_kwh + 0.001 WHERE id = ${ids[0]}::uuid`;
    expect(await dayRows()).toBe(15);
    await withPg(async (c1) => {
      await withPg(async (c2) => {
        await c1.query("BEGIN");
        await c1.query("UPDATE runs SET energy_kwh = energy_kwh + 0.5 WHERE id = $1", [ids[1]]); // the 16th row: c1 merges
        await c2.query("SET lock_timeout = '1s'");
        await c2.query("BEGIN");
        await c2.query("UPDATE runs SET energy_kwh = energy_kwh + 0.25 WHERE id = $1", [ids[2]]); // 17 visible to c2 (+ its own): merge skipped
        await c2.query("COMMIT");
        expect(await mismatches([a.id], c2)).toEqual([]); // c1's change is not visible yet, nor its merge
        await c1.query("COMMIT");
      });
    });
    expect(await dayRows()).toBe(2); // c1's merged row and c2's delta
    await expectEqual([a.id]);
  });
});

// Random statements on runs of two organizations, in the shapes writers use: multi-row INSERT, INSERT … ON CONFLICT
// DO UPDATE, UPDATE of totals and day (to and from unmeasured), UPDATE of nothing shown, DELETE.
const amount = fc.oneof(fc.constant(null), fc.constantFrom("0", "1", "0.5", "12.345678901234567890123456789012", "0.000000000000000000000000000001"), fc.integer({ min: 0, max: 10_000 }).map((n) => `${n}.${n % 97}`));
const day = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 800 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000 + (d % 24) * 3_600_000).toISOString()));
const op = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), org: fc.nat(1), rows: fc.array(fc.record({ key: fc.nat(30), energy: amount, emissions: amount, at: day }), { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant("update" as const), org: fc.nat(1), mod: fc.integer({ min: 1, max: 5 }), energy: amount, at: day, totalsToo: fc.boolean() }),
  fc.record({ kind: fc.constant("delete" as const), org: fc.nat(1), mod: fc.integer({ min: 2, max: 7 }) }),
);

describe("run_day_totals on random statements (fast-check)", () => {
  it("Σ per (organization, day) equals the runs after every sequence; the panels equal the scans of runs", async () => {
    const orgs = [await engineer("rdt-prop-a"), await engineer("rdt-prop-b")];
    const projects = await Promise.all(orgs.map((o) => createProject({ ctx: o.ctx, input: { name: "p" } })));
    const ids = orgs.map((o) => o.id);
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        for (const o of ops) {
          const org = ids[o.org];
          if (o.kind === "insert") {
            const rows = [...new Map(o.rows.map((r) => [r.key, r])).values()];
            await prisma.$executeRawUnsafe(
              `INSERT INTO runs (organization_id, project_id, external_run_id, last_measured_at, energy_kwh, tracker_emissions_kg_co2e, updated_at)
               SELECT $1::uuid, $2::uuid, 'k' || k, at, e, x, now() FROM unnest($3::int[], $4::timestamp[], $5::numeric[], $6::numeric[]) AS t(k, at, e, x)
               ON CONFLICT (organization_id, external_run_id) DO UPDATE SET last_measured_at = EXCLUDED.last_measured_at, energy_kwh = EXCLUDED.energy_kwh, tracker_emissions_kg_co2e = runs.tracker_emissions_kg_co2e`,
              org, projects[o.org].id, rows.map((r) => r.key), rows.map((r) => r.at), rows.map((r) => r.energy), rows.map((r) => r.emissions),
            );
          } else if (o.kind === "update") {
            await prisma.$executeRawUnsafe(
              o.totalsToo
                ? `UPDATE runs SET energy_kwh = $3::numeric, tracker_emissions_kg_co2e = coalesce(tracker_emissions_kg_co2e, 0) + 1, last_measured_at = $4::timestamp WHERE organization_id = $1::uuid AND substr(external_run_id, 2)::int % $2 = 0`
                : `UPDATE runs SET os = 'x' || $3::text || $4::text WHERE organization_id = $1::uuid AND substr(external_run_id, 2)::int % $2 = 0`,
              org, o.mod, o.energy, o.at,
            );
          } else {
            await prisma.$executeRawUnsafe(`DELETE FROM runs WHERE organization_id = $1::uuid AND substr(external_run_id, 2)::int % $2 = 0`, org, o.mod);
          }
        }
        expect(await mismatches(ids)).toEqual([]);
        for (const org of ids) expect(await trackerEnergy(prisma, org)).toEqual(await panelFromRuns(org));
      }),
      { numRuns: 40 },
    );
  });
});

describe("migration 0016's backfill", () => {
  it("sums the runs that existed before it, per organization and day (runs not measured in the null day)", async () => {
    const db = await createScratchDatabase("rdt");
    const dir = mkdtempSync(path.join(os.tmpdir(), "scopebook-rdt-"));
    try {
      cpSync(path.join(process.cwd(), "prisma", "migrations"), dir, { recursive: true });
      rmSync(path.join(dir, "0016_run_day_totals"), { recursive: true });
      await migrate(db.url, dir);
      const orgs = await withPg(async (c) => {
        const o = (await c.query<{ id: string }>(`INSERT INTO organizations (slug, name, updated_at) VALUES ('a', 'a', now()), ('b', 'b', now()) RETURNING id::text`)).rows.map((r) => r.id);
        for (const [i, org] of o.entries()) {
          const p = (await c.query<{ id: string }>(`INSERT INTO projects (organization_id, name, updated_at) VALUES ($1, 'p', now()) RETURNING id::text`, [org])).rows[0].id;
          await c.query(
            `INSERT INTO runs (organization_id, project_id, external_run_id, last_measured_at, energy_kwh, tracker_emissions_kg_co2e, updated_at)
             SELECT $1, $2, 'r' || n, CASE WHEN n % 7 = 0 THEN NULL ELSE '2025-01-01'::timestamp + ((n % 40) || ' days 3 hours')::interval END,
                    CASE WHEN n % 5 = 0 THEN NULL ELSE n / 3.0 END, n * 0.001, now() FROM generate_series(1, $3::int) n`,
            [org, p, 200 + i * 50],
          );
        }
        return o;
      }, db.url);
      await migrate(db.url, path.join(process.cwd(), "prisma", "migrations"));
      await withPg(async (c) => {
        expect(await mismatches(orgs, c)).toEqual([]);
        const n = (await c.query<{ n: string }>("SELECT count(*)::text AS n FROM run_day_totals")).rows[0].n;
        expect(Number(n)).toBe(82); // 40 days + the unmeasured day, per organization
      }, db.url);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await db.drop();
    }
  });
});
