// Reporting periods: officers create, enter revenue, close; bad input is a 422 with field and reason, nothing written.
import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/client";
import { createReportingPeriod } from "../../lib/services/periods/create-reporting-period";
import { listReportingPeriods } from "../../lib/services/periods/list-reporting-periods";
import { recalculatePeriod } from "../../lib/services/inventory/recalculate-period";
import { setRestatementReason } from "../../lib/services/inventory/set-restatement-reason";
import { updateReportingPeriod } from "../../lib/services/periods/update-reporting-period";
import { createTestOrg } from "../helpers/db";
import { expectAppError } from "../helpers/errors";

describe("reporting periods", () => {
  it("officer creates FY2025 with revenue 1250000.50, closes it once; audited; the auditor lists it", async () => {
    const org = await createTestOrg("periods-ok", ["ADMIN", "OFFICER", "AUDITOR"]);
    const ctx = await org.ctx("OFFICER");
    const { id } = await createReportingPeriod({ ctx, input: { name: "FY2025", startDate: "2025-01-01", endDate: "2025-12-31", netRevenue: "1250000.50" } });
    await updateReportingPeriod({ ctx, input: { periodId: id, close: true } });
    await expectAppError(() => updateReportingPeriod({ ctx, input: { periodId: id, close: true } }), "CONFLICT");
    expect(await listReportingPeriods({ ctx: await org.ctx("AUDITOR") })).toEqual([
      { id, name: "FY2025", startDate: "2025-01-01", endDate: "2025-12-31", status: "CLOSED", netRevenue: "1250000.5", netRevenueCurrency: "EUR", currentVersion: null, submittedBy: null, submittedAt: null, reviewedBy: null, reviewedAt: null, reviewNote: null, signed: null, changedSinceSigned: false },
    ]);
    const actions = (await prisma.auditEvent.findMany({ where: { organizationId: org.organization.id, entityId: id }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["period.created", "period.closed"]);
  });

  it("bad input: end before start, 2025-02-30, revenue '12,5', duplicate name — 422/409 with the field, nothing written", async () => {
    const org = await createTestOrg("periods-bad", ["ADMIN", "OFFICER"]);
    const ctx = await org.ctx("OFFICER");
    const cases: [unknown, string][] = [
      [{ name: "A", startDate: "2025-12-31", endDate: "2025-01-01" }, "endDate"],
      [{ name: "A", startDate: "2025-02-30", endDate: "2025-12-31" }, "startDate"],
      [{ name: "A", startDate: "2025-01-01", endDate: "2025-12-31", netRevenue: "12,5" }, "netRevenue"],
      [{ name: "", startDate: "2025-01-01", endDate: "2025-12-31" }, "name"],
    ];
    for (const [input, field] of cases) {
      const err = await expectAppError(() => createReportingPeriod({ ctx, input }), "VALIDATION");
      expect(err.issues?.map((i) => i.field)).toContain(field);
    }
    await createReportingPeriod({ ctx, input: { name: "FY", startDate: "2025-01-01", endDate: "2025-12-31" } });
    await expectAppError(() => createReportingPeriod({ ctx, input: { name: "FY", startDate: "2026-01-01", endDate: "2026-12-31" } }), "CONFLICT");
    expect(await prisma.reportingPeriod.count({ where: { organizationId: org.organization.id } })).toBe(1);
  });

  it("an engineer may not create or close periods; a reason on version 1 is refused (nothing restated)", async () => {
    const org = await createTestOrg("periods-roles", ["ADMIN", "OFFICER", "ENGINEER"]);
    const engineer = await org.ctx("ENGINEER");
    await expectAppError(() => createReportingPeriod({ ctx: engineer, input: { name: "X", startDate: "2025-01-01", endDate: "2025-12-31" } }), "FORBIDDEN");
    const officer = await org.ctx("OFFICER");
    const { id } = await createReportingPeriod({ ctx: officer, input: { name: "X", startDate: "2025-01-01", endDate: "2025-12-31" } });
    await expectAppError(() => updateReportingPeriod({ ctx: engineer, input: { periodId: id, close: true } }), "FORBIDDEN");
    const v = await recalculatePeriod({ ctx: officer, input: { periodId: id } });
    await expectAppError(() => setRestatementReason({ ctx: officer, input: { versionId: v.versionId, datapoint: "E1-6.scope1", reason: "LATE_DATA" } }), "VALIDATION");
    await expectAppError(() => setRestatementReason({ ctx: officer, input: { versionId: v.versionId, datapoint: "E1-6.scope1", reason: "BECAUSE" } }), "VALIDATION");
  });
});
