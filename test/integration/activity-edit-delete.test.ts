// Editing and deleting activity records and instruments (decision 0021), and records spanning months, through the
// services on the real database: entry checks on edit (422 field and reason), roles, tenancy, audit before/after in
// the chain, OPEN periods recalculated, CLOSED periods stale with their stated lines still naming the deleted record.
import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/client";
import { createActivity } from "../../lib/services/activity/create-activity";
import { createInstrument } from "../../lib/services/activity/create-instrument";
import { deleteActivity } from "../../lib/services/activity/delete-activity";
import { deleteInstrument } from "../../lib/services/activity/delete-instrument";
import { listActivities } from "../../lib/services/activity/list-activities";
import { listInstruments } from "../../lib/services/activity/list-instruments";
import { updateActivity } from "../../lib/services/activity/update-activity";
import { updateInstrument } from "../../lib/services/activity/update-instrument";
import { getInventory } from "../../lib/services/inventory/get-inventory";
import { getLedgerLines } from "../../lib/services/inventory/get-ledger-lines";
import { getPeriodStaleness } from "../../lib/services/inventory/get-period-staleness";
import { recalculateAndCheck } from "../../lib/services/inventory/recalculate-and-check";
import { updateReportingPeriod } from "../../lib/services/periods/update-reporting-period";
import { verifyAuditChain } from "../../lib/services/audit/verify-audit-chain";
import { createTestOrg } from "../helpers/db";
import { expectAppError } from "../helpers/errors";
import { factorDataset, factorRow, period } from "../helpers/ledger";

const SITE = "Warsaw office";
const ENTRY = { periodStart: "2025-03-01", periodEnd: "2025-03-31", site: SITE, category: "electricity", quantity: "30", unit: "kWh" };
const GO = { type: "go", volumeMwh: "0.01", market: "POL", vintageStart: "2025-01-01", vintageEnd: "2025-12-31", trackingSystem: "AIB-EECS", certificateId: "PL-1", retiredOnBehalf: "yes", emissionRateKgCo2ePerKwh: "0" };

/** An organization with a site on the Polish grid: 0.4 kgCO2e/kWh in 2025 (custom, as 0.0004 t), 0.7 in 2024. */
async function polishOrg(prefix: string) {
  const org = await createTestOrg(prefix);
  const o = org.organization.id;
  const ds = await factorDataset(o, "Custom PL");
  await factorRow(ds.id, o, { keyType: "COUNTRY", key: "POL", value: "0.4", year: 2025, sourceValue: "0.0004", sourceUnit: "tCO2e/kWh" });
  await factorRow(ds.id, o, { keyType: "COUNTRY", key: "POL", value: "0.7", year: 2024 });
  await prisma.site.create({ data: { organizationId: o, name: SITE, countryIsoCode: "POL", market: "POL" } });
  return { org, o, officer: await org.ctx("OFFICER") };
}

type Ctx = Awaited<ReturnType<typeof polishOrg>>["officer"];
const e16 = async (ctx: Ctx, periodId: string) => {
  const inv = await getInventory({ ctx, input: { periodId } });
  return { version: inv.version?.number ?? null, lb: inv.e16?.scope2LbKgCo2e ?? null, mb: inv.e16?.scope2MbKgCo2e ?? null };
};
const auditOf = (o: string, entityId: string) => prisma.auditEvent.findMany({ where: { organizationId: o, entityId }, orderBy: { seq: "asc" } });

describe("activity records spanning months", () => {
  it("31 kWh over 2024-12-17..2025-01-16 = 15 kWh in FY2024 (× 0.7 = 10.5 kgCO2e) + 16 kWh in FY2025 (× 0.4 = 6.4 kgCO2e), each a pro-rated line, never twice", async () => {
    const { o, officer } = await polishOrg("span-fy");
    const fy24 = await period(o, "FY2024", "2024-01-01", "2024-12-31");
    const fy25 = await period(o, "FY2025", "2025-01-01", "2025-12-31");
    await createActivity({ ctx: officer, input: { ...ENTRY, periodStart: "2024-12-17", periodEnd: "2025-01-16", quantity: "31" } });
    // Both OPEN periods overlap the bill: both were recalculated by the entry.
    expect(await e16(officer, fy24.id)).toMatchObject({ version: 1, lb: "10.5" });
    expect(await e16(officer, fy25.id)).toMatchObject({ version: 1, lb: "6.4" });
    const lines = (await getLedgerLines({ ctx: officer, input: { periodId: fy25.id, scope: "SCOPE_2", view: "lb" } })).lines;
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ month: "2025-01", activityQuantity: "16", emissionsKgCo2e: "6.4" });
    expect(lines[0].qualityFlags).toContain("pro-rata-by-days");
    expect(lines[0].resolution).toContain("16/31 days (2025-01-01..2025-01-16) of 31 kWh over 2024-12-17..2025-01-16");
  });
});

describe("editing an activity record", () => {
  it("an officer edits 30 kWh → 45 kWh: the OPEN period goes 12 → 18 kgCO2e (45 × 0.4) at once, audited before/after in the chain", async () => {
    const { o, officer } = await polishOrg("edit-act");
    const p = await period(o);
    const created = await createActivity({ ctx: officer, input: ENTRY });
    expect(await e16(officer, p.id)).toMatchObject({ lb: "12" });
    const edited = await updateActivity({ ctx: officer, input: { id: created.id, quantity: "45", note: "corrected meter reading" } });
    expect(edited).toMatchObject({ id: created.id, quantity: "45", normalizedQuantity: "45", note: "corrected meter reading", periodStart: "2025-03-01", site: SITE });
    expect(await e16(officer, p.id)).toMatchObject({ version: 1, lb: "18" });
    expect((await getPeriodStaleness({ ctx: officer, input: { periodId: p.id } })).stale).toBe(false);
    const events = await auditOf(o, created.id);
    expect(events.map((e) => e.action)).toEqual(["activity.created", "activity.updated"]);
    expect(events[1].before).toMatchObject({ quantity: "30", note: null });
    expect(events[1].after).toMatchObject({ quantity: "45", note: "corrected meter reading" });
    expect((await verifyAuditChain({ ctx: officer })).ok).toBe(true);
  });

  it("two edits at once are serialised on the row: the second's audited 'before' is the first's 'after' (30 → 31 → 32, in either order)", async () => {
    const { o, officer } = await polishOrg("edit-race");
    const created = await createActivity({ ctx: officer, input: ENTRY });
    await Promise.all([updateActivity({ ctx: officer, input: { id: created.id, quantity: "31" } }), updateActivity({ ctx: officer, input: { id: created.id, quantity: "32" } })]);
    const [first, second] = (await auditOf(o, created.id)).filter((e) => e.action === "activity.updated");
    expect((first.before as { quantity: string }).quantity).toBe("30");
    expect((second.before as { quantity: string }).quantity).toBe((first.after as { quantity: string }).quantity);
    const row = await prisma.activityRecord.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.quantity.toFixed()).toBe((second.after as { quantity: string }).quantity);
  });

  it("moving a record from 2025 to 2024 recalculates both OPEN periods: FY2025 12 → 0 kgCO2e, FY2024 0 → 21 kgCO2e (30 × 0.7)", async () => {
    const { o, officer } = await polishOrg("edit-move");
    const fy24 = await period(o, "FY2024", "2024-01-01", "2024-12-31");
    const fy25 = await period(o);
    const created = await createActivity({ ctx: officer, input: ENTRY });
    expect(await e16(officer, fy25.id)).toMatchObject({ lb: "12" });
    await updateActivity({ ctx: officer, input: { id: created.id, periodStart: "2024-03-01", periodEnd: "2024-03-31" } });
    expect(await e16(officer, fy25.id)).toMatchObject({ lb: "0" });
    expect(await e16(officer, fy24.id)).toMatchObject({ lb: "21" });
  });

  it("an edit re-runs the entry check: quantity −5 and unit mWh are 422s naming quantity and unit; end before start names periodEnd; nothing changes", async () => {
    const { o, officer } = await polishOrg("edit-bad");
    const created = await createActivity({ ctx: officer, input: ENTRY });
    const bad = await expectAppError(() => updateActivity({ ctx: officer, input: { id: created.id, quantity: "-5", unit: "mWh" } }), "VALIDATION");
    expect(bad.issues.map((i) => i.field).sort()).toEqual(["quantity", "unit"]);
    const dates = await expectAppError(() => updateActivity({ ctx: officer, input: { id: created.id, periodEnd: "2025-02-01" } }), "VALIDATION");
    expect(dates.issues.map((i) => i.field)).toEqual(["periodEnd"]);
    const site = await expectAppError(() => updateActivity({ ctx: officer, input: { id: created.id, site: "Nowhere" } }), "VALIDATION");
    expect(site.issues.map((i) => i.field)).toEqual(["site"]);
    const row = await prisma.activityRecord.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.quantity.toFixed()).toBe("30");
    expect((await auditOf(o, created.id)).map((e) => e.action)).toEqual(["activity.created"]);
  });
});

describe("deleting an activity record", () => {
  it("soft: the OPEN period goes 12 → 0 kgCO2e, the list leaves it out, the row keeps deleted_at and deleted_by; a second delete or an edit is 404", async () => {
    const { o, org, officer } = await polishOrg("del-act");
    const p = await period(o);
    const created = await createActivity({ ctx: officer, input: ENTRY });
    expect(await e16(officer, p.id)).toMatchObject({ lb: "12" });
    const out = await deleteActivity({ ctx: officer, input: { id: created.id } });
    expect(out).toMatchObject({ id: created.id });
    expect(await e16(officer, p.id)).toMatchObject({ version: 1, lb: "0" });
    expect((await listActivities({ ctx: officer })).records).toEqual([]);
    const row = await prisma.activityRecord.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.deletedAt).not.toBeNull();
    expect(row.deletedById).toBe(org.users.OFFICER!.id);
    const events = await auditOf(o, created.id);
    expect(events.map((e) => e.action)).toEqual(["activity.created", "activity.deleted"]);
    expect(events[1].before).toMatchObject({ quantity: "30" });
    expect(events[1].after).toMatchObject({ quantity: "30", deletedById: org.users.OFFICER!.id });
    await expectAppError(() => deleteActivity({ ctx: officer, input: { id: created.id } }), "NOT_FOUND");
    await expectAppError(() => updateActivity({ ctx: officer, input: { id: created.id, quantity: "1" } }), "NOT_FOUND");
  });

  it("in a CLOSED period the stated 12 kgCO2e stay, the period is stale, its line says 'source record deleted on … by …'; Recalculate restates version 2 = 0", async () => {
    const { o, org, officer } = await polishOrg("del-closed");
    const p = await period(o);
    const created = await createActivity({ ctx: officer, input: ENTRY });
    await updateReportingPeriod({ ctx: officer, input: { periodId: p.id, close: true } });
    await deleteActivity({ ctx: officer, input: { id: created.id } });
    expect(await e16(officer, p.id)).toMatchObject({ version: 1, lb: "12" });
    expect(await getPeriodStaleness({ ctx: officer, input: { periodId: p.id } })).toMatchObject({ stale: true, lastChange: "activity.deleted" });
    const lines = (await getLedgerLines({ ctx: await org.ctx("AUDITOR"), input: { periodId: p.id, scope: "SCOPE_2" } })).lines;
    expect(lines.length).toBe(2);
    for (const l of lines) {
      expect(l.source.id).toBe(created.id);
      expect(l.deleted).toMatch(/^source record deleted on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC by OFFICER of .* \(officer@/);
    }
    expect(await recalculateAndCheck({ ctx: officer, input: { periodId: p.id } })).toMatchObject({ changed: true, restated: true, versionNumber: 2 });
    expect(await e16(officer, p.id)).toMatchObject({ version: 2, lb: "0" });
  });
});

describe("instruments", () => {
  it("an officer edits a GO 10 kWh → 30 kWh: MB of 30 kWh goes 8 → 0 kgCO2e (20 kWh uncovered × 0.4, then all covered); delete puts MB back to 12; audited", async () => {
    const { o, officer } = await polishOrg("inst-edit");
    const p = await period(o);
    await createActivity({ ctx: officer, input: ENTRY });
    const go = await createInstrument({ ctx: officer, input: GO });
    expect(await e16(officer, p.id)).toMatchObject({ lb: "12", mb: "8" });
    const edited = await updateInstrument({ ctx: officer, input: { id: go.id, volumeMwh: "0.03" } });
    expect(edited).toMatchObject({ volumeMwh: "0.03", certificateId: "PL-1", retiredOnBehalf: true });
    expect(await e16(officer, p.id)).toMatchObject({ lb: "12", mb: "0" });
    await deleteInstrument({ ctx: officer, input: { id: go.id } });
    expect(await e16(officer, p.id)).toMatchObject({ lb: "12", mb: "12" });
    expect((await listInstruments({ ctx: officer })).instruments).toEqual([]);
    const events = await auditOf(o, go.id);
    expect(events.map((e) => e.action)).toEqual(["instrument.created", "instrument.updated", "instrument.deleted"]);
    expect(events[1].before).toMatchObject({ volumeMwh: "0.01" });
    expect(events[1].after).toMatchObject({ volumeMwh: "0.03" });
    // The certificate stays claimed by the deleted instrument: a claim is never re-used.
    await expectAppError(() => createInstrument({ ctx: officer, input: GO }), "CONFLICT");
  });

  it("an edit re-runs the instrument check (volume 0 → 422 on volumeMwh; retired 'maybe' → 422) and the certificate claim (another's certificate → 409)", async () => {
    const { officer } = await polishOrg("inst-bad");
    const a = await createInstrument({ ctx: officer, input: GO });
    await createInstrument({ ctx: officer, input: { ...GO, certificateId: "PL-2" } });
    const bad = await expectAppError(() => updateInstrument({ ctx: officer, input: { id: a.id, volumeMwh: "0", retiredOnBehalf: "maybe" } }), "VALIDATION");
    expect(bad.issues.map((i) => i.field).sort()).toEqual(["retiredOnBehalf", "volumeMwh"]);
    const taken = await expectAppError(() => updateInstrument({ ctx: officer, input: { id: a.id, certificateId: "PL-2" } }), "CONFLICT");
    expect(taken.issues.map((i) => i.field)).toEqual(["certificateId"]);
    // Its own certificate is not a conflict.
    expect(await updateInstrument({ ctx: officer, input: { id: a.id, certificateId: "PL-1", market: "POL" } })).toMatchObject({ certificateId: "PL-1" });
  });

  it("an instrument deleted after a CLOSED period allocated it: the stated MB 0 kgCO2e stays, stale, the instrument line says 'instrument deleted on …'", async () => {
    const { o, officer } = await polishOrg("inst-closed");
    const p = await period(o);
    await createActivity({ ctx: officer, input: ENTRY });
    const go = await createInstrument({ ctx: officer, input: { ...GO, volumeMwh: "0.03" } });
    await updateReportingPeriod({ ctx: officer, input: { periodId: p.id, close: true } });
    await deleteInstrument({ ctx: officer, input: { id: go.id } });
    expect(await e16(officer, p.id)).toMatchObject({ version: 1, mb: "0" });
    expect(await getPeriodStaleness({ ctx: officer, input: { periodId: p.id } })).toMatchObject({ stale: true, lastChange: "instrument.deleted" });
    const mb = (await getLedgerLines({ ctx: officer, input: { periodId: p.id, view: "mb" } })).lines.filter((l) => l.instrument?.id === go.id);
    expect(mb).toHaveLength(1);
    expect(mb[0].deleted).toMatch(/^instrument deleted on .* UTC by OFFICER of /);
  });
});

describe("roles and tenancy", () => {
  it("engineers and auditors may not edit or delete records or instruments (403); another organization's officer gets 404; nothing changes", async () => {
    const { o, org, officer } = await polishOrg("edit-roles");
    const record = await createActivity({ ctx: officer, input: ENTRY });
    const go = await createInstrument({ ctx: officer, input: GO });
    for (const role of ["ENGINEER", "AUDITOR"] as const) {
      const ctx = await org.ctx(role);
      await expectAppError(() => updateActivity({ ctx, input: { id: record.id, quantity: "1" } }), "FORBIDDEN");
      await expectAppError(() => deleteActivity({ ctx, input: { id: record.id } }), "FORBIDDEN");
      await expectAppError(() => updateInstrument({ ctx, input: { id: go.id, volumeMwh: "1" } }), "FORBIDDEN");
      await expectAppError(() => deleteInstrument({ ctx, input: { id: go.id } }), "FORBIDDEN");
    }
    const other = await polishOrg("edit-other");
    await expectAppError(() => updateActivity({ ctx: other.officer, input: { id: record.id, quantity: "1" } }), "NOT_FOUND");
    await expectAppError(() => deleteActivity({ ctx: other.officer, input: { id: record.id } }), "NOT_FOUND");
    await expectAppError(() => updateInstrument({ ctx: other.officer, input: { id: go.id, volumeMwh: "1" } }), "NOT_FOUND");
    await expectAppError(() => deleteInstrument({ ctx: other.officer, input: { id: go.id } }), "NOT_FOUND");
    await expectAppError(() => deleteActivity({ ctx: officer, input: { id: "not-a-uuid" } }), "NOT_FOUND");
    expect((await prisma.activityRecord.findUniqueOrThrow({ where: { id: record.id } })).quantity.toFixed()).toBe("30");
    expect((await prisma.contractualInstrument.findUniqueOrThrow({ where: { id: go.id } })).deletedAt).toBeNull();
    expect((await prisma.auditEvent.findMany({ where: { organizationId: o, action: { in: ["activity.updated", "activity.deleted", "instrument.updated", "instrument.deleted"] } } }))).toEqual([]);
  });
});
