// The accounting engine on the real database: recalculatePeriod writes ledger lines, rollups and versions; the
// inventory reads them back. Golden numbers in the test names.
import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/client";
import { aggregateE16 } from "../../lib/ghg/aggregate";
import { getInventory } from "../../lib/services/inventory/get-inventory";
import { getLedgerLines } from "../../lib/services/inventory/get-ledger-lines";
import { versionE16 } from "../../lib/services/inventory/ledger/version-figures";
import { versionLines } from "../../lib/services/inventory/ledger/version-lines";
import { recalculatePeriod } from "../../lib/services/inventory/recalculate-period";
import { versionRank } from "../../lib/ingest/sources/cloud/values";
import { setProjectSci } from "../../lib/services/projects/set-project-sci";
import { setRestatementReason } from "../../lib/services/inventory/set-restatement-reason";
import { updateReportingPeriod } from "../../lib/services/periods/update-reporting-period";
import { createTestOrg } from "../helpers/db";
import { expectAppError } from "../helpers/errors";
import { fixtureText } from "../helpers/fixtures";
import { electricity, factorDataset, factorRow, gcpRows, instrumentRow, period, project, runRow, site } from "../helpers/ledger";

async function lineContents(versionId: string) {
  const version = await prisma.calculationVersion.findFirstOrThrow({ where: { id: versionId }, select: { organizationId: true } });
  const lines = await versionLines(prisma, version.organizationId, versionId);
  return lines.map((l) => JSON.stringify(l));
}

describe("recalculatePeriod: the worked example", () => {
  it("tracker run 0.3 kW × 100 h = 30 kWh × 0.0004 tCO2e/kWh (custom factor) = 12.000 kgCO2e; the dataset gets locked", async () => {
    const org = await createTestOrg("ledger-we-run", ["ADMIN", "OFFICER"]);
    const o = org.organization.id;
    const ds = await factorDataset(o, "Custom US-East");
    await factorRow(ds.id, o, { keyType: "COUNTRY", key: "USA", value: "0.4", sourceValue: "0.0004", sourceUnit: "tCO2e/kWh" });
    const p = await period(o);
    const proj = await project(o);
    await runRow(o, proj.id, { energyKwh: "30", countryIsoCode: "USA", trackerEmissionsKgCo2e: "10.5" });
    const ctx = await org.ctx("OFFICER");
    const out = await recalculatePeriod({ ctx, input: { periodId: p.id } });
    expect(out).toMatchObject({ changed: true, versionNumber: 1, unresolvedLines: 0 });
    const inv = await getInventory({ ctx, input: { periodId: p.id } });
    expect(inv.e16).toMatchObject({ scope2LbKgCo2e: "12", scope2MbKgCo2e: "12" });
    const { lines } = await getLedgerLines({ ctx, input: { periodId: p.id, scope: "SCOPE_2", view: "lb" } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ activityQuantity: "30", factorValue: "0.4", emissionsKgCo2e: "12" });
    expect(lines[0].factor).toMatchObject({ dataset: "Custom US-East", sourceValue: "0.0004", sourceUnit: "tCO2e/kWh", year: 2025 });
    // Tracker-reported beside, with the ratio, never summed: 10.5 / 12 = 0.875.
    expect(lines[0].source).toMatchObject({ kind: "RUN", trackerEmissionsKgCo2e: "10.5", trackerRatio: "0.875" });
    expect((await prisma.emissionFactorDataset.findUniqueOrThrow({ where: { id: ds.id } })).lockedAt).not.toBeNull();
  });

  it("activity row 30 kWh × 0.0004 tCO2e/kWh = 12 kgCO2e", async () => {
    const org = await createTestOrg("ledger-we-act", ["ADMIN", "OFFICER"]);
    const o = org.organization.id;
    const ds = await factorDataset(o);
    await factorRow(ds.id, o, { keyType: "COUNTRY", key: "USA", value: "0.4", sourceValue: "0.0004", sourceUnit: "tCO2e/kWh" });
    const s = await site(o, { countryIsoCode: "USA", market: "USA" });
    await electricity(o, s.id, "30");
    const p = await period(o);
    const ctx = await org.ctx("OFFICER");
    await recalculatePeriod({ ctx, input: { periodId: p.id } });
    expect((await getInventory({ ctx, input: { periodId: p.id } })).e16?.scope2LbKgCo2e).toBe("12");
  });
});

describe("recalculatePeriod: idempotence, rollups, restatement", () => {
  async function dualReportingOrg(prefix: string) {
    const org = await createTestOrg(prefix, ["ADMIN", "OFFICER", "AUDITOR"]);
    const o = org.organization.id;
    const ds = await factorDataset(null, `Grid ${prefix}`);
    await factorRow(ds.id, null, { keyType: "COUNTRY", key: "DEU", value: "0.30", fossilShare: "0.5", nuclearShare: "0", renewableShare: "0.5" });
    const rm = await factorDataset(o, `Residual ${prefix}`);
    await factorRow(rm.id, o, { keyType: "GRID_REGION", key: "DE-LU", value: "0.45", method: "RESIDUAL_MIX" });
    const s = await site(o, { countryIsoCode: "DEU", market: "DE-LU" });
    await electricity(o, s.id, "60000", "2025-02-01");
    await electricity(o, s.id, "40000", "2025-05-01");
    const valid = await instrumentRow(o, { volumeMwh: "60", market: "DE-LU" });
    const expired = await instrumentRow(o, { volumeMwh: "30", market: "DE-LU", vintageStart: "2023-01-01", vintageEnd: "2023-12-31" });
    const p = await period(o, "FY2025", "2025-01-01", "2025-12-31", "1000000");
    return { org, o, s, p, valid, expired, ctx: await org.ctx("OFFICER") };
  }

  it("100 MWh × 0.30 t/MWh: LB = 30 t; 60 MWh GOs + 40 MWh × 0.45 t/MWh: MB = 18 t; expired GO excluded; intensity 30 t / 1,000,000 EUR", async () => {
    const { p, ctx, valid, expired } = await dualReportingOrg("ledger-dual");
    await recalculatePeriod({ ctx, input: { periodId: p.id } });
    const inv = await getInventory({ ctx, input: { periodId: p.id } });
    expect(inv.e16).toMatchObject({ scope2LbKgCo2e: "30000", scope2MbKgCo2e: "18000", intensityLbTPerRevenue: "0.00003", intensityMbTPerRevenue: "0.000018" });
    expect(inv.instruments).toEqual([
      expect.objectContaining({ instrumentId: expired.id, status: "EXCLUDED", failing: expect.objectContaining({ criterion: "vintage" }) }),
      expect.objectContaining({ instrumentId: valid.id, status: "APPLIED", allocatedMwh: "60" }),
    ]);
    // E1-5: 100 MWh, half fossil, half renewable by the grid mix; 60 MWh covered by instruments.
    expect(inv.e15).toMatchObject({ totalMwh: "100", fossilMwh: "50", renewableMwh: "50", instrumentCoveredMwh: "60" });
  });

  it("running it twice produces the same lines and writes nothing the second time (one audit event)", async () => {
    const { o, p, ctx } = await dualReportingOrg("ledger-idem");
    const first = await recalculatePeriod({ ctx, input: { periodId: p.id } });
    const linesBefore = await lineContents(first.versionId);
    const audits = await prisma.auditEvent.count({ where: { organizationId: o } });
    const second = await recalculatePeriod({ ctx, input: { periodId: p.id } });
    expect(second).toMatchObject({ versionId: first.versionId, changed: false, lines: first.lines });
    expect(await lineContents(first.versionId)).toEqual(linesBefore);
    expect(await prisma.auditEvent.count({ where: { organizationId: o } })).toBe(audits);
    expect(await prisma.calculationVersion.count({ where: { periodId: p.id } })).toBe(1);
  });

  it("rollups equal a full recomputation from the lines (E1-6 and per project × month × source)", async () => {
    const { o, s, p, ctx } = await dualReportingOrg("ledger-rollup");
    const proj = await project(o);
    for (let i = 0; i < 12; i++) await runRow(o, proj.id, { energyKwh: `${i + 1}.125`, at: `2025-${String(i + 1).padStart(2, "0")}-15T00:00:00Z`, siteId: s.id, countryIsoCode: "DEU" });
    const { versionId } = await recalculatePeriod({ ctx, input: { periodId: p.id } });
    const lines = await versionLines(prisma, o, versionId);
    const full = aggregateE16(lines, "1000000");
    expect(await versionE16(prisma, o, versionId, "1000000")).toEqual(full);
    // Per resolution × project × site × month: the lines' count, quantity and emissions summed = the rollup's.
    const fromLines = await prisma.$queryRaw<{ g: string }[]>`
      SELECT concat_ws('|', resolution_id, project_id, site_id, month, count(*), trim_scale(sum(activity_quantity)), trim_scale(coalesce(sum(emissions_kg_co2e), 0))) AS g
        FROM ledger_lines WHERE organization_id = ${o}::uuid AND calculation_version_id = ${versionId}::uuid GROUP BY resolution_id, project_id, site_id, month ORDER BY 1`;
    const fromRollups = await prisma.$queryRaw<{ g: string }[]>`
      SELECT concat_ws('|', resolution_id, project_id, site_id, month, sum(lines), trim_scale(sum(activity_quantity)), trim_scale(sum(emissions_kg_co2e))) AS g
        FROM ledger_rollups WHERE organization_id = ${o}::uuid AND calculation_version_id = ${versionId}::uuid GROUP BY resolution_id, project_id, site_id, month ORDER BY 1`;
    expect(fromLines.length).toBeGreaterThan(12);
    expect(fromRollups).toEqual(fromLines);
  });

  it("a closed period with late data: version 2 is currently stated, version 1 kept as previously stated, the change carries the officer's reason", async () => {
    const { o, s, p, ctx } = await dualReportingOrg("ledger-restate");
    const v1 = await recalculatePeriod({ ctx, input: { periodId: p.id } });
    const v1Lines = await lineContents(v1.versionId);
    await updateReportingPeriod({ ctx, input: { periodId: p.id, close: true } });
    await electricity(o, s.id, "10000", "2025-11-01"); // late data: 10 MWh × 0.30 t = 3 t LB, × 0.45 t = 4.5 t MB
    const v2 = await recalculatePeriod({ ctx, input: { periodId: p.id } });
    expect(v2).toMatchObject({ versionNumber: 2, restated: true, changed: true });
    expect(await lineContents(v1.versionId)).toEqual(v1Lines);
    await setRestatementReason({ ctx, input: { versionId: v2.versionId, datapoint: "E1-6.scope2.location-based", reason: "LATE_DATA", note: "November invoice arrived after closing" } });
    const inv = await getInventory({ ctx, input: { periodId: p.id } });
    expect(inv.version?.number).toBe(2);
    expect(inv.restatement?.previousNumber).toBe(1);
    expect(inv.restatement?.changes).toEqual(
      expect.arrayContaining([
        { datapoint: "E1-6.scope2.location-based", previouslyKgCo2e: "30000", currentlyKgCo2e: "33000", differenceKgCo2e: "3000", reason: "LATE_DATA", note: "November invoice arrived after closing" },
        expect.objectContaining({ datapoint: "E1-6.scope2.market-based", previouslyKgCo2e: "18000", currentlyKgCo2e: "22500", reason: null }),
      ]),
    );
    // Once more: nothing changes, no version 3.
    expect(await recalculatePeriod({ ctx, input: { periodId: p.id } })).toMatchObject({ versionNumber: 2, changed: false });
  });

  it("the auditor may read the inventory but not recalculate; another organization's period is not found", async () => {
    const { p, org } = await dualReportingOrg("ledger-roles");
    await expectAppError(async () => recalculatePeriod({ ctx: await org.ctx("AUDITOR"), input: { periodId: p.id } }), "FORBIDDEN");
    const other = await createTestOrg("ledger-other", ["ADMIN", "OFFICER"]);
    const otherCtx = await other.ctx("OFFICER");
    await expectAppError(() => recalculatePeriod({ ctx: otherCtx, input: { periodId: p.id } }), "NOT_FOUND");
    await expectAppError(() => getInventory({ ctx: otherCtx, input: { periodId: p.id } }), "NOT_FOUND");
    for (const bad of ["not-a-uuid", "' OR 1=1 --", "", 42]) {
      await expectAppError(() => recalculatePeriod({ ctx: otherCtx, input: { periodId: bad } }), "NOT_FOUND");
      await expectAppError(() => getInventory({ ctx: otherCtx, input: { periodId: bad } }), "NOT_FOUND");
      await expectAppError(() => getLedgerLines({ ctx: otherCtx, input: { periodId: bad } }), "NOT_FOUND");
    }
    const auditor = await org.ctx("AUDITOR");
    await expectAppError(() => getLedgerLines({ ctx: auditor, input: { periodId: p.id, scope: "SCOPE_9" } }), "VALIDATION");
  });
});

describe("recalculatePeriod: provider exports", () => {
  async function gcpOrg(prefix: string) {
    const org = await createTestOrg(prefix, ["ADMIN", "OFFICER"]);
    const o = org.organization.id;
    const training = await project(o, "ml-training");
    const inference = await project(o, "inference-api");
    const rows = await gcpRows(o, fixtureText("gcp/gcp-carbon-footprint-2025.csv"), { "ml-training": training.id, "inference-api": inference.id });
    return { org, o, training, rows, p: await period(o), ctx: await org.ctx("OFFICER") };
  }

  const monthTotals = async (versionId: string) =>
    prisma.$queryRaw<{ month: Date; method: string; kg: string }[]>`
      SELECT u.month, r.method::text, sum(u.emissions_kg_co2e)::numeric(20,4)::text AS kg FROM ledger_rollups u JOIN ledger_resolutions r ON r.id = u.resolution_id
       WHERE u.calculation_version_id = ${versionId}::uuid AND r.scope = 'SCOPE_3' AND r.scope3_category = 1 GROUP BY 1, 2 ORDER BY 1, 2`;

  it("GCP fixture as Scope 3 cat. 1: Jan LB 510.1+8.93+2.35+0.64 = 522.02, MB 133.95; Feb LB 493.1+2.56+109.2 = 604.86, MB 160.09 kg", async () => {
    const { o, p, ctx } = await gcpOrg("ledger-gcp");
    const { versionId } = await recalculatePeriod({ ctx, input: { periodId: p.id } });
    expect((await monthTotals(versionId)).map((r) => [r.month.toISOString().slice(0, 7), r.method, r.kg])).toEqual([
      ["2025-01", "LOCATION_BASED", "522.0200"],
      ["2025-01", "MARKET_BASED", "133.9500"],
      ["2025-02", "LOCATION_BASED", "604.8600"],
      ["2025-02", "MARKET_BASED", "160.0900"],
    ]);
    const inv = await getInventory({ ctx, input: { periodId: p.id } });
    expect(inv.e16).toMatchObject({ scope1KgCo2e: "0", scope2LbKgCo2e: "0", scope3LbKgCo2e: "1126.88", scope3MbKgCo2e: "294.04", totalLbKgCo2e: "1126.88" });
    // The provider's own split stays on the records: Σ S1 + S2 LB + S3 = the LB totals per month.
    const split = await prisma.$queryRaw<{ month: Date; s: string }[]>`
      SELECT period_start AS month, sum(scope1_kg_co2e + scope2_lb_kg_co2e + scope3_kg_co2e)::numeric(20,4)::text AS s FROM provider_emission_records
       WHERE organization_id = ${o}::uuid GROUP BY 1 ORDER BY 1`;
    expect(split.map((r) => r.s)).toEqual(["522.0200", "604.8600"]);
  });

  it("a newer model version restates Jan Compute Engine (510.1 → 480.0 LB) in a closed period: version 2 counts 491.92 for Jan, never both", async () => {
    const { o, rows, training, p, ctx } = await gcpOrg("ledger-gcp-restate");
    await recalculatePeriod({ ctx, input: { periodId: p.id } });
    await updateReportingPeriod({ ctx, input: { periodId: p.id, close: true } });
    const old = rows[0];
    const restated = await prisma.providerEmissionRecord.create({
      data: {
        organizationId: o, rowHash: "restated-1", provider: "GCP", nature: "PROVIDER_REPORTED", billingAccountId: old.billingAccountId, cloudProjectId: "ml-training",
        periodStart: old.periodStart, periodEnd: old.periodEnd, modelVersion: "15", totalLbKgCo2e: "480.0", totalMbKgCo2e: "120.0", projectId: training.id,
        keyHash: old.keyHash, versionRank: versionRank("15"),
      },
    });
    await prisma.providerEmissionRecord.update({ where: { id: old.id }, data: { supersededById: restated.id } });
    const v2 = await recalculatePeriod({ ctx, input: { periodId: p.id } });
    expect(v2).toMatchObject({ versionNumber: 2, restated: true });
    const jan = (await monthTotals(v2.versionId)).filter((r) => r.month.toISOString().startsWith("2025-01"));
    expect(jan.map((r) => r.kg)).toEqual(["491.9200", "124.4500"]);
    const inv = await getInventory({ ctx, input: { periodId: p.id } });
    expect(inv.restatement?.changes).toEqual(expect.arrayContaining([expect.objectContaining({ datapoint: "E1-6.scope3.location-based", previouslyKgCo2e: "1126.88", currentlyKgCo2e: "1096.78", differenceKgCo2e: "-30.1" })]));
  });

  it("circular supersession cannot be stored (the database refuses a row pointing back to an older version of its key); the chain that is stored counts once", async () => {
    const { rows, p, ctx } = await gcpOrg("ledger-gcp-cycle");
    const old = rows[0];
    const { id: _id, createdAt: _c, supersededById: _s, tags: _t, ...copy } = old;
    const newer = await prisma.providerEmissionRecord.create({ data: { ...copy, rowHash: "cycle-newer", modelVersion: "15", versionRank: versionRank("15") } });
    await prisma.providerEmissionRecord.update({ where: { id: old.id }, data: { supersededById: newer.id } });
    await expect(prisma.providerEmissionRecord.update({ where: { id: newer.id }, data: { supersededById: old.id } })).rejects.toThrow(/superseded by a newer row of the same key/);
    await expect(prisma.providerEmissionRecord.update({ where: { id: rows[1].id }, data: { supersededById: rows[0].id } })).rejects.toThrow(/superseded by a newer row of the same key/);
    const v = await recalculatePeriod({ ctx, input: { periodId: p.id } });
    const lines = await prisma.ledgerLine.count({ where: { calculationVersionId: v.versionId, sourceRecordId: { in: [old.id, newer.id] } } });
    expect(lines).toBe(2); // the newer row's LB and MB lines; the superseded row's none
  });

  it("export + overlapping runs of ml-training in Jan (1 + 3 kWh): counted once (S3 LB still 1126.88); shares 129.7575 + 389.2725 sum back to ml-training's Jan export 510.1 + 8.93 = 519.03", async () => {
    const { o, training, p, ctx } = await gcpOrg("ledger-gcp-runs");
    const ds = await factorDataset(o);
    await factorRow(ds.id, o, { keyType: "CLOUD_REGION", key: "gcp:us-central1", value: "0.5" });
    const a = await runRow(o, training.id, { energyKwh: "1", at: "2025-01-20T00:00:00Z", onCloud: true, cloudProvider: "gcp", cloudRegion: "us-central1" });
    const b = await runRow(o, training.id, { energyKwh: "3", at: "2025-01-21T00:00:00Z", onCloud: true, cloudProvider: "gcp", cloudRegion: "us-central1" });
    await recalculatePeriod({ ctx, input: { periodId: p.id } });
    const inv = await getInventory({ ctx, input: { periodId: p.id } });
    expect(inv.e16?.scope3LbKgCo2e).toBe("1126.88");
    // ml-training Jan: 510.1 + 8.93 = 519.03 LB; shares by energy 1:3.
    const shares = inv.allocations.filter((x) => x.month === "2025-01-01");
    const byRun = Object.fromEntries(shares.map((x) => [x.runId, x.lbKgCo2e]));
    expect(byRun).toEqual({ [a.id]: "129.7575", [b.id]: "389.2725" });
    const rec = inv.reconciliation.find((r) => r.projectName === "ml-training" && r.month === "2025-01-01")!;
    expect(rec).toMatchObject({ providerLbKgCo2e: "519.03", runsComputedKgCo2e: "2", differenceKgCo2e: "517.03", runs: 2 });
  });
});

describe("recalculatePeriod: a period with no factors", () => {
  it("every line unresolved and listed with its reason; totals 0 with 2 unresolved lines", async () => {
    const org = await createTestOrg("ledger-nofactors", ["ADMIN", "OFFICER"]);
    const o = org.organization.id;
    const s = await site(o, { countryIsoCode: "ZZZ", market: "ZZ" });
    await electricity(o, s.id, "5");
    const p = await period(o);
    const ctx = await org.ctx("OFFICER");
    const out = await recalculatePeriod({ ctx, input: { periodId: p.id } });
    expect(out).toMatchObject({ lines: 2, unresolvedLines: 2 });
    const inv = await getInventory({ ctx, input: { periodId: p.id } });
    expect(inv.e16).toMatchObject({ totalLbKgCo2e: "0", unresolvedLines: 2, resolvedLines: 0 });
    expect(inv.unresolved.lines.map((l) => l.resolution)).toEqual([expect.stringContaining("COUNTRY ZZZ"), expect.stringContaining("residual mix")]);
  });
});

describe("SCI per project (apart from the inventory)", () => {
  it("2 runs × 30 kWh × 0.4 = 24 kg, M = 2 × 2 kg, R = 2 runs × 5 (1,000 inferences): SCI = (24 + 4) / 10 = 2.8 kgCO2e per 1,000 inferences", async () => {
    const org = await createTestOrg("ledger-sci", ["ADMIN", "OFFICER", "ENGINEER", "AUDITOR"]);
    const o = org.organization.id;
    const ds = await factorDataset(o);
    await factorRow(ds.id, o, { keyType: "COUNTRY", key: "USA", value: "0.4" });
    const proj = await project(o, "inference");
    await runRow(o, proj.id, { energyKwh: "30", countryIsoCode: "USA" });
    await runRow(o, proj.id, { energyKwh: "30", countryIsoCode: "USA" });
    const p = await period(o);
    const officer = await org.ctx("OFFICER");
    await expectAppError(() => setProjectSci({ ctx: officer, input: { projectId: proj.id, functionalUnit: "x", unitsPerRun: "1" } }), "FORBIDDEN");
    const engineer = await org.ctx("ENGINEER");
    await expectAppError(() => setProjectSci({ ctx: engineer, input: { projectId: proj.id, functionalUnit: "x", unitsPerRun: "0" } }), "VALIDATION");
    await expectAppError(() => setProjectSci({ ctx: engineer, input: { projectId: "not-a-uuid", functionalUnit: "x", unitsPerRun: "1" } }), "NOT_FOUND");
    const stranger = await createTestOrg("ledger-sci-other", ["ADMIN", "ENGINEER"]);
    await expectAppError(async () => setProjectSci({ ctx: await stranger.ctx("ENGINEER"), input: { projectId: proj.id, functionalUnit: "x", unitsPerRun: "1" } }), "NOT_FOUND");
    await setProjectSci({ ctx: engineer, input: { projectId: proj.id, functionalUnit: "1,000 inferences", unitsPerRun: "5", embodiedKgCo2ePerRun: "2" } });
    await recalculatePeriod({ ctx: officer, input: { periodId: p.id } });
    const inv = await getInventory({ ctx: await org.ctx("AUDITOR"), input: { periodId: p.id } });
    expect(inv.sci).toEqual([{ projectId: proj.id, projectName: "inference", functionalUnit: "1,000 inferences", functionalUnits: "10", energyKwh: "60", operationalKgCo2e: "24", embodiedKgCo2e: "4", sciKgCo2ePerUnit: "2.8" }]);
    // Not summed into the inventory: Scope 2 LB is the 24 kg alone.
    expect(inv.e16?.scope2LbKgCo2e).toBe("24");
  });
});
