// ESRS E1-5 and the E1-6 extras on the real database: factors with energy content and biogenic CO2 added as custom
// factors, fuels, self-generation, electricity and instruments entered through the services the forms use,
// recalculatePeriod, then the version breakdown and the inventory. Golden numbers in the test names.
import { beforeAll, describe, expect, it } from "vitest";
import { aggregateE16 } from "../../lib/ghg/aggregate";
import { prisma } from "../../lib/db/client";
import { createActivity } from "../../lib/services/activity/create-activity";
import { createInstrument } from "../../lib/services/activity/create-instrument";
import { addCustomFactor } from "../../lib/services/factors/add-custom-factor";
import { getInventory } from "../../lib/services/inventory/get-inventory";
import type { InventoryData } from "../../lib/views/inventory";
import { versionBreakdown } from "../../lib/services/inventory/version-breakdown";
import { versionLines } from "../../lib/services/inventory/ledger/version-lines";
import { recalculatePeriod } from "../../lib/services/inventory/recalculate-period";
import { renderSummaryReport } from "../../lib/services/reporting/render-summary-report";
import { pdfText } from "../../e2e/support/pdf";
import { createTestOrg } from "../helpers/db";
import { expectAppError } from "../helpers/errors";
import { factorDataset, factorRow, period, site } from "../helpers/ledger";

const evidence = { fileName: "datasheet.pdf", contentType: "application/pdf", bytes: new TextEncoder().encode("fuel datasheet") };

describe("E1-5 and E1-6 extras through recalculatePeriod", () => {
  let inv: InventoryData;
  let o: string;
  let versionId: string;
  let periodId: string;
  let ctx: Awaited<ReturnType<Awaited<ReturnType<typeof createTestOrg>>["ctx"]>>;

  beforeAll(async () => {
    const org = await createTestOrg("e1-datapoints", ["ADMIN", "OFFICER", "AUDITOR"]);
    o = org.organization.id;
    ctx = await org.ctx("OFFICER");
    const grid = await factorDataset(o, "Grid e1");
    await factorRow(grid.id, o, { keyType: "COUNTRY", key: "DEU", value: "0.3", fossilShare: "0.5", nuclearShare: "0.2", renewableShare: "0.3" });
    await factorRow(grid.id, o, { keyType: "GRID_REGION", key: "DE-LU", value: "0.45", method: "RESIDUAL_MIX" });
    const fuel = { keyType: "FUEL", year: "2025", method: "ACTIVITY_AVERAGE", unit: "kgCO2e/L" };
    await addCustomFactor({ ctx, input: { fields: { ...fuel, key: "diesel", value: "2.68", energyKwhPerUnit: "10", description: "Diesel, 10 kWh/L" }, evidence } });
    // Biogenic CO2 in the unit's mass: 0.0025 t CO2/L with tCO2e/L = 2.5 kg CO2/L.
    await addCustomFactor({ ctx, input: { fields: { ...fuel, key: "biodiesel", value: "0.00017", unit: "tCO2e/L", energyKwhPerUnit: "10", biogenicCo2PerUnit: "0.0025", renewableShare: "1", description: "Biodiesel B100" }, evidence } });
    await addCustomFactor({ ctx, input: { fields: { ...fuel, key: "coal", value: "2.4", unit: "kgCO2e/kg", description: "Coal, no energy content given" }, evidence } });
    await addCustomFactor({ ctx, input: { fields: { keyType: "ACTIVITY", key: "travel:rail", year: "2025", method: "ACTIVITY_AVERAGE", value: "0.3", unit: "kgCO2e/passenger-km", description: "Rail average" }, evidence } });
    const s = await site(o, { countryIsoCode: "DEU", market: "DE-LU" });
    const day = { periodStart: "2025-03-01", periodEnd: "2025-03-31", site: s.name };
    await createActivity({ ctx, input: { ...day, category: "fuel", activityType: "diesel", quantity: "1000", unit: "L" } });
    await createActivity({ ctx, input: { ...day, category: "fuel", activityType: "biodiesel", quantity: "1", unit: "m3" } });
    await createActivity({ ctx, input: { ...day, category: "fuel", activityType: "coal", quantity: "50", unit: "kg" } });
    await createActivity({ ctx, input: { ...day, category: "electricity", quantity: "60", unit: "MWh" } });
    await createActivity({ ctx, input: { ...day, category: "self-generation", activityType: "solar", quantity: "72", unit: "GJ" } });
    await createActivity({ ctx, input: { ...day, category: "travel", activityType: "rail", quantity: "1000", unit: "passenger-km" } });
    await createActivity({ ctx, input: { ...day, category: "travel", activityType: "rail", quantity: "1000", unit: "passenger-km", supplierFactorValue: "0.1", supplierFactorUnit: "kgCO2e/passenger-km", note: "operator's own figure" } });
    const inst = { market: "DE-LU", vintageStart: "2025-01-01", vintageEnd: "2025-12-31", retiredOnBehalf: "yes", emissionRateKgCo2ePerKwh: "0" };
    await createInstrument({ ctx, input: { ...inst, type: "go", volumeMwh: "30", trackingSystem: "AIB", certificateId: "GO-E1-1", bundled: "no" } });
    await createInstrument({ ctx, input: { ...inst, type: "ppa", volumeMwh: "15", bundled: "yes" } });
    const p = await period(o, "FY2025 e1");
    periodId = p.id;
    versionId = (await recalculatePeriod({ ctx, input: { periodId: p.id } })).versionId;
    inv = await getInventory({ ctx, input: { periodId: p.id } });
  }, 120_000);

  it("E1-5 total = diesel 1000 L × 10 kWh/L + biodiesel 1 m3 = 1000 L × 10 kWh/L + electricity 60 MWh + solar 72 GJ (20 MWh) = 100 MWh", () => {
    expect(inv.e15).toMatchObject({ totalMwh: "100", fuelsMwh: "20", purchasedMwh: "60", selfGeneratedRenewableMwh: "20" });
  });

  it("E1-5 fossil 10 + 60 × 0.5 = 40 MWh (40 %), nuclear 60 × 0.2 = 12 (12 %), renewable 10 + 18 + 20 = 48 (48 %): fuels 10 %, purchased 18 %, self-generated 20 %", () => {
    expect(inv.e15).toMatchObject({ fossilMwh: "40", fossilPct: "40", nuclearMwh: "12", renewableMwh: "48", renewablePct: "48", renewableFuelsPct: "10", purchasedRenewablePct: "18", selfGeneratedRenewablePct: "20" });
  });

  it("E1-5 coal 50 kg without energy content is listed as not convertible, not 0 MWh", () => {
    expect(inv.e15?.notConvertible).toEqual([expect.objectContaining({ unit: "kg", quantity: "50", lines: 1 })]);
  });

  it("E1-6 biogenic CO2 = 1000 L × 2.5 kg/L = 2,500 kg outside the scopes; Scope 1 = 1000 × 2.68 + 1000 × 0.17 + 50 × 2.4 + solar 0 = 2,970 kgCO2e", () => {
    expect(inv.e16Extras?.biogenicCo2Kg).toBe("2500");
    expect(inv.e16?.scope1KgCo2e).toBe("2970");
  });

  it("E1-6 Scope 3 primary = supplier-specific rail 1000 pkm × 0.1 = 100 / (100 + average rail 1000 × 0.3 = 300) = 25 %", () => {
    expect(inv.e16Extras).toMatchObject({ scope3PrimaryLbKgCo2e: "100", scope3PrimaryLbPct: "25", scope3PrimaryMbPct: "25" });
  });

  it("E1-6 instruments: (30 MWh GO unbundled + 15 MWh PPA bundled) / 60 MWh market-based = 75 % covered", () => {
    expect(inv.e16Extras?.instruments).toMatchObject({ marketBasedMwh: "60", coveredMwh: "45", coveredPct: "75", bundledMwh: "15", unbundledMwh: "30", bundledNotStatedMwh: "0" });
    expect(inv.e16Extras?.instruments.byType.map((t) => [t.type, t.mwh])).toEqual([["GUARANTEE_OF_ORIGIN", "30"], ["PPA", "15"]]);
  });

  it("the version breakdown (from rollups) adds up to the E1-6 of the lines themselves and counts every line; another organization's id reads nothing", async () => {
    const rows = await versionBreakdown(prisma, o, versionId);
    expect(rows.reduce((n, r) => n + r.lines, 0)).toBe(await prisma.ledgerLine.count({ where: { calculationVersionId: versionId } }));
    expect(aggregateE16(rows, null)).toEqual(aggregateE16(await versionLines(prisma, o, versionId), null));
    const other = await createTestOrg("e1-other", ["OFFICER"]);
    expect(await versionBreakdown(prisma, other.organization.id, versionId)).toEqual([]);
  });

  it("the inventory names the factor datasets its lines used (for attribution)", async () => {
    const used = await prisma.emissionFactorDataset.findMany({ where: { id: { in: inv.datasetIds } }, select: { title: true } });
    expect(used.map((d) => d.title).sort()).toEqual(["Custom factors", "Grid e1"]);
  });

  it("the summary PDF carries the period's E1 page: the datapoints, the methodology and the factor datasets used", async () => {
    const pdf = await renderSummaryReport({ ctx, input: { period: periodId } });
    const { pages, text } = await pdfText(pdf.bytes);
    if (process.env.E1_PDF_OUT) (await import("node:fs")).writeFileSync(process.env.E1_PDF_OUT, pdf.bytes);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (const s of ["ESRS E1 inventory · FY2025 e1", "Gross Scope 1 2.97 t CO₂e", "100 MWh", "self-generated renewable energy 20 MWh (20 %)", "2,500 kg CO₂", "25 % location-based", "45 of 60 MWh = 75 %", "Rounding: sums are exact", "Grid e1", "Custom factors"])
      expect(text, s).toContain(s);
    // Without a period: the latest calculated one; a malformed or foreign id is "not found".
    expect((await pdfText((await renderSummaryReport({ ctx })).bytes)).text).toContain("ESRS E1 inventory · FY2025 e1");
    await expectAppError(() => renderSummaryReport({ ctx, input: { period: "nope" } }), "NOT_FOUND");
    await expectAppError(() => renderSummaryReport({ ctx, input: { period: "00000000-0000-4000-8000-000000000000" } }), "NOT_FOUND");
  });

  it("bad input: a negative energy content or a renewable share above 1 is a 422 on its field, nothing added", async () => {
    const before = await prisma.emissionFactor.count({ where: { organizationId: o } });
    const base = { keyType: "FUEL", key: "lpg", year: "2025", method: "ACTIVITY_AVERAGE", value: "1.5", unit: "kgCO2e/L", description: "LPG" };
    const fieldOf = (e: { issues: { field: string }[] }) => e.issues.map((d) => d.field);
    expect(fieldOf(await expectAppError(() => addCustomFactor({ ctx, input: { fields: { ...base, energyKwhPerUnit: "-7" }, evidence } }), "VALIDATION"))).toEqual(["energyKwhPerUnit"]);
    expect(fieldOf(await expectAppError(() => addCustomFactor({ ctx, input: { fields: { ...base, renewableShare: "1.5" }, evidence } }), "VALIDATION"))).toEqual(["renewableShare"]);
    const bad = { type: "go", volumeMwh: "1", market: "DE-LU", vintageStart: "2025-01-01", vintageEnd: "2025-12-31", retiredOnBehalf: "yes", emissionRateKgCo2ePerKwh: "0", bundled: "maybe" };
    expect(fieldOf(await expectAppError(() => createInstrument({ ctx, input: bad }), "VALIDATION"))).toEqual(["bundled"]);
    expect(await prisma.emissionFactor.count({ where: { organizationId: o } })).toBe(before);
  });
});
