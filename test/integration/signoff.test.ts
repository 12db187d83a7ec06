// Sign-off and frozen report versions (issue 13, decision 0024) through the services on the real database: four
// eyes, acknowledgement of unresolved lines, a signed version that later data never changes, reopen with a reason
// producing a restatement and a second version, the datapoint export, targets and their bad input.
import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/client";
import { createActivity } from "../../lib/services/activity/create-activity";
import { verifyAuditChain } from "../../lib/services/audit/verify-audit-chain";
import { getInventory } from "../../lib/services/inventory/get-inventory";
import { recalculateAndCheck } from "../../lib/services/inventory/recalculate-and-check";
import { approvePeriod } from "../../lib/services/periods/approve-period";
import { listReportingPeriods } from "../../lib/services/periods/list-reporting-periods";
import { reopenPeriod } from "../../lib/services/periods/reopen-period";
import { submitPeriod } from "../../lib/services/periods/submit-period";
import { updateReportingPeriod } from "../../lib/services/periods/update-reporting-period";
import { listScope3Notes } from "../../lib/services/periods/list-scope3-notes";
import { setScope3Note } from "../../lib/services/periods/set-scope3-note";
import { datapointsCsv, exportDatapoints } from "../../lib/services/reporting/export-datapoints";
import { getReportDocument } from "../../lib/services/reporting/get-report-document";
import { createTarget } from "../../lib/services/targets/create-target";
import { listTargets } from "../../lib/services/targets/list-targets";
import { canonicalJson, sha256Hex } from "../../lib/reporting/canonical-json";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { renderE1Report } from "../../lib/services/reporting/render-e1-report";
import { formatTCo2eFromKg } from "../../lib/format";
import { createTestOrg } from "../helpers/db";
import { expectAppError } from "../helpers/errors";
import { factorDataset, factorRow, period } from "../helpers/ledger";
import { reviewerFor } from "../helpers/signoff";
import { reviewPeriod } from "../../lib/services/periods/review-period";

const SITE = "Łódź plant";
const bill = (quantity: string, month = "03") => ({ periodStart: `2025-${month}-01`, periodEnd: `2025-${month}-28`, site: SITE, category: "electricity", quantity, unit: "kWh" });

/** An organization with two officers (preparer and approver), an auditor and a calculated FY2025: 30 kWh × 0.4 = 12 kgCO2e. */
async function calculatedYear(prefix: string) {
  const org = await createTestOrg(prefix, ["ADMIN", "OFFICER", "ENGINEER", "AUDITOR"]);
  const o = org.organization.id;
  const ds = await factorDataset(o, "Custom PL");
  await factorRow(ds.id, o, { keyType: "COUNTRY", key: "POL", value: "0.4", year: 2025 });
  await factorRow(ds.id, o, { keyType: "COUNTRY", key: "POL", value: "0.5", year: 2024 });
  await prisma.site.create({ data: { organizationId: o, name: SITE, countryIsoCode: "POL", market: "POL" } });
  const fy = await period(o, "FY2025", "2025-01-01", "2025-12-31", "1000000");
  const officer = await org.ctx("OFFICER");
  await createActivity({ ctx: officer, input: bill("30") });
  return { org, o, fy, officer, admin: await org.ctx("ADMIN"), auditor: await org.ctx("AUDITOR"), engineer: await org.ctx("ENGINEER") };
}

describe("sign-off", () => {
  it("four eyes: the officer submits FY2025 (12 kgCO2e); she cannot approve it herself (403); the admin approves: version 1 frozen with its sha256 and the audit head", async () => {
    const { o, fy, officer, admin, auditor } = await calculatedYear("signoff-ok");
    expect(await submitPeriod({ ctx: officer, input: { periodId: fy.id } })).toEqual({ id: fy.id, status: "IN_REVIEW" });
    await reviewPeriod({ ctx: await reviewerFor(fy.id), input: { periodId: fy.id } });
    await expectAppError(() => approvePeriod({ ctx: officer, input: { periodId: fy.id } }), "FORBIDDEN");
    const signed = await approvePeriod({ ctx: admin, input: { periodId: fy.id } });
    expect(signed.reportVersion.number).toBe(1);
    const row = await prisma.reportVersion.findFirstOrThrow({ where: { organizationId: o, periodId: fy.id } });
    expect(sha256Hex(row.content)).toBe(signed.reportVersion.sha256);
    const content = JSON.parse(row.content);
    expect(canonicalJson(content)).toBe(row.content);
    expect(content.e16.scope2LbKgCo2e).toBe("12");
    expect(content.signoff.preparedBy.email).toMatch(/officer/);
    expect(content.signoff.approvedBy.email).toMatch(/admin/);
    // The head is the event before the sign-off's own.
    const events = await prisma.auditEvent.findMany({ where: { organizationId: o }, orderBy: { seq: "desc" }, take: 2 });
    expect(events[0].action).toBe("period.signed-off");
    expect(row.auditHeadHash).toBe(events[1].hash);
    expect((events[0].after as { sha256: string }).sha256).toBe(row.sha256);
    const [listed] = await listReportingPeriods({ ctx: auditor });
    expect(listed).toMatchObject({ status: "SIGNED_OFF", signed: { number: 1, sha256: row.sha256, preparedBy: { email: expect.stringMatching(/officer/) }, approvedBy: { email: expect.stringMatching(/admin/) } }, changedSinceSigned: false });
    expect((await verifyAuditChain({ ctx: admin })).ok).toBe(true);
    // What was signed is append-only.
    await expect(prisma.reportVersion.update({ where: { id: row.id }, data: { sha256: "0".repeat(64) } })).rejects.toThrow(/append-only/);
    await expect(prisma.reportVersion.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
  });

  it("a signed version is unchanged by a later entry; reopening needs a reason; the recalculation restates as version 2 (24 kgCO2e) and signing again freezes report version 2", async () => {
    const { o, fy, officer, admin } = await calculatedYear("signoff-reopen");
    await submitPeriod({ ctx: officer, input: { periodId: fy.id } });
    await reviewPeriod({ ctx: await reviewerFor(fy.id), input: { periodId: fy.id } });
    const v1 = await approvePeriod({ ctx: admin, input: { periodId: fy.id } });
    await createActivity({ ctx: officer, input: bill("30", "04") }); // a late bill: the signed period is not recalculated
    const doc = await getReportDocument({ ctx: officer, input: { periodId: fy.id } });
    expect(doc.document.status).toBe("SIGNED_OFF");
    expect(doc.document.content.e16.scope2LbKgCo2e).toBe("12");
    expect(doc.document.seal?.sha256).toBe(v1.reportVersion.sha256);
    for (const reason of [undefined, "", "   "]) {
      const err = await expectAppError(() => reopenPeriod({ ctx: admin, input: { periodId: fy.id, reason } }), "VALIDATION");
      expect(err.issues.map((i) => i.field)).toEqual(["reason"]);
    }
    expect((await prisma.reportingPeriod.findFirstOrThrow({ where: { id: fy.id } })).status).toBe("SIGNED_OFF");
    await reopenPeriod({ ctx: admin, input: { periodId: fy.id, reason: "April electricity bill arrived after sign-off" } });
    await recalculateAndCheck({ ctx: officer, input: { periodId: fy.id } });
    const inv = await getInventory({ ctx: officer, input: { periodId: fy.id } });
    expect(inv.version?.number).toBe(2); // a restatement, never an edit of the signed calculation
    expect(inv.e16?.scope2LbKgCo2e).toBe("24");
    expect((await listReportingPeriods({ ctx: officer }))[0]).toMatchObject({ status: "OPEN", changedSinceSigned: true, signed: { number: 1 } });
    await submitPeriod({ ctx: officer, input: { periodId: fy.id } });
    await reviewPeriod({ ctx: await reviewerFor(fy.id), input: { periodId: fy.id } });
    const v2 = await approvePeriod({ ctx: admin, input: { periodId: fy.id } });
    expect(v2.reportVersion.number).toBe(2);
    const versions = await prisma.reportVersion.findMany({ where: { organizationId: o, periodId: fy.id }, orderBy: { number: "asc" } });
    expect(versions.map((v) => JSON.parse(v.content).e16.scope2LbKgCo2e)).toEqual(["12", "24"]);
    expect(versions[0].sha256).toBe(v1.reportVersion.sha256);
    expect(JSON.parse(versions[1].content).restatements.length).toBeGreaterThan(0);
  });

  it("unresolved lines need an explicit acknowledgement (422 on acknowledgeUnresolved), which the report then states; engineers and auditors cannot submit or approve", async () => {
    const { fy, officer, admin, engineer, auditor } = await calculatedYear("signoff-unresolved");
    await createActivity({ ctx: officer, input: { periodStart: "2025-05-01", periodEnd: "2025-05-31", category: "fuel", activityType: "unobtainium", quantity: "10", unit: "L" } });
    const inv = await getInventory({ ctx: officer, input: { periodId: fy.id } });
    expect(inv.e16?.unresolvedLines).toBeGreaterThan(0);
    const err = await expectAppError(() => submitPeriod({ ctx: officer, input: { periodId: fy.id } }), "VALIDATION");
    expect(err.issues.map((i) => i.field)).toEqual(["acknowledgeUnresolved"]);
    expect((await prisma.reportingPeriod.findFirstOrThrow({ where: { id: fy.id } })).status).toBe("OPEN");
    await expectAppError(() => submitPeriod({ ctx: engineer, input: { periodId: fy.id, acknowledgeUnresolved: true } }), "FORBIDDEN");
    await submitPeriod({ ctx: officer, input: { periodId: fy.id, acknowledgeUnresolved: true } });
    await reviewPeriod({ ctx: await reviewerFor(fy.id), input: { periodId: fy.id } });
    await expectAppError(() => approvePeriod({ ctx: auditor, input: { periodId: fy.id } }), "FORBIDDEN");
    await approvePeriod({ ctx: admin, input: { periodId: fy.id } });
    const { document } = await getReportDocument({ ctx: auditor, input: { periodId: fy.id } });
    expect(document.content.dataQuality).toMatchObject({ unresolvedAcknowledged: true, unresolvedLines: inv.e16?.unresolvedLines });
    expect(document.content.dataQuality.unresolved.length).toBeGreaterThan(0);
  });

  it("the datapoint export holds the signed E1-6 figures in tCO2e with ESRS references, version and hash; the same bytes twice", async () => {
    const { fy, officer, admin, auditor } = await calculatedYear("signoff-export");
    const draft = await exportDatapoints({ ctx: auditor, input: { periodId: fy.id } });
    expect(draft).toMatchObject({ status: "DRAFT", reportVersion: null, sha256: null });
    await submitPeriod({ ctx: officer, input: { periodId: fy.id } });
    await reviewPeriod({ ctx: await reviewerFor(fy.id), input: { periodId: fy.id } });
    const signed = await approvePeriod({ ctx: admin, input: { periodId: fy.id } });
    const e = await exportDatapoints({ ctx: auditor, input: { periodId: fy.id } });
    const s2lb = e.datapoints.find((d) => d.name === "E1-6.scope2.location-based");
    expect(s2lb).toMatchObject({ esrsReference: "E1-6 §44 (b), §49 (a)", value: "0.012", unit: "tCO2e", method: "location-based", period: "FY2025", reportVersion: 1, sha256: signed.reportVersion.sha256 });
    expect(e.datapoints.filter((d) => /^E1-6\.scope3\.cat\d+\.market-based$/.test(d.name))).toHaveLength(15);
    const csv = datapointsCsv(e);
    expect(csv.split("\n")[0]).toBe("name,esrsReference,concept,label,value,unit,method,period,status,reportVersion,sha256");
    expect(csv).toContain(`E1-6.scope2.location-based,"E1-6 §44 (b), §49 (a)",GrossLocationBasedScope2GreenhouseGasEmissions`);
    expect(datapointsCsv(await exportDatapoints({ ctx: auditor, input: { periodId: fy.id } }))).toBe(csv);
  });
});

async function pdfWords(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) parts.push(...(await (await doc.getPage(n)).getTextContent()).items.flatMap((i) => ("str" in i ? [i.str] : [])));
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text: parts.join(" ").replace(/\s+/g, "") };
}

describe("the CSRD E1 PDF of a signed version (golden)", () => {
  it("holds the E1-6 figures the inventory and the datapoint export state, the sha256, no DRAFT; a draft is watermarked; the same version renders the same text twice", async () => {
    const { fy, officer, admin, auditor } = await calculatedYear("signoff-pdf");
    const draft = await pdfWords((await renderE1Report({ ctx: auditor, input: { periodId: fy.id } })).bytes);
    expect(draft.text).toContain("DRAFT");
    await submitPeriod({ ctx: officer, input: { periodId: fy.id } });
    await reviewPeriod({ ctx: await reviewerFor(fy.id), input: { periodId: fy.id } });
    const signed = await approvePeriod({ ctx: admin, input: { periodId: fy.id } });
    const inv = await getInventory({ ctx: auditor, input: { periodId: fy.id } });
    const one = await renderE1Report({ ctx: auditor, input: { periodId: fy.id } });
    const pdf = await pdfWords(one.bytes);
    expect(pdf.pages).toBeGreaterThanOrEqual(10);
    expect(pdf.text).toContain(signed.reportVersion.sha256);
    expect(pdf.text).not.toContain("DRAFT");
    const exported = await exportDatapoints({ ctx: auditor, input: { periodId: fy.id } });
    for (const [name, kg] of [["E1-6.scope2.location-based", inv.e16!.scope2LbKgCo2e], ["E1-6.total.market-based", inv.e16!.totalMbKgCo2e]] as const) {
      expect(exported.datapoints.find((d) => d.name === name)?.value).toBe(String(Number(kg) / 1000));
      expect(pdf.text).toContain(formatTCo2eFromKg(kg).replace(/\s*t\s*CO₂e$/, "").replace(/\s+/g, ""));
    }
    expect((await pdfWords((await renderE1Report({ ctx: auditor, input: { periodId: fy.id } })).bytes)).text).toBe(pdf.text);
  });
});

describe("targets (E1-4)", () => {
  it("−42 % of Scope 1 + 2 MB by 2030 from the closed FY2025 (base 12 kgCO2e): trajectory per year, progress 0 %; audited", async () => {
    const { o, fy, officer, admin } = await calculatedYear("targets-ok");
    await submitPeriod({ ctx: officer, input: { periodId: fy.id } });
    await reviewPeriod({ ctx: await reviewerFor(fy.id), input: { periodId: fy.id } });
    await approvePeriod({ ctx: admin, input: { periodId: fy.id } });
    const t = await createTarget({ ctx: officer, input: { name: "SBTi near-term", coversScope1: true, scope2Method: "MARKET_BASED", baseYear: 2025, targetYear: 2030, reductionPercent: "42", milestones: [{ year: 2027, reductionPercent: "20" }] } });
    expect(t).toMatchObject({ baseSource: "PERIOD", basePeriod: { name: "FY2025" }, baseValue: "12", coverage: "Scope 1 + Scope 2 (market-based)" });
    // Straight lines through the milestone: 10 %/yr to 2027, then 22/3 %/yr (30 significant digits, the one division).
    expect(t.trajectory.map((p) => [p.year, p.reductionPercent, p.value])).toEqual([
      [2025, "0", "12"],
      [2026, "10", "10.8"],
      [2027, "20", "9.6"],
      [2028, "27.3333333333333333333333333333", "8.720000000000000000000000000004"],
      [2029, "34.6666666666666666666666666667", "7.839999999999999999999999999996"],
      [2030, "42", "6.96"],
    ]);
    expect(t.progress).toEqual([expect.objectContaining({ periodName: "FY2025", year: 2025, value: "12", achievedPercent: "0", trajectoryValue: "12", onTrack: true })]);
    expect((await listTargets({ ctx: await (await createTestOrg("targets-other")).ctx("OFFICER") }))).toEqual([]);
    expect(await prisma.auditEvent.count({ where: { organizationId: o, action: "target.created", entityId: t.id } })).toBe(1);
  });

  it("bad input names the field and saves nothing: no closed period and no value, target year before base, entered value without evidence, no scope, milestone outside", async () => {
    const { o, officer, engineer } = await calculatedYear("targets-bad");
    const ok = { name: "T", coversScope1: true, baseYear: 2025, targetYear: 2030, reductionPercent: "42" };
    const cases: [Record<string, unknown>, string][] = [
      [ok, "baseYear"], // FY2025 is open: no closed period of the base year
      [{ ...ok, targetYear: 2024, baseValue: "100", baseEvidence: "2024 report" }, "targetYear"],
      [{ ...ok, baseValue: "100" }, "baseEvidence"],
      [{ ...ok, coversScope1: false, baseValue: "100", baseEvidence: "x" }, "scopes"],
      [{ ...ok, baseValue: "100", baseEvidence: "x", milestones: [{ year: 2031, reductionPercent: "10" }] }, "milestones.0.year"],
      [{ ...ok, reductionPercent: "142", baseValue: "100", baseEvidence: "x" }, "reductionPercent"],
      [{ ...ok, name: "" }, "name"],
    ];
    for (const [input, field] of cases) {
      const err = await expectAppError(() => createTarget({ ctx: officer, input }), "VALIDATION");
      expect(err.issues.map((i) => i.field), JSON.stringify(input)).toContain(field);
    }
    await expectAppError(() => createTarget({ ctx: engineer, input: { ...ok, baseValue: "100", baseEvidence: "x" } }), "FORBIDDEN");
    expect(await prisma.emissionTarget.count({ where: { organizationId: o } })).toBe(0);
    const entered = await createTarget({ ctx: officer, input: { ...ok, baseValue: "100", baseEvidence: "Audited 2025 inventory, p. 12" } });
    expect(entered).toMatchObject({ baseSource: "ENTERED", baseValue: "100", baseEvidence: "Audited 2025 inventory, p. 12" });
  });
});

describe("Scope 3 categories without a figure", () => {
  it("the officer states category 8 not relevant with a reason; the report and the export print it; an empty reason is refused; a signed period refuses changes", async () => {
    const { fy, officer, admin, auditor } = await calculatedYear("scope3-notes");
    const err = await expectAppError(() => setScope3Note({ ctx: officer, input: { periodId: fy.id, category: 8, relevance: "NOT_RELEVANT", reason: " " } }), "VALIDATION");
    expect(err.issues.map((i) => i.field)).toEqual(["reason"]);
    await expectAppError(() => setScope3Note({ ctx: auditor, input: { periodId: fy.id, category: 8, relevance: "NOT_RELEVANT", reason: "x" } }), "FORBIDDEN");
    await setScope3Note({ ctx: officer, input: { periodId: fy.id, category: 8, relevance: "NOT_RELEVANT", reason: "No leased assets." } });
    expect(await listScope3Notes({ ctx: auditor, input: { periodId: fy.id } })).toEqual([{ category: 8, relevance: "NOT_RELEVANT", reason: "No leased assets." }]);
    await submitPeriod({ ctx: officer, input: { periodId: fy.id } });
    await reviewPeriod({ ctx: await reviewerFor(fy.id), input: { periodId: fy.id } });
    await approvePeriod({ ctx: admin, input: { periodId: fy.id } });
    const { document } = await getReportDocument({ ctx: auditor, input: { periodId: fy.id } });
    expect(document.content.scope3Categories.find((c) => c.category === 8)).toMatchObject({ status: "NOT_RELEVANT", reason: "No leased assets.", lbKgCo2e: null });
    expect(document.content.boundary.exclusions).toEqual(["Scope 3 category 8 (not relevant): No leased assets."]);
    const row = (await exportDatapoints({ ctx: auditor, input: { periodId: fy.id } })).datapoints.find((d) => d.name === "E1-6.scope3.cat8.market-based");
    expect(row?.label).toBe("Scope 3 category 8: Upstream leased assets (not relevant: No leased assets.)");
    await expectAppError(() => setScope3Note({ ctx: officer, input: { periodId: fy.id, category: 8, relevance: "", reason: "" } }), "CONFLICT");
  });
});

describe("E1-6 §48 (b): Scope 1 under a regulated emission trading scheme", () => {
  it("the officer enters 0.25 t verified of 1 t Scope 1 (400 L × 2.5 kgCO2e/L): stored 250 kg, audited, 25 % in the report and the export; N-1 carries its extras; a negative amount names the field and saves nothing", async () => {
    const { o, fy, officer, auditor } = await calculatedYear("signoff-ets");
    const fuel = await factorDataset(o, "Custom fuels");
    await prisma.emissionFactor.create({ data: { datasetId: fuel.id, organizationId: o, keyType: "FUEL", key: "ets-diesel", unit: "kgCO2e/L", method: "ACTIVITY_AVERAGE", year: 2025, value: "2.5" } });
    await createActivity({ ctx: officer, input: { periodStart: "2025-04-01", periodEnd: "2025-04-30", category: "fuel", activityType: "ets-diesel", quantity: "400", unit: "L" } });
    const fy24 = await period(o, "FY2024", "2024-01-01", "2024-12-31", "900000");
    await createActivity({ ctx: officer, input: { ...bill("10"), periodStart: "2024-03-01", periodEnd: "2024-03-28" } });
    await recalculateAndCheck({ ctx: officer, input: { periodId: fy24.id } });
    await recalculateAndCheck({ ctx: officer, input: { periodId: fy.id } });

    const refused = await expectAppError(() => updateReportingPeriod({ ctx: officer, input: { periodId: fy.id, scope1EtsTCo2e: "-1" } }), "VALIDATION");
    expect(refused.issues?.map((i) => i.field)).toEqual(["scope1EtsTCo2e"]);
    expect((await prisma.reportingPeriod.findUniqueOrThrow({ where: { id: fy.id } })).scope1EtsKgCo2e).toBeNull();

    await updateReportingPeriod({ ctx: officer, input: { periodId: fy.id, scope1EtsTCo2e: "0.25" } });
    expect((await prisma.reportingPeriod.findUniqueOrThrow({ where: { id: fy.id } })).scope1EtsKgCo2e?.toFixed()).toBe("250");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { organizationId: o, action: "period.updated", entityId: fy.id }, orderBy: { seq: "desc" } });
    expect(audit.after).toMatchObject({ scope1EtsKgCo2e: "250" });
    const inv = await getInventory({ ctx: auditor, input: { periodId: fy.id } });
    expect(inv.period).toMatchObject({ scope1EtsKgCo2e: "250", scope1EtsTCo2e: "0.25" });
    expect(inv.e16?.scope1KgCo2e).toBe("1000");

    const doc = (await getReportDocument({ ctx: auditor, input: { periodId: fy.id } })).document;
    expect(doc.content.schema).toBe("scopebook.report.esrs-e1/2");
    expect(doc.content.scope1EtsPercent).toBe("25");
    expect(doc.content.previous).toMatchObject({ periodName: "FY2024", scope1EtsPercent: null });
    expect(doc.content.previous?.e16Extras?.scope3PrimaryMbPct).toBeDefined();
    const ets = (await exportDatapoints({ ctx: auditor, input: { periodId: fy.id } })).datapoints.find((d) => d.name === "E1-6.scope1.ets-percent");
    expect(ets).toMatchObject({ value: "25", unit: "%" });
    const { text } = await pdfWords((await renderE1Report({ ctx: auditor, input: { periodId: fy.id } })).bytes);
    // Base year none, N-1 not entered, N 25 % (pdfWords drops whitespace).
    expect(text).toContain("PercentageofScope1GHGemissionsfromregulatedemissiontradingschemes—notentered25%");
  });
});
