// A recalculation's progress where it runs (decision 0026): while a recalculation waits for another one of the same
// period, its progress row says so (running, step 1 of 7) and is visible to another connection, as the polling page
// sees it; when it ends the row says done with every step; a failed one says failed with the reason; a row its
// process left behind (no write for longer than the recalculation's timeout) is not running. Only the period's own
// organization reads it.
import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/client";
import { getRecalculationProgress } from "../../lib/services/inventory/get-recalculation-progress";
import { recalculationProgress } from "../../lib/services/inventory/ledger/progress";
import { RECALCULATION_TIMEOUT_MS, recalculatePeriod } from "../../lib/services/inventory/recalculate-period";
import { RECALCULATION_PHASES, RECALCULATION_STEPS } from "../../lib/views/recalculation";
import { createTestOrg } from "../helpers/db";
import { expectAppError } from "../helpers/errors";
import { factorDataset, factorRow, period, project, runRow } from "../helpers/ledger";

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("condition not reached in 10 s");
}

describe("recalculation progress", () => {
  it("shows the phase while it runs (blocked behind another recalculation of the period), then done; other organizations see nothing", async () => {
    const org = await createTestOrg("recalc-progress", ["ADMIN", "OFFICER"]);
    const other = await createTestOrg("recalc-progress-other", ["OFFICER"]);
    const o = org.organization.id;
    const ds = await factorDataset(o, "Progress grid");
    await factorRow(ds.id, o, { keyType: "COUNTRY", key: "USA", value: "0.4" });
    const p = await period(o);
    await runRow(o, (await project(o)).id, { energyKwh: "30", countryIsoCode: "USA" });
    const ctx = await org.ctx("OFFICER");
    expect(await getRecalculationProgress({ ctx, input: { periodId: p.id } })).toBeNull();

    // Hold the period's recalculation lock from another transaction: the recalculation waits behind it.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${p.id}::text, 8))`;
      locked();
      await held;
    });
    await isLocked;
    const running = recalculatePeriod({ ctx, input: { periodId: p.id } });
    const waiting = await until(() => getRecalculationProgress({ ctx, input: { periodId: p.id } }), (v) => v !== null);
    expect(waiting).toMatchObject({ phase: "waiting", label: RECALCULATION_PHASES.waiting, step: 0, steps: RECALCULATION_STEPS, percent: 0, running: true, finishedAt: null, error: null });
    expect(await getRecalculationProgress({ ctx: await other.ctx("OFFICER"), input: { periodId: p.id } })).toBeNull();
    release();
    await holder;
    const outcome = await running;
    expect(outcome).toMatchObject({ changed: true, versionNumber: 1 });
    const done = await getRecalculationProgress({ ctx, input: { periodId: p.id } });
    expect(done).toMatchObject({ phase: "done", label: "Recalculated", step: RECALCULATION_STEPS, percent: 100, running: false, error: null });
    expect(done!.finishedAt).not.toBeNull();
  });

  it("a recalculation that fails says so with its reason; one left behind by a stopped process is not running", async () => {
    const org = await createTestOrg("recalc-progress-fail", ["ADMIN", "OFFICER", "ENGINEER"]);
    const p = await period(org.organization.id);
    const ctx = await org.ctx("OFFICER");
    // The reporter as recalculatePeriod uses it: it reached "runs", then failed with the API's message.
    const reporter = recalculationProgress(org.organization.id, p.id, null);
    await reporter.at("runs");
    await reporter.finish("Cannot recalculate: a provider record supersedes one that is not there.");
    expect(await getRecalculationProgress({ ctx, input: { periodId: p.id } })).toMatchObject({
      phase: "failed", label: "The recalculation failed", step: 2, running: false, error: "Cannot recalculate: a provider record supersedes one that is not there.",
    });
    await recalculatePeriod({ ctx, input: { periodId: p.id } });
    // A row as a killed process leaves it: mid-phase, last written longer ago than a recalculation may run.
    const stale = new Date(Date.now() - RECALCULATION_TIMEOUT_MS - 60_000);
    await prisma.recalculationProgress.update({ where: { periodId: p.id }, data: { phase: "writing", step: 4, finishedAt: null, updatedAt: stale } });
    expect(await getRecalculationProgress({ ctx, input: { periodId: p.id } })).toMatchObject({ phase: "failed", running: false, step: 4 });
    // A period of another organization is not found, and no progress is written for it.
    const other = await createTestOrg("recalc-progress-fail-other", ["OFFICER"]);
    const foreign = await period(other.organization.id);
    await expectAppError(() => recalculatePeriod({ ctx, input: { periodId: foreign.id } }), "NOT_FOUND");
    expect(await prisma.recalculationProgress.count({ where: { periodId: foreign.id } })).toBe(0);
  });
});
