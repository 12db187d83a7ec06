// Sites, activity entries and contractual instruments through the form services, on a real Postgres: roles,
// 422 with field and reason, evidence kept with its sha256, audit events in the same transaction, tenancy.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/client";
import { createActivity } from "../../lib/services/activity/create-activity";
import { createInstrument } from "../../lib/services/activity/create-instrument";
import { createSite } from "../../lib/services/activity/create-site";
import { downloadEvidence } from "../../lib/services/activity/download-evidence";
import { listActivities } from "../../lib/services/activity/list-activities";
import { listInstruments } from "../../lib/services/activity/list-instruments";
import { listSites } from "../../lib/services/activity/list-sites";
import { updateSite } from "../../lib/services/activity/update-site";
import { verifyAuditChain } from "../../lib/services/audit/verify-audit-chain";
import { createTestOrg, withPg } from "../helpers/db";
import { expectAppError } from "../helpers/errors";

const SITE = { name: "us-east training cluster", legalEntity: "Acme Inc.", countryIsoCode: "usa", gridRegion: "RFCE", market: "RFCE", pue: "1.2" };
const ENTRY = { periodStart: "2025-03-01", periodEnd: "2025-03-05", site: SITE.name, category: "electricity", quantity: "30", unit: "kWh" };
const GO = { type: "go", volumeMwh: "250", market: "FRA", vintageStart: "2025-01-01", vintageEnd: "2025-12-31", trackingSystem: "AIB-EECS", certificateId: "FR-1", retiredOnBehalf: "yes", emissionRateKgCo2ePerKwh: "0" };

describe("sites", () => {
  it("an officer creates and edits a site (country upper-cased, PUE exact); names are unique; PUE < 1 is a 422 on pue", async () => {
    const org = await createTestOrg("site-crud");
    const ctx = await org.ctx("OFFICER");
    const site = await createSite({ ctx, input: SITE });
    expect(site).toMatchObject({ name: SITE.name, countryIsoCode: "USA", pue: "1.2", market: "RFCE" });
    await expectAppError(() => createSite({ ctx, input: { name: SITE.name } }), "CONFLICT");
    const bad = await expectAppError(() => createSite({ ctx, input: { name: "DC2", pue: "0.9", countryIsoCode: "US" } }), "VALIDATION");
    expect(bad.issues.map((i) => i.field).sort()).toEqual(["countryIsoCode", "pue"]);
    const updated = await updateSite({ ctx, input: { id: site.id, pue: 1.35, gridRegion: null } });
    expect(updated).toMatchObject({ pue: "1.35", gridRegion: null, name: SITE.name });
    const events = await prisma.auditEvent.findMany({ where: { organizationId: org.organization.id, entityType: "Site" }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["site.created", "site.updated"]);
    expect(events[1].before).toMatchObject({ pue: "1.2" });
    expect((await verifyAuditChain({ ctx })).ok).toBe(true);
  });

  it("engineers and auditors read sites but cannot create or change them", async () => {
    const org = await createTestOrg("site-roles");
    const site = await createSite({ ctx: await org.ctx("ADMIN"), input: { name: "HQ" } });
    for (const role of ["ENGINEER", "AUDITOR"] as const) {
      const ctx = await org.ctx(role);
      expect((await listSites({ ctx })).map((s) => s.name)).toEqual(["HQ"]);
      await expectAppError(() => createSite({ ctx, input: { name: `by-${role}` } }), "FORBIDDEN");
      await expectAppError(() => updateSite({ ctx, input: { id: site.id, name: "x" } }), "FORBIDDEN");
    }
  });
});

describe("activity entries", () => {
  it("the worked example by form: 30 kWh electricity at the site, Scope 2, with an invoice kept by sha256 and downloadable", async () => {
    const org = await createTestOrg("act-form");
    const ctx = await org.ctx("OFFICER");
    await createSite({ ctx, input: SITE });
    const invoice = Buffer.from("%PDF-1.4 invoice 2025-03 meter 30 kWh");
    const created = await createActivity({ ctx, input: { ...ENTRY, quantity: 30, evidenceReference: "INV-1" }, evidence: { fileName: "invoice.pdf", contentType: "application/pdf", bytes: invoice } });
    expect(created).toMatchObject({ category: "electricity", quantity: "30", normalizedQuantity: "30", normalizedUnit: "kWh", proposedScope: "SCOPE_2", site: SITE.name, importId: null });
    expect(created.evidenceFile).toMatchObject({ fileName: "invoice.pdf", sha256: createHash("sha256").update(invoice).digest("hex") });
    const file = await downloadEvidence({ ctx: await org.ctx("AUDITOR"), input: { evidenceId: created.evidenceFile!.id } });
    expect((await file.bytes()).equals(invoice)).toBe(true);
    const { totals } = await listActivities({ ctx: await org.ctx("ENGINEER"), input: { from: "2025-03-01", to: "2025-03-31", category: "electricity" } });
    expect(totals).toEqual([expect.objectContaining({ normalizedQuantity: "30", normalizedUnit: "kWh", records: 1 })]);
    expect((await listActivities({ ctx, input: { from: "2025-04-01" } })).records).toHaveLength(0);
    const event = await prisma.auditEvent.findFirst({ where: { organizationId: org.organization.id, action: "activity.created" } });
    expect(event?.after).toMatchObject({ quantity: "30", unit: "kWh", site: SITE.name, evidenceFile: { fileName: "invoice.pdf" } });
  });

  it("fuel 1.5 m3 of diesel = 1500 L; a refrigerant leak of 0.25 t R-410A = 250 kg; travel 1200 pkm Scope 3 cat. 6", async () => {
    const org = await createTestOrg("act-kinds");
    const ctx = await org.ctx("ADMIN");
    const base = { periodStart: "2025-01-01", periodEnd: "2025-01-31" };
    expect(await createActivity({ ctx, input: { ...base, category: "fuel", activityType: "Diesel", quantity: "1.5", unit: "m³" } })).toMatchObject({ activityType: "diesel", unit: "m3", normalizedQuantity: "1500", normalizedUnit: "L", proposedScope: "SCOPE_1" });
    expect(await createActivity({ ctx, input: { ...base, category: "refrigerant", activityType: "r-410a", quantity: "0.25", unit: "t" } })).toMatchObject({ activityType: "R-410A", normalizedQuantity: "250", normalizedUnit: "kg" });
    expect(await createActivity({ ctx, input: { ...base, category: "travel", activityType: "air-short-haul", quantity: "1200", unit: "pkm" } })).toMatchObject({ proposedScope: "SCOPE_3", proposedScope3Category: 6, normalizedUnit: "passenger-km" });
  });

  it("bad input is a 422 naming each field and reason, and nothing is written (not even the evidence)", async () => {
    const org = await createTestOrg("act-bad");
    const ctx = await org.ctx("OFFICER");
    const err = await expectAppError(() => createActivity({ ctx, input: { ...ENTRY, periodStart: "2025-13-01", quantity: "-3", unit: "gallon" } }), "VALIDATION");
    expect(err.issues).toEqual(
      expect.arrayContaining([
        { field: "periodStart", reason: '"2025-13-01": month 13 does not exist' },
        { field: "quantity", reason: '"-3": must not be negative' },
        expect.objectContaining({ field: "unit" }),
      ]),
    );
    const noSite = await expectAppError(
      () => createActivity({ ctx, input: ENTRY, evidence: { fileName: "x.pdf", contentType: "application/pdf", bytes: Buffer.from("x") } }),
      "VALIDATION",
    );
    expect(noSite.issues).toEqual([{ field: "site", reason: "unknown site" }]);
    const where = { organizationId: org.organization.id };
    expect([await prisma.activityRecord.count({ where }), await prisma.evidenceFile.count({ where }), await prisma.auditEvent.count({ where: { ...where, action: "activity.created" } })]).toEqual([0, 0, 0]);
  });

  it("the database refuses what the forms refuse (checks in migration 0006): a negative quantity written directly fails", async () => {
    const org = await createTestOrg("act-check", ["ADMIN"]);
    await expect(
      withPg((c) =>
        c.query(
          `INSERT INTO activity_records (organization_id, row_hash, category, period_start, period_end, quantity, unit, normalized_quantity, normalized_unit, proposed_scope)
           VALUES ($1, 'x', 'FUEL_COMBUSTION', '2025-01-01', '2025-01-31', -1, 'L', -1, 'L', 'SCOPE_1')`,
          [org.organization.id],
        ),
      ),
    ).rejects.toThrow(/activity_records_quantity_not_negative/);
  });

  it("engineers and auditors read activity but cannot enter it", async () => {
    const org = await createTestOrg("act-roles");
    for (const role of ["ENGINEER", "AUDITOR"] as const) await expectAppError(async () => createActivity({ ctx: await org.ctx(role), input: { ...ENTRY, site: "" } }), "FORBIDDEN");
  });

  it("another organization's evidence and sites are not found by id", async () => {
    const a = await createTestOrg("act-ten-a", ["ADMIN"]);
    const b = await createTestOrg("act-ten-b", ["ADMIN"]);
    const ctxA = await a.ctx("ADMIN");
    const site = await createSite({ ctx: ctxA, input: { name: "A site" } });
    const made = await createActivity({ ctx: ctxA, input: { ...ENTRY, site: "A site" }, evidence: { fileName: "a.txt", contentType: "text/plain", bytes: Buffer.from("secret of A") } });
    const ctxB = await b.ctx("ADMIN");
    await expectAppError(() => downloadEvidence({ ctx: ctxB, input: { evidenceId: made.evidenceFile!.id } }), "NOT_FOUND");
    await expectAppError(() => updateSite({ ctx: ctxB, input: { id: site.id, name: "stolen" } }), "NOT_FOUND");
    expect((await listActivities({ ctx: ctxB })).records).toHaveLength(0);
  });
});

describe("contractual instruments", () => {
  it("an officer records a retired GO of 250 MWh for FRA; the same certificate again is a 409 on certificateId, not a second instrument", async () => {
    const org = await createTestOrg("inst-form");
    const ctx = await org.ctx("OFFICER");
    const made = await createInstrument({ ctx, input: { ...GO, retiredOnBehalf: true, emissionRateKgCo2ePerKwh: 0 } });
    expect(made).toMatchObject({ type: "GUARANTEE_OF_ORIGIN", volumeMwh: "250", retiredOnBehalf: true, emissionRateKgCo2ePerKwh: "0", vintageEnd: "2025-12-31" });
    const dup = await expectAppError(() => createInstrument({ ctx, input: { ...GO, volumeMwh: "10" } }), "CONFLICT");
    expect(dup.issues[0].field).toBe("certificateId");
    expect((await listInstruments({ ctx: await org.ctx("AUDITOR") })).totalMwh).toBe("250");
    for (const role of ["ENGINEER", "AUDITOR"] as const) await expectAppError(async () => createInstrument({ ctx: await org.ctx(role), input: { ...GO, certificateId: role } }), "FORBIDDEN");
    const bad = await expectAppError(() => createInstrument({ ctx, input: { ...GO, certificateId: "FR-2", volumeMwh: "0", vintageEnd: "2024-01-01" } }), "VALIDATION");
    expect(bad.issues.map((i) => i.field).sort()).toEqual(["vintageEnd", "volumeMwh"]);
  });
});
