// The set-based path for tracker runs (lib/services/inventory/ledger/run-lines-sql.ts) and the pure path (lib/ghg, one run at
// a time) give identical ledger lines, on random runs: cloud and own hardware, sites with and without PUE, grid
// regions, markets with and without residual mixes and instruments, factor years with fallbacks, missing energy,
// and cloud months covered by a provider export.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/db/client";
import { calculatePeriod } from "../../lib/ghg/calculate";
import { FactorIndex } from "../../lib/ghg/resolve-factor";
import { dec, text } from "../../lib/ghg/decimal";
import type { RunInput } from "../../lib/ghg/inputs";
import type { LineDraft } from "../../lib/ghg/types";
import { loadCalculationInput } from "../../lib/services/inventory/ledger/load-calculation-input";
import { planRuns } from "../../lib/services/inventory/ledger/run-lines-sql";
import { versionLines } from "../../lib/services/inventory/ledger/version-lines";
import { recalculatePeriod } from "../../lib/services/inventory/recalculate-period";
import { createTestOrg } from "../helpers/db";
import { factorDataset, factorRow, instrumentRow, period, project, site } from "../helpers/ledger";
import { prng as rng } from "../../scripts/bench/generate-codecarbon-csv";

const canon = (l: Pick<LineDraft, "scope" | "scope3Category" | "method" | "status" | "activityQuantity" | "activityUnit" | "factorId" | "factorValue" | "factorUnit" | "datasetVersion" | "instrumentId" | "emissionsKgCo2e" | "sourceKind" | "sourceRecordId" | "importId" | "projectId" | "siteId" | "month" | "nature" | "qualityFlags" | "resolution">) =>
  JSON.stringify([
    l.scope, l.scope3Category, l.method, l.status, text(dec(l.activityQuantity)), l.activityUnit, l.factorId, l.factorValue === null ? null : text(dec(l.factorValue)), l.factorUnit,
    l.datasetVersion, l.instrumentId, l.emissionsKgCo2e === null ? null : text(dec(l.emissionsKgCo2e)), l.sourceKind, l.sourceRecordId, l.importId, l.projectId, l.siteId, l.month,
    l.nature, l.qualityFlags, l.resolution,
  ]);

describe("set-based run lines = pure run lines", () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: 300 random runs, identical lines both ways`, async () => {
      const r = rng(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
      const org = await createTestOrg(`ledger-sql-${seed}`, ["ADMIN", "OFFICER"]);
      const o = org.organization.id;
      const shipped = await factorDataset(null, `Grid sql ${seed}`);
      const own = await factorDataset(o, `Own sql ${seed}`);
      for (const [key, year, value] of [["FRA", 2023, "0.05"], ["FRA", 2025, "0.056"], ["DEU", 2024, "0.38"], ["USA", 2025, "0.4"]] as const) await factorRow(shipped.id, null, { keyType: "COUNTRY", key, year, value });
      await factorRow(own.id, o, { keyType: "GRID_REGION", key: "RFCE", year: 2024, value: "0.31" });
      await factorRow(own.id, o, { keyType: "CLOUD_REGION", key: "gcp:europe-west4", year: 2024, value: "0.29" });
      await factorRow(own.id, o, { keyType: "GRID_REGION", key: "DE-LU", year: 2024, value: "0.5", method: "RESIDUAL_MIX" });
      const sites = [
        await site(o, { countryIsoCode: "DEU", market: "DE-LU", pue: "1.4" }),
        await site(o, { countryIsoCode: "USA", gridRegion: "RFCE", market: "US-PJM" }),
        await site(o, { countryIsoCode: "FRA", market: "FR", pue: "1.1" }),
      ];
      await instrumentRow(o, { volumeMwh: "0.05", market: "FR" }); // FR runs go one by one (allocation order)
      const projects = [await project(o), await project(o)];
      const p = await period(o, "FY", "2024-01-01", "2025-12-31");
      // A GCP export for project 0 in 2024-03: the cloud gcp runs there are covered (attribution, not counted).
      await prisma.providerEmissionRecord.create({ data: { organizationId: o, rowHash: `cover-${seed}`, provider: "GCP", nature: "PROVIDER_REPORTED", periodStart: new Date("2024-03-01T00:00:00Z"), periodEnd: new Date("2024-03-31T00:00:00Z"), totalLbKgCo2e: "12.5", totalMbKgCo2e: "3", projectId: projects[0].id, keyHash: `cover-${seed}`, versionRank: "1" } });
      const runs = Array.from({ length: 300 }, (_, i) => {
        const cloud = r() < 0.4;
        const month = pick(["2024-03", "2024-07", "2025-01", "2025-11"]);
        return {
          organizationId: o, projectId: pick(projects).id, externalRunId: `run-${seed}-${i}`,
          lastMeasuredAt: new Date(`${month}-${String(1 + Math.floor(r() * 27)).padStart(2, "0")}T${String(Math.floor(r() * 24)).padStart(2, "0")}:00:00Z`),
          energyKwh: r() < 0.05 ? null : `${Math.floor(r() * 1000)}.${String(Math.floor(r() * 1e9)).padStart(9, "0")}`,
          pue: pick(["1", "1", "1.2", null]),
          onCloud: cloud,
          cloudProvider: cloud ? pick(["gcp", "aws"]) : null,
          cloudRegion: cloud ? pick(["europe-west4", "us-east-1"]) : null,
          countryIsoCode: pick(["FRA", "DEU", "USA", "ZZZ", null]),
          siteId: !cloud && r() < 0.7 ? pick(sites).id : null,
        };
      });
      await prisma.run.createMany({ data: runs });

      const ctx = await org.ctx("OFFICER");
      const { versionId } = await recalculatePeriod({ ctx, input: { periodId: p.id } });
      const stored = await versionLines(prisma, o, versionId);
      const db = stored.map(canon);

      // The pure path over every run.
      const input = await loadCalculationInput(prisma, o, { id: p.id, startDate: p.startDate, endDate: p.endDate, status: "OPEN", netRevenue: null });
      const all = await prisma.run.findMany({ where: { organizationId: o } });
      input.runs = all.map((x): RunInput => ({
        id: x.id, projectId: x.projectId, importId: x.firstImportId, siteId: x.siteId, month: `${x.lastMeasuredAt!.toISOString().slice(0, 7)}-01`,
        energyKwh: x.energyKwh === null ? null : text(dec(x.energyKwh.toFixed())), pue: x.pue === null ? null : text(dec(x.pue.toFixed())), trackerEmissionsKgCo2e: null,
        onCloud: x.onCloud === true, cloudProvider: x.cloudProvider, cloudRegion: x.cloudRegion, countryIsoCode: x.countryIsoCode,
      }));
      const pure = calculatePeriod(input).lines.map(canon);
      expect(db.length).toBeGreaterThan(300);
      expect([...db].sort()).toEqual([...pure].sort());
      // Both paths were used: some runs set-based, some one by one (FR instrument market, covered cloud month).
      const slow = stored.filter((l) => l.sourceKind === "RUN" && (l.instrumentId !== null || l.siteId === sites[2].id));
      expect(slow.length).toBeGreaterThan(0);
    });
  }
});

describe("the fast runs' fingerprint (idempotence hash)", () => {
  it("12 runs in 3 raw keys: the same runs give the same hash; one run's energy, project or removal changes it", async () => {
    const org = await createTestOrg("ledger-sql-fp", ["ADMIN"]);
    const o = org.organization.id;
    const ds = await factorDataset(o, "Fingerprint grid");
    await factorRow(ds.id, o, { keyType: "COUNTRY", key: "FRA", value: "0.056" });
    const p = await project(o);
    const other = await project(o);
    const countries = ["FRA", "DEU", "USA"];
    await prisma.run.createMany({
      data: Array.from({ length: 12 }, (_, i) => ({ organizationId: o, projectId: p.id, externalRunId: `fp-${i}`, lastMeasuredAt: new Date(`2025-0${1 + (i % 9)}-10T00:00:00Z`), energyKwh: `${i}.5`, countryIsoCode: countries[i % 3] })),
    });
    const scope = { organizationId: o, from: "2025-01-01", to: "2025-12-31", covered: [], instrumentMarkets: [] };
    const fy = await period(o, "FY", "2025-01-01", "2025-12-31");
    const input = await loadCalculationInput(prisma, o, { id: fy.id, startDate: fy.startDate, endDate: fy.endDate, status: "OPEN", netRevenue: null });
    const plan = () => prisma.$transaction((tx) => planRuns(tx, scope, new FactorIndex(input.factors), input.sites));
    const first = await plan();
    expect(first.runs).toBe(12);
    expect(first.templates).toHaveLength(9 * 2); // 9 months × (LB, uncovered MB) — a template per raw key and month
    expect((await plan()).sha256).toBe(first.sha256);
    const run = await prisma.run.findFirstOrThrow({ where: { organizationId: o, externalRunId: "fp-4" } });
    await prisma.run.update({ where: { id: run.id }, data: { energyKwh: "4.25" } });
    const energy = await plan();
    expect(energy.sha256).not.toBe(first.sha256);
    await prisma.run.update({ where: { id: run.id }, data: { projectId: other.id } });
    const moved = await plan();
    expect(new Set([first.sha256, energy.sha256, moved.sha256]).size).toBe(3);
    await prisma.run.delete({ where: { id: run.id } });
    const removed = await plan();
    expect(removed.runs).toBe(11);
    expect(new Set([first.sha256, energy.sha256, moved.sha256, removed.sha256]).size).toBe(4);
  });
});
