// Recalculation triggered after changes (lib/services/inventory/recalculate-after-change.ts) and the stale signal
// (get-period-staleness.ts), on the real database. Golden numbers in the test names.
import { describe, expect, it, vi } from "vitest";
import { prisma } from "../../lib/db/client";
import { createActivity } from "../../lib/services/activity/create-activity";
import { createCloudMapping } from "../../lib/services/cloud-mappings/create-cloud-mapping";
import { getInventory } from "../../lib/services/inventory/get-inventory";
import { getPeriodStaleness } from "../../lib/services/inventory/get-period-staleness";
import { recalculateAndCheck } from "../../lib/services/inventory/recalculate-and-check";
import { updateReportingPeriod } from "../../lib/services/periods/update-reporting-period";
import { uploadCodecarbonFile } from "../../lib/services/imports/upload-codecarbon-file";
import { createTestOrg, smallCodecarbonCsv } from "../helpers/db";
import { fixtureBytes } from "../helpers/fixtures";
import { factorDataset, factorRow, period, project } from "../helpers/ledger";

// Failure injection only: recalculatePeriod is the real one unless a test asks the next call to fail.
const failNext = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../lib/services/inventory/recalculate-period", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../lib/services/inventory/recalculate-period")>();
  return {
    ...real,
    recalculatePeriod: async (args: Parameters<typeof real.recalculatePeriod>[0]) => {
      if (failNext.count > 0) {
        failNext.count--;
        throw new Error("injected recalculation failure");
      }
      return real.recalculatePeriod(args);
    },
  };
});

const SITE = "us-east training cluster";
const ENTRY = { periodStart: "2025-03-01", periodEnd: "2025-03-31", site: SITE, category: "electricity", quantity: "30", unit: "kWh" };

/** An organization with the worked example's factor (0.0004 tCO2e/kWh = 0.4 kgCO2e/kWh for US-EAST) and site. */
async function workedExampleOrg(prefix: string) {
  const org = await createTestOrg(prefix, ["ADMIN", "OFFICER", "ENGINEER"]);
  const o = org.organization.id;
  const ds = await factorDataset(o, "Custom US-East");
  await factorRow(ds.id, o, { keyType: "GRID_REGION", key: "US-EAST", value: "0.4", sourceValue: "0.0004", sourceUnit: "tCO2e/kWh" });
  await prisma.site.create({ data: { organizationId: o, name: SITE, countryIsoCode: "USA", gridRegion: "US-EAST" } });
  return { org, o, officer: await org.ctx("OFFICER"), engineer: await org.ctx("ENGINEER") };
}

const figures = async (ctx: Awaited<ReturnType<typeof workedExampleOrg>>["officer"], periodId: string) => {
  const inv = await getInventory({ ctx, input: { periodId } });
  return { version: inv.version?.number ?? null, s2Lb: inv.e16?.scope2LbKgCo2e ?? null, unresolved: inv.e16?.unresolvedLines ?? null };
};
const stale = async (ctx: Awaited<ReturnType<typeof workedExampleOrg>>["officer"], periodId: string) => getPeriodStaleness({ ctx, input: { periodId } });

describe("recalculation after a change", () => {
  it("an officer's activity entry updates the OPEN period at once: 30 kWh × 0.0004 tCO2e/kWh = 12 kgCO2e, not stale; an entry of another year leaves it", async () => {
    const { o, officer } = await workedExampleOrg("trig-act");
    const p = await period(o);
    const other = await period(o, "FY2024", "2024-01-01", "2024-12-31");
    await createActivity({ ctx: officer, input: ENTRY });
    expect(await figures(officer, p.id)).toEqual({ version: 1, s2Lb: "12", unresolved: 0 });
    expect(await stale(officer, p.id)).toEqual({ stale: false, inputsChangedAt: null, lastChange: null });
    // FY2024 does not overlap March 2025: it was not calculated.
    expect(await figures(officer, other.id)).toMatchObject({ version: null });

    await createActivity({ ctx: officer, input: { ...ENTRY, periodStart: "2024-06-01", periodEnd: "2024-06-30", quantity: "10" } });
    expect(await figures(officer, p.id)).toEqual({ version: 1, s2Lb: "12", unresolved: 0 });
    expect((await stale(officer, p.id)).stale).toBe(false); // an entry outside FY2025 is not its input
    // FY2024 was calculated (the custom factor is of 2025: the 10 kWh take the shipped USA grid factor there).
    expect(await figures(officer, other.id)).toMatchObject({ version: 1, unresolved: 0 });
  });

  it("an engineer's CodeCarbon import leaves the figures (12 kgCO2e) and shows the period stale; the officer's Recalculate updates and clears it", async () => {
    const { o, officer, engineer } = await workedExampleOrg("trig-eng");
    const p = await period(o);
    await createActivity({ ctx: officer, input: ENTRY });
    const before = new Date();
    await uploadCodecarbonFile({ ctx: engineer, input: { fileName: "emissions.csv", contentType: "text/csv", bytes: smallCodecarbonCsv(2), maxBytes: 1_000_000 } });
    expect(await figures(officer, p.id)).toEqual({ version: 1, s2Lb: "12", unresolved: 0 });
    const s = await stale(engineer, p.id);
    expect(s).toMatchObject({ stale: true, lastChange: "import.committed" });
    expect(new Date(s.inputsChangedAt!).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);

    // The run (March 2025, no location) is a new, unresolved line: the figures change and the signal clears.
    const out = await recalculateAndCheck({ ctx: officer, input: { periodId: p.id } });
    expect(out).toMatchObject({ changed: true, versionNumber: 1, unresolvedLines: 2 }); // its LB line and MB consumption
    expect((await stale(officer, p.id)).stale).toBe(false);
  });

  it("an officer's import commits, then recalculates the OPEN period: the worked example's activity CSV = 12 kgCO2e", async () => {
    const { o, officer } = await workedExampleOrg("trig-imp");
    const p = await period(o);
    await uploadCodecarbonFile({ ctx: officer, input: { fileName: "seed-worked-example.csv", contentType: "text/csv", bytes: fixtureBytes("activity/seed-worked-example.csv"), maxBytes: 1_000_000 } });
    expect(await figures(officer, p.id)).toEqual({ version: 1, s2Lb: "12", unresolved: 0 });
    expect((await stale(officer, p.id)).stale).toBe(false);
  });

  it("a change that leaves the figures as they are: Recalculate finds nothing to change and records the check (period.checked); the signal clears", async () => {
    const { o, officer, engineer } = await workedExampleOrg("trig-chk");
    const p = await period(o);
    await createActivity({ ctx: officer, input: ENTRY });
    // An engineer's cloud mapping (no provider rows yet): an input changed, the figures cannot have.
    const proj = await project(o);
    await createCloudMapping({ ctx: engineer, input: { provider: "GCP", matchType: "BILLING_ACCOUNT", matchValue: "0000-AAAA", projectId: proj.id } });
    expect(await stale(officer, p.id)).toMatchObject({ stale: true, lastChange: "cloudMapping.created" });
    const out = await recalculateAndCheck({ ctx: officer, input: { periodId: p.id } });
    expect(out).toMatchObject({ changed: false, versionNumber: 1 });
    expect((await stale(officer, p.id)).stale).toBe(false);
    expect(await prisma.auditEvent.count({ where: { organizationId: o, action: "period.checked" } })).toBe(1);
    // Nothing to vouch for: a second press writes nothing.
    await recalculateAndCheck({ ctx: officer, input: { periodId: p.id } });
    expect(await prisma.auditEvent.count({ where: { organizationId: o, action: "period.checked" } })).toBe(1);
  });

  it("a CLOSED period is never restated automatically: an officer's entry leaves version 1 (12 kgCO2e) and shows stale; Recalculate restates as version 2 (12 + 30 × 0.4 = 24 kgCO2e)", async () => {
    const { o, officer } = await workedExampleOrg("trig-closed");
    const p = await period(o);
    await createActivity({ ctx: officer, input: ENTRY });
    await updateReportingPeriod({ ctx: officer, input: { periodId: p.id, close: true } });
    await createActivity({ ctx: officer, input: { ...ENTRY, periodStart: "2025-04-01", periodEnd: "2025-04-30" } });
    expect(await figures(officer, p.id)).toEqual({ version: 1, s2Lb: "12", unresolved: 0 });
    expect(await prisma.calculationVersion.count({ where: { organizationId: o, periodId: p.id } })).toBe(1);
    expect(await stale(officer, p.id)).toMatchObject({ stale: true, lastChange: "activity.created" });
    expect(await recalculateAndCheck({ ctx: officer, input: { periodId: p.id } })).toMatchObject({ changed: true, restated: true, versionNumber: 2 });
    expect(await figures(officer, p.id)).toEqual({ version: 2, s2Lb: "24", unresolved: 0 });
    expect((await stale(officer, p.id)).stale).toBe(false);
  });

  it("a recalculation that fails never undoes the change: the entry is kept and the period shows stale", async () => {
    const { o, officer } = await workedExampleOrg("trig-fail");
    const p = await period(o);
    await createActivity({ ctx: officer, input: ENTRY });
    // The next recalculation fails (injected: the database and the rules refuse bad data before it gets this far).
    failNext.count = 1;
    const entry = await createActivity({ ctx: officer, input: { ...ENTRY, quantity: "5" } });
    expect(failNext.count).toBe(0);
    expect(await prisma.activityRecord.count({ where: { organizationId: o, id: entry.id } })).toBe(1);
    expect(await figures(officer, p.id)).toEqual({ version: 1, s2Lb: "12", unresolved: 0 });
    expect(await stale(officer, p.id)).toMatchObject({ stale: true, lastChange: "activity.created" });
  });
});
