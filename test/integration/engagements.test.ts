// Engagements (decision 0027) on the real database: validation naming the field, auditors and periods of the same
// organization, the scope of an auditor of E1 (FY2024) — 404 for FY2025 on every period-bound read, 404 in another
// organization —, the access log, readable audit events with filters and keyset pagination.
import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/client";
import { createActivity } from "../../lib/services/activity/create-activity";
import { createEngagement } from "../../lib/services/assurance/create-engagement";
import { getAssuranceOverview } from "../../lib/services/assurance/get-assurance-overview";
import { listAccessLog } from "../../lib/services/assurance/list-access-log";
import { listEngagements } from "../../lib/services/assurance/list-engagements";
import { updateEngagement } from "../../lib/services/assurance/update-engagement";
import { listAuditEvents } from "../../lib/services/audit/list-audit-events";
import { getDashboardInventory } from "../../lib/services/inventory/get-dashboard";
import { getInventory } from "../../lib/services/inventory/get-inventory";
import { getLedgerLines } from "../../lib/services/inventory/get-ledger-lines";
import { getPeriodStaleness } from "../../lib/services/inventory/get-period-staleness";
import { getRecalculationProgress } from "../../lib/services/inventory/get-recalculation-progress";
import { recalculateAndCheck } from "../../lib/services/inventory/recalculate-and-check";
import { listReportingPeriods } from "../../lib/services/periods/list-reporting-periods";
import { exportDatapoints } from "../../lib/services/reporting/export-datapoints";
import { getReportDocument } from "../../lib/services/reporting/get-report-document";
import { renderE1Report } from "../../lib/services/reporting/render-e1-report";
import { createTestOrg } from "../helpers/db";
import { expectAppError } from "../helpers/errors";
import { factorDataset, factorRow } from "../helpers/ledger";

const SITE = "Kraków office";

async function twoYears(prefix: string) {
  const org = await createTestOrg(prefix, ["ADMIN", "OFFICER", "AUDITOR"], { engagement: false });
  const o = org.organization.id;
  const ds = await factorDataset(o, "PL");
  for (const year of [2024, 2025]) await factorRow(ds.id, o, { keyType: "COUNTRY", key: "POL", value: "0.5", year });
  await prisma.site.create({ data: { organizationId: o, name: SITE, countryIsoCode: "POL", market: "POL" } });
  const mk = (name: string, y: number) => prisma.reportingPeriod.create({ data: { organizationId: o, name, startDate: new Date(`${y}-01-01T00:00:00Z`), endDate: new Date(`${y}-12-31T00:00:00Z`), consolidationApproach: "OPERATIONAL_CONTROL" } });
  const fy24 = await mk("FY2024", 2024);
  const fy25 = await mk("FY2025", 2025);
  const officer = await org.ctx("OFFICER");
  for (const y of [2024, 2025]) await createActivity({ ctx: officer, input: { periodStart: `${y}-03-01`, periodEnd: `${y}-03-31`, site: SITE, category: "electricity", quantity: "100", unit: "kWh" } });
  for (const p of [fy24, fy25]) await recalculateAndCheck({ ctx: officer, input: { periodId: p.id } });
  const auditorMembership = await prisma.membership.findFirstOrThrow({ where: { organizationId: o, role: "AUDITOR" }, select: { id: true } });
  return { org, o, fy24, fy25, officer, auditor: await org.ctx("AUDITOR"), admin: await org.ctx("ADMIN"), auditorMembershipId: auditorMembership.id };
}

const e1 = (periodIds: string[], auditorMembershipIds: string[], over: Record<string, unknown> = {}) => ({
  name: "E1 limited assurance", firm: "Nordic Assurance Partners", startDate: "2025-01-15", endDate: "2025-04-30",
  overallTCo2e: "5", performanceTCo2e: "3.75", clearlyTrivialTCo2e: "0.25", periodIds, auditorMembershipIds, ...over,
});

describe("engagements", () => {
  it("validates materiality (overall ≥ performance ≥ clearly trivial > 0), dates, periods and auditors, naming the field; nothing written", async () => {
    const { o, fy24, officer, admin, auditor, auditorMembershipId } = await twoYears("eng-valid");
    const adminMembership = await prisma.membership.findFirstOrThrow({ where: { organizationId: o, role: "ADMIN" }, select: { id: true } });
    const issues = async (over: Record<string, unknown>) => (await expectAppError(() => createEngagement({ ctx: officer, input: e1([fy24.id], [auditorMembershipId], over) }), "VALIDATION")).issues.map((i) => i.field);
    expect(await issues({ performanceTCo2e: "6" })).toEqual(["performanceTCo2e"]);
    expect(await issues({ clearlyTrivialTCo2e: "4" })).toEqual(["clearlyTrivialTCo2e"]);
    expect(await issues({ overallTCo2e: "0" })).toEqual(["overallTCo2e"]);
    expect(await issues({ clearlyTrivialTCo2e: "-1" })).toEqual(["clearlyTrivialTCo2e"]);
    expect(await issues({ endDate: "2024-12-31" })).toEqual(["endDate"]);
    expect(await issues({ periodIds: [] })).toEqual(["periodIds"]);
    expect(await issues({ auditorMembershipIds: [adminMembership.id] })).toEqual(["auditorMembershipIds"]);
    const other = await createTestOrg("eng-valid-other", ["ADMIN", "AUDITOR"], { engagement: false });
    const otherPeriod = await prisma.reportingPeriod.create({ data: { organizationId: other.organization.id, name: "X", startDate: new Date("2024-01-01"), endDate: new Date("2024-12-31"), consolidationApproach: "OPERATIONAL_CONTROL" } });
    const otherAuditor = await prisma.membership.findFirstOrThrow({ where: { organizationId: other.organization.id, role: "AUDITOR" } });
    expect(await issues({ periodIds: [otherPeriod.id] })).toEqual(["periodIds"]);
    expect(await issues({ auditorMembershipIds: [otherAuditor.id] })).toEqual(["auditorMembershipIds"]);
    await expectAppError(() => createEngagement({ ctx: auditor, input: e1([fy24.id], [auditorMembershipId]) }), "FORBIDDEN");
    expect(await prisma.engagement.count({ where: { organizationId: o } })).toBe(0);

    const created = await createEngagement({ ctx: admin, input: e1([fy24.id], [auditorMembershipId]) });
    expect(created.overallMaterialityKgCo2e).toBe("5000");
    expect(created.performanceMaterialityKgCo2e).toBe("3750");
    expect(created.clearlyTrivialKgCo2e).toBe("250");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { organizationId: o, action: "engagement.created" } });
    expect(event.entityId).toBe(created.id);
    await expectAppError(() => createEngagement({ ctx: officer, input: e1([fy24.id], []) }), "CONFLICT");
    const bad = await expectAppError(() => updateEngagement({ ctx: officer, input: { engagementId: created.id, overallTCo2e: "3" } }), "VALIDATION");
    expect(bad.issues.map((i) => i.field)).toEqual(["performanceTCo2e"]);
    const changed = await updateEngagement({ ctx: officer, input: { engagementId: created.id, overallTCo2e: "8", performanceTCo2e: "6" } });
    expect(changed.overallMaterialityKgCo2e).toBe("8000");
    expect(changed.periods.map((p) => p.name)).toEqual(["FY2024"]);
    const otherAdmin = await other.ctx("ADMIN");
    await expectAppError(() => updateEngagement({ ctx: otherAdmin, input: { engagementId: created.id, name: "x" } }), "NOT_FOUND");
  });

  it("an auditor of E1 (FY2024) gets 404 for FY2025 on every period-bound read, sees only FY2024 in lists, and nothing of another organization", async () => {
    const { fy24, fy25, officer, auditor, auditorMembershipId } = await twoYears("eng-scope");
    // Without an engagement: no period at all.
    expect(await listReportingPeriods({ ctx: auditor })).toEqual([]);
    await expectAppError(() => getInventory({ ctx: auditor, input: { periodId: fy24.id } }), "NOT_FOUND");
    await createEngagement({ ctx: officer, input: e1([fy24.id], [auditorMembershipId]) });
    expect((await listReportingPeriods({ ctx: auditor })).map((p) => p.name)).toEqual(["FY2024"]);
    expect((await listReportingPeriods({ ctx: officer })).map((p) => p.name)).toEqual(["FY2025", "FY2024"]);
    expect((await getInventory({ ctx: auditor, input: { periodId: fy24.id } })).period.name).toBe("FY2024");
    const reads: [string, (periodId: string) => Promise<unknown>][] = [
      ["getInventory", (periodId) => getInventory({ ctx: auditor, input: { periodId } })],
      ["getLedgerLines", (periodId) => getLedgerLines({ ctx: auditor, input: { periodId } })],
      ["getPeriodStaleness", (periodId) => getPeriodStaleness({ ctx: auditor, input: { periodId } })],
      ["getRecalculationProgress", (periodId) => getRecalculationProgress({ ctx: auditor, input: { periodId } })],
      ["getReportDocument", (periodId) => getReportDocument({ ctx: auditor, input: { periodId } })],
      ["exportDatapoints", (periodId) => exportDatapoints({ ctx: auditor, input: { periodId, format: "csv" } })],
      ["renderE1Report", (periodId) => renderE1Report({ ctx: auditor, input: { periodId } })],
      ["getDashboardInventory", (period) => getDashboardInventory({ ctx: auditor, input: { period } })],
    ];
    for (const [name, read] of reads) {
      await expect(read(fy24.id), name).resolves.toBeDefined();
      await expectAppError(() => read(fy25.id), "NOT_FOUND");
    }
    const dash = await getDashboardInventory({ ctx: auditor });
    expect(dash.periods.map((p) => p.name)).toEqual(["FY2024"]);
    expect(dash.selectedPeriodId).toBe(fy24.id);
    // Another organization's auditor: 404 on both.
    const other = await createTestOrg("eng-scope-other", ["ADMIN", "AUDITOR"]);
    const stranger = await other.ctx("AUDITOR");
    await expectAppError(() => getInventory({ ctx: stranger, input: { periodId: fy24.id } }), "NOT_FOUND");
    await expectAppError(() => getReportDocument({ ctx: stranger, input: { periodId: fy24.id } }), "NOT_FOUND");
    await expectAppError(() => getLedgerLines({ ctx: stranger, input: { periodId: fy24.id } }), "NOT_FOUND");
    // The auditor's audit trail: events of FY2024 and its versions, and of their engagement; none of FY2025.
    const events = (await listAuditEvents({ ctx: auditor, input: { take: 500 } })).events;
    expect(events.some((e) => e.entityId === fy24.id || e.sentence.includes("FY2024"))).toBe(true);
    expect(events.some((e) => e.sentence.includes("FY2025") || e.entityId === fy25.id)).toBe(false);
    expect((await listEngagements({ ctx: auditor })).map((e) => e.name)).toEqual(["E1 limited assurance"]);
  });

  it("logs the auditor's views and downloads; they see their own, officers see everyone's", async () => {
    const { fy24, officer, auditor, auditorMembershipId } = await twoYears("eng-access");
    await createEngagement({ ctx: officer, input: e1([fy24.id], [auditorMembershipId]) });
    await getAssuranceOverview({ ctx: auditor });
    await renderE1Report({ ctx: auditor, input: { periodId: fy24.id } });
    await exportDatapoints({ ctx: auditor, input: { periodId: fy24.id, format: "json" } });
    const mine = await listAccessLog({ ctx: auditor });
    expect(mine.entries.map((e) => e.action)).toEqual(["datapoints.json", "report.pdf", "assurance.viewed"]);
    expect(mine.entries[0].periodName).toBe("FY2024");
    expect(mine.entries[0].requestId).toBe(auditor.requestId);
    expect((await listAccessLog({ ctx: officer })).entries).toEqual([]);
    expect((await listAccessLog({ ctx: officer, input: { who: "all" } })).entries).toHaveLength(3);
    expect((await listAccessLog({ ctx: auditor, input: { who: "all" } })).all).toBe(false);
    await expect(prisma.$executeRaw`UPDATE access_log_entries SET action = 'x'`).rejects.toThrow(/append-only/);
  });

  it("audit events read as sentences, filter by action, entity type and actor, and page by seq", async () => {
    const { o, fy24, officer, admin, auditorMembershipId } = await twoYears("eng-audit");
    await createEngagement({ ctx: officer, input: e1([fy24.id], [auditorMembershipId]) });
    const all = await listAuditEvents({ ctx: admin, input: { take: 500 } });
    const created = all.events.find((e) => e.action === "engagement.created")!;
    expect(created.sentence).toBe(`OFFICER of ${officer.organization.slug} opened the engagement E1 limited assurance`);
    const recalculated = all.events.find((e) => e.action === "period.recalculated")!;
    expect(recalculated.sentence).toMatch(/recalculated FY202[45], version 1/);
    const filtered = await listAuditEvents({ ctx: admin, input: { action: "period.recalculated" } });
    expect(filtered.events.map((e) => e.action)).toEqual(["period.recalculated", "period.recalculated"]);
    expect((await listAuditEvents({ ctx: admin, input: { entityType: "Engagement" } })).events).toHaveLength(1);
    expect((await listAuditEvents({ ctx: admin, input: { actor: officer.userId! } })).events.every((e) => e.actorUserId === officer.userId)).toBe(true);
    const first = await listAuditEvents({ ctx: admin, input: { take: 2 } });
    expect(first.events).toHaveLength(2);
    const second = await listAuditEvents({ ctx: admin, input: { take: 2, beforeSeq: first.nextBeforeSeq! } });
    expect(second.events[0].seq).toBe(first.events[1].seq - 1);
    expect((await listAuditEvents({ ctx: admin, input: { from: "2999-01-01" } })).events).toEqual([]);
    await expectAppError(() => listAuditEvents({ ctx: admin, input: { from: "yesterday" } }), "VALIDATION");
    expect(o).toBeTruthy();
  });
});
