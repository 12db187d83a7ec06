// The auditor's procedures (issue 14) on the real database, over a signed FY2025 with tracker runs, activity,
// instruments and a GCP export, and a calculated FY2024 as N-1: re-performance (equal, then a line altered directly
// in SQL is reported), the factor register and its changes vs N-1, the analytical review's thresholds from the
// engagement's materiality, and reproducible samples with results and the misstatement summary; roles and scope.
import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/client";
import { getAnalyticalReview } from "../../lib/services/assurance/procedures/get-analytical-review";
import { getFactorRegister } from "../../lib/services/assurance/procedures/get-factor-register";
import { createSample } from "../../lib/services/assurance/procedures/create-sample";
import { getSample } from "../../lib/services/assurance/procedures/get-sample";
import { listSamples } from "../../lib/services/assurance/procedures/list-samples";
import { recordSampleResult } from "../../lib/services/assurance/procedures/record-sample-result";
import { redrawSample } from "../../lib/services/assurance/procedures/redraw-sample";
import { reperformVersion } from "../../lib/services/assurance/procedures/reperform-version";
import { setAnalyticRow } from "../../lib/services/assurance/procedures/set-analytic-row";
import { samplesForPack, varianceForPack, factorsForPack } from "../../lib/services/assurance/procedures/pack-rows";
import { recalculatePeriod } from "../../lib/services/inventory/recalculate-period";
import { signOff } from "../helpers/signoff";
import { createTestOrg } from "../helpers/db";
import { expectAppError } from "../helpers/errors";
import { fixtureText } from "../helpers/fixtures";
import { electricity, factorDataset, factorRow, gcpRows, instrumentRow, period, project, runRow, site } from "../helpers/ledger";

/** FY2024 (90 MWh × 0.35) calculated, FY2025 (100 MWh × 0.30, 60 MWh GOs, 40 MWh residual 0.45, 12 runs, GCP) signed. */
async function auditedYear(prefix: string) {
  const org = await createTestOrg(prefix, ["ADMIN", "OFFICER", "AUDITOR"], { engagement: false });
  const o = org.organization.id;
  const grid = await factorDataset(o, `Grid ${prefix}`);
  await factorRow(grid.id, o, { keyType: "COUNTRY", key: "DEU", value: "0.30", year: 2025 });
  await factorRow(grid.id, o, { keyType: "COUNTRY", key: "DEU", value: "0.35", year: 2024 });
  const rm = await factorDataset(o, `Residual ${prefix}`);
  await factorRow(rm.id, o, { keyType: "GRID_REGION", key: "DE-LU", value: "0.45", method: "RESIDUAL_MIX", year: 2025 });
  const s = await site(o, { countryIsoCode: "DEU", market: "DE-LU" });
  const other = await site(o, { countryIsoCode: "DEU", market: "DE-LU" });
  await electricity(o, s.id, "60000", "2025-02-01");
  await electricity(o, s.id, "40000", "2025-05-01");
  await electricity(o, other.id, "2000", "2025-06-01");
  await electricity(o, s.id, "90000", "2024-03-01");
  await instrumentRow(o, { volumeMwh: "60", market: "DE-LU" });
  const proj = await project(o, "ml-training");
  for (let i = 0; i < 12; i++) await runRow(o, proj.id, { energyKwh: `${i + 1}.125`, at: `2025-${String(i + 1).padStart(2, "0")}-15T00:00:00Z`, siteId: s.id, countryIsoCode: "DEU" });
  await gcpRows(o, fixtureText("gcp/gcp-carbon-footprint-2025.csv"), { "ml-training": proj.id });
  const fy24 = await period(o, "FY2024", "2024-01-01", "2024-12-31");
  const fy25 = await period(o, "FY2025", "2025-01-01", "2025-12-31", "1000000");
  const fy23 = await period(o, "FY2023", "2023-01-01", "2023-12-31");
  const officer = await org.ctx("OFFICER");
  const admin = await org.ctx("ADMIN");
  await recalculatePeriod({ ctx: officer, input: { periodId: fy24.id } });
  await recalculatePeriod({ ctx: officer, input: { periodId: fy25.id } });
  await signOff(officer, admin, fy25.id, true);
  const auditorMembership = await prisma.membership.findFirstOrThrow({ where: { organizationId: o, role: "AUDITOR" } });
  const engagement = await prisma.engagement.create({
    data: { organizationId: o, name: "FY2025 limited assurance", firm: "Audit & Co", startDate: new Date("2026-01-15"), endDate: new Date("2026-03-31"), overallMaterialityKgCo2e: "2000", performanceMaterialityKgCo2e: "1000", clearlyTrivialKgCo2e: "100" },
  });
  await prisma.engagementPeriod.create({ data: { engagementId: engagement.id, periodId: fy25.id, organizationId: o } });
  await prisma.engagementAuditor.create({ data: { engagementId: engagement.id, membershipId: auditorMembership.id, organizationId: o } });
  return { org, o, s, other, proj, fy23, fy24, fy25, officer, admin, auditor: await org.ctx("AUDITOR") };
}

describe("re-performance", () => {
  it("every line and E1-6 datapoint of the signed FY2025 recomputes equal; a line altered in SQL is reported with the datapoints it feeds", async () => {
    const { o, fy25, fy23, auditor, officer } = await auditedYear("rp");
    const ok = await reperformVersion({ ctx: auditor, input: { periodId: fy25.id } });
    expect(ok).toMatchObject({ reportVersionNumber: 1, allEqual: true, differingLines: 0 });
    expect(ok.lines).toBeGreaterThan(30);
    expect(ok.datapoints.find((d) => d.datapoint === "E1-6.scope2.location-based")).toMatchObject({ equal: true, reportedKgCo2e: "30623.85" });
    expect(ok.datapoints.find((d) => d.datapoint === "E1-6.scope3.cat1.location-based")).toMatchObject({ equal: true, recomputedKgCo2e: "1126.88" });
    expect((await reperformVersion({ ctx: officer, input: { periodId: fy25.id } })).allEqual).toBe(true);
    expect(ok.sources).toMatchObject({ activityRecords: 3, activityDiffering: 0, runLines: 12, runDiffering: 0 });

    // A source record altered after the calculation: its quantity × conversion no longer matches what the lines used.
    const bill = await prisma.activityRecord.findFirstOrThrow({ where: { organizationId: o, normalizedQuantity: "2000" } });
    await prisma.$executeRaw`UPDATE activity_records SET quantity = 2.5, unit = 'MWh' WHERE id = ${bill.id}::uuid`;
    const src = await reperformVersion({ ctx: auditor, input: { periodId: fy25.id } });
    expect(src.allEqual).toBe(false);
    expect(src.sources.activityDiffering).toBe(1);
    expect(src.sources.examples).toContainEqual((expect.objectContaining({ kind: "ACTIVITY", recordId: bill.id, what: "quantity × unit conversion ≠ normalized quantity", expected: "2500", stated: "2000" })));
    await prisma.$executeRaw`UPDATE activity_records SET quantity = 2000, unit = 'kWh' WHERE id = ${bill.id}::uuid`;

    const [victim] = await prisma.$queryRaw<{ resolution_id: number; source_record_id: string }[]>`
      SELECT l.resolution_id, l.source_record_id::text FROM ledger_lines l JOIN ledger_resolutions r ON r.id = l.resolution_id
       WHERE l.organization_id = ${o}::uuid AND r.scope = 'SCOPE_2' AND r.method = 'LOCATION_BASED' AND r.source_kind = 'ACTIVITY' AND l.calculation_version_id = r.calculation_version_id
         AND l.activity_quantity = 40000 LIMIT 1`;
    await prisma.$executeRaw`UPDATE ledger_lines SET emissions_kg_co2e = emissions_kg_co2e + 1 WHERE organization_id = ${o}::uuid AND resolution_id = ${victim.resolution_id} AND source_record_id = ${victim.source_record_id}::uuid`;
    const bad = await reperformVersion({ ctx: auditor, input: { periodId: fy25.id } });
    expect(bad.allEqual).toBe(false);
    expect(bad.differingLines).toBe(1);
    expect(bad.differing.lines).toEqual([expect.objectContaining({ lineId: `${victim.resolution_id}:${victim.source_record_id}:2025-05-01`, storedKgCo2e: "12001", recomputedKgCo2e: "12000", activityQuantity: "40000" })]);
    const lb = bad.datapoints.find((d) => d.datapoint === "E1-6.scope2.location-based")!;
    expect(lb.differingLines).toBe(1);
    // The signed figure is what was reported; the recomputation from the lines' inputs still agrees with it: the line is what differs.
    expect(bad.datapoints.find((d) => d.datapoint === "E1-6.scope2.market-based")).toMatchObject({ differingLines: 0, equal: true });
    await expectAppError(() => reperformVersion({ ctx: auditor, input: { periodId: fy23.id } }), "NOT_FOUND");
  });
});

describe("factor register", () => {
  it("lists every factor used with its dataset, licence, lines and kgCO2e; DEU changed 0.35 → 0.30 against FY2024; CSV export", async () => {
    const { fy25, auditor } = await auditedYear("fr");
    const r = await getFactorRegister({ ctx: auditor, input: { periodId: fy25.id } });
    expect(r.priorPeriod).toBe("FY2024");
    const deu = r.factors.find((f) => f.key === "DEU" && f.year === 2025)!;
    expect(deu).toMatchObject({ publisher: "Test", datasetVersion: "1", value: "0.3", unit: "kgCO2e/kWh", licence: "test" });
    expect(deu.lines).toBe(15); // 3 bills + 12 runs, location-based
    expect(r.factors.find((f) => f.key === "DE-LU")).toMatchObject({ method: "RESIDUAL_MIX", value: "0.45" });
    expect(r.changes).toContainEqual(expect.objectContaining({ key: "COUNTRY:DEU (LOCATION_GRID_AVERAGE, kgCO2e/kWh)", change: "CHANGED", prior: expect.objectContaining({ value: "0.35", year: 2024 }), current: expect.objectContaining({ value: "0.3", year: 2025 }) }));
    const { register, changes } = await factorsForPack(auditor, fy25.id);
    expect(register.split("\r\n")[0]).toMatch(/^factor_id,publisher,dataset,dataset_version,year/);
    expect(changes).toContain("COUNTRY:DEU");
  });
});

describe("analytical review", () => {
  it("thresholds from the engagement's performance materiality (1 t) and clearly trivial (0.1 t); entered expectations need a note; flagged rows need an explanation", async () => {
    const { fy25, s, auditor, officer } = await auditedYear("an");
    const r = await getAnalyticalReview({ ctx: auditor, input: { periodId: fy25.id } });
    expect(r).toMatchObject({ priorPeriod: "FY2024", performanceMaterialityKgCo2e: "1000", clearlyTrivialKgCo2e: "100", view: "lb" });
    const s2 = r.rows.find((x) => x.rowKey === "scope:SCOPE_2")!;
    // FY2024: 90 MWh × 0.35 = 31.5 t; activity 102,079.5 kWh / 90,000 kWh → expectation 35.727825 t; actual 30.62385 t.
    expect(s2).toMatchObject({ priorKgCo2e: "31500", expectationSource: "DEFAULT", status: "FLAGGED", needsExplanation: true });
    expect(s2).toMatchObject({ expectationKgCo2e: "35727.825", actualKgCo2e: "30623.85", differenceKgCo2e: "-5103.975", activityRatio: expect.stringMatching(/^1\.13421/) });
    expect(r.rows.find((x) => x.rowKey === "scope:SCOPE_3")).toMatchObject({ status: "NO_PRIOR", priorKgCo2e: null });
    expect(r.rows.find((x) => x.rowKey === `site:${s.id}`)).toBeDefined();

    await expectAppError(() => setAnalyticRow({ ctx: officer, input: { periodId: fy25.id, rowKey: "scope:SCOPE_2", explanation: "x" } }), "FORBIDDEN");
    const noNote = await expectAppError(() => setAnalyticRow({ ctx: auditor, input: { periodId: fy25.id, rowKey: "scope:SCOPE_2", expectationTCo2e: "30.2" } }), "VALIDATION");
    expect(noNote.issues[0].field).toBe("expectationNote");
    await setAnalyticRow({ ctx: auditor, input: { periodId: fy25.id, rowKey: "scope:SCOPE_2", expectationTCo2e: "30.2", expectationNote: "100 MWh invoiced × 0.30 t/MWh, + runs", explanation: "Grid factor fell from 0.35 to 0.30", inquiryId: "INQ-7" } });
    const again = (await getAnalyticalReview({ ctx: auditor, input: { periodId: fy25.id } })).rows.find((x) => x.rowKey === "scope:SCOPE_2")!;
    expect(again).toMatchObject({ expectationKgCo2e: "30200", expectationSource: "ENTERED", status: "WITHIN", inquiryId: "INQ-7", needsExplanation: false });
    expect(again.differenceKgCo2e).toBe("423.85");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { organizationId: fy25.organizationId, action: "analytics.row-updated" } });
    expect(event.after).toMatchObject({ rowKey: "scope:SCOPE_2", expectationKgCo2e: "30200" });
    expect((await varianceForPack(officer, fy25.id)).csv).toContain("scope:SCOPE_2");
  });
});

describe("sampling", () => {
  it("MUS over Scope 2 LB: key items in full, lines ≥ k selected, stored and re-drawn identical; results roll up; an altered line changes the population hash", async () => {
    const { o, fy25, fy23, auditor, officer, other } = await auditedYear("smp");
    const input = { periodId: fy25.id, name: "Scope 2 LB lines", method: "MUS", population: { scope: "SCOPE_2", view: "lb" }, confidence: "0.95", tolerableMisstatementTCo2e: "3", keyItemThresholdTCo2e: "15", keySiteIds: [other.id], seed: "fy2025-s2" };
    await expectAppError(() => createSample({ ctx: officer, input }), "FORBIDDEN");
    const created = await createSample({ ctx: auditor, input });
    const s = await getSample({ ctx: auditor, input: { sampleId: created.id } });
    // 15 lines (3 bills, 12 runs); key items: the 18 t bill (≥ 15 t) and the other site's bill; statistical: 12 t + 79.5 kWh × 0.3 of runs.
    expect(s).toMatchObject({ method: "MUS", populationSize: 15, statisticalSize: 13, statisticalKgCo2e: "12023.85", seed: "fy2025-s2" });
    expect(s.sampleSize).toBe(Math.ceil((12023.85 * 2.995732273553991) / 3000)); // 13
    expect(s.items.filter((i) => i.selection === "KEY_ITEM").map((i) => i.bookKgCo2e).sort()).toEqual(["18000", "600"]);
    expect(s.items.find((i) => i.bookKgCo2e === "12000")).toMatchObject({ selection: "STATISTICAL" }); // ≥ k: always
    expect(s.populationSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await redrawSample({ ctx: officer, input: { sampleId: created.id } })).toMatchObject({ identical: true, differences: [] });

    const big = s.items.find((i) => i.bookKgCo2e === "12000")!;
    const small = s.items.find((i) => i.bookKgCo2e === "600")!; // a key item (the other site)
    expect(big.hits).toBeGreaterThan(1); // 12 t of 12.02 t: most selection points fall in it
    const noAmount = await expectAppError(() => recordSampleResult({ ctx: auditor, input: { sampleId: s.id, position: big.position, result: "EXCEPTION" } }), "VALIDATION");
    expect(noAmount.issues[0].field).toBe("misstatementKgCo2e");
    await recordSampleResult({ ctx: auditor, input: { sampleId: s.id, position: big.position, result: "EXCEPTION", misstatementKgCo2e: "120", note: "invoice says 39,600 kWh" } });
    await recordSampleResult({ ctx: auditor, input: { sampleId: s.id, position: small.position, result: "AGREED" } });
    await expectAppError(() => recordSampleResult({ ctx: officer, input: { sampleId: s.id, position: small.position, result: "AGREED" } }), "FORBIDDEN");
    const after = await getSample({ ctx: officer, input: { sampleId: s.id } });
    expect(after.summary).toMatchObject({ tested: 2, agreed: 1, exceptions: 1, knownMisstatementKgCo2e: "120", projectedMisstatementKgCo2e: "120", keyItemMisstatementKgCo2e: "0" });
    expect((await listSamples({ ctx: auditor, input: { periodId: fy25.id } })).samples).toEqual([expect.objectContaining({ number: 1, tested: 2, exceptions: 1 })]);
    expect((await samplesForPack(auditor, fy25.id)).csv).toContain("fy2025-s2");
    expect(await prisma.auditEvent.count({ where: { organizationId: o, action: { in: ["sample.created", "sample.item-result"] } } })).toBe(3);

    // The same seed on another population draws another sample; an altered line breaks the re-draw.
    await prisma.$executeRaw`UPDATE ledger_lines SET emissions_kg_co2e = emissions_kg_co2e + 1 WHERE organization_id = ${o}::uuid AND activity_quantity = 40000`;
    const redrawn = await redrawSample({ ctx: auditor, input: { sampleId: s.id } });
    expect(redrawn.identical).toBe(false);
    expect(redrawn.populationSha256.redrawn).not.toBe(redrawn.populationSha256.stored);
    await expectAppError(() => listSamples({ ctx: auditor, input: { periodId: fy23.id } }), "NOT_FOUND");
  });

  it("bad input names its field: a sample larger than the population, confidence outside (0, 1), TM ≤ 0; nothing written", async () => {
    const { o, fy25, auditor } = await auditedYear("smp-bad");
    const base = { periodId: fy25.id, name: "x", population: { scope: "SCOPE_2", view: "lb" } };
    const tooBig = await expectAppError(() => createSample({ ctx: auditor, input: { ...base, method: "ATTRIBUTE", confidence: "0.95", tolerableRate: "0.05" } }), "VALIDATION");
    expect(tooBig.issues.map((i) => i.field)).toEqual(["population", "tolerableRate"]);
    expect(tooBig.message).toMatch(/sample of 59 lines is larger than the population of 15 lines/);
    for (const confidence of ["1.5", "0", "1"]) {
      const e = await expectAppError(() => createSample({ ctx: auditor, input: { ...base, method: "MUS", confidence, tolerableMisstatementTCo2e: "3" } }), "VALIDATION");
      expect(e.issues[0].field).toBe("confidence");
    }
    const tm = await expectAppError(() => createSample({ ctx: auditor, input: { ...base, method: "MUS", confidence: "0.9", tolerableMisstatementTCo2e: "0" } }), "VALIDATION");
    expect(tm.issues[0].field).toBe("tolerableMisstatementTCo2e");
    expect(await prisma.auditSample.count({ where: { organizationId: o } })).toBe(0);
    // Attribute at 80 % / 10 %: 16 of 15 is too many; at 70 % / 10 %: 12 of 15.
    const attr = await createSample({ ctx: auditor, input: { ...base, method: "ATTRIBUTE", confidence: "0.70", tolerableRate: "0.10", seed: "a" } });
    expect(attr.sampleSize).toBe(12);
    expect(attr.items).toBe(12);
    expect((await redrawSample({ ctx: auditor, input: { sampleId: attr.id } })).identical).toBe(true);
  });

  it("an auditor of another organization sees nothing: 404 on the period and the sample", async () => {
    const { fy25, auditor } = await auditedYear("smp-iso");
    const created = await createSample({ ctx: auditor, input: { periodId: fy25.id, name: "y", method: "MUS", confidence: "0.9", tolerableMisstatementTCo2e: "5", seed: "z" } });
    const stranger = await (await createTestOrg("smp-iso-b", ["ADMIN", "AUDITOR"])).ctx("AUDITOR");
    await expectAppError(() => getSample({ ctx: stranger, input: { sampleId: created.id } }), "NOT_FOUND");
    await expectAppError(() => reperformVersion({ ctx: stranger, input: { periodId: fy25.id } }), "NOT_FOUND");
    await expectAppError(() => getAnalyticalReview({ ctx: stranger, input: { periodId: fy25.id } }), "NOT_FOUND");
    await expectAppError(() => getFactorRegister({ ctx: stranger, input: { periodId: fy25.id } }), "NOT_FOUND");
  });
});
