// The inventory page, end to end: an officer creates a period and recalculates it. The runs (France, 2024) resolve
// against the shipped CodeCarbon energy mix, whose latest French year is 2023: every line is listed as a flagged
// fallback with the factor and why it was chosen, and each figure opens the ledger lines behind it, each line naming
// its source run and import file. (Unresolved lines, with no factor at all, are covered by the integration tests.)
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { account } from "./support/accounts";
import { pdfText } from "./support/pdf";
import { coverForAuditor, periodIdByName } from "./support/engagement";
import { apiLogin, loginAs } from "./support/session";

const CSV = readFileSync(path.join(process.cwd(), "e2e", "fixtures", "codecarbon-2.4-macos-m1.csv"));

test("officer: create FY2024, recalculate; runs resolve on the shipped energy mix with the year fallback flagged; figure → lines → source", async ({ page, playwright, baseURL }) => {
  const engineer = await playwright.request.newContext({ baseURL });
  await apiLogin(engineer, account("acme", "ENGINEER"));
  const upload = await engineer.put("/api/orgs/acme/imports/upload?name=inventory-e2e.csv&confirm=true", { data: CSV, headers: { "content-type": "text/csv" } });
  expect([200, 202]).toContain(upload.status());
  // The import commits in the background: wait until its runs are visible.
  await expect.poll(async () => ((await (await engineer.get("/api/orgs/acme/dashboard")).json()).totals.runs as number), { timeout: 30_000 }).toBeGreaterThan(0);
  await engineer.dispose();

  await loginAs(page, account("acme", "OFFICER"));
  await page.goto("/acme/inventory");
  await expect(page.getByRole("link", { name: "Inventory" })).toHaveAttribute("aria-current", "page");
  const form = page.getByRole("form", { name: "New reporting period" });
  await form.getByLabel("Name").fill("E2E FY2024");
  await form.getByLabel("First day").fill("2024-01-01");
  await form.getByLabel("Last day").fill("2024-12-31");
  await form.getByRole("button", { name: "Create period" }).click();
  await expect(page.getByRole("heading", { name: "Inventory E2E FY2024" })).toBeVisible();
  await expect(page.getByText("No calculation yet")).toBeVisible();

  await page.getByRole("form", { name: "Recalculate" }).getByRole("button", { name: "Recalculate" }).click();
  // Its progress where it runs, then its outcome (decision 0026).
  await expect(page.getByTestId("recalculation-outcome")).toContainText(/Recalculated: version 1, [\d,]+ lines/, { timeout: 30_000 });
  const progress = await page.context().request.get(page.url().replace("/acme/inventory/", "/api/orgs/acme/periods/") + "/recalculation");
  expect(await progress.json()).toMatchObject({ phase: "done", step: 7, steps: 7, running: false });
  await expect(page.getByRole("heading", { name: "Unresolved lines (0)" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("unresolved-warning")).toHaveCount(0);
  await expect(page.getByTestId("fig-s2-lb")).not.toHaveText("0 t CO₂e");
  const flagged = page.getByTestId("flagged-lines").getByTestId("ledger-line");
  expect(await flagged.count()).toBeGreaterThan(0);
  // Lines are listed per resolution (decision 0019), not by month: the runs' fallback line is among them.
  const fra = flagged.filter({ hasText: "COUNTRY FRA 2023" }).first();
  await expect(fra).toContainText("nearest earlier year 2023 used");
  await expect(fra).toContainText("factor-year-fallback");

  // Bad revenue: a clear message, nothing saved.
  const revenue = page.getByRole("form", { name: "Net revenue" });
  await revenue.getByLabel(/Net revenue/).fill("12,5 EUR");
  await revenue.getByRole("button", { name: "Save revenue" }).click();
  await expect(revenue.getByRole("alert")).toContainText("must be a non-negative amount");

  await page.getByRole("link", { name: "Gross Scope 2, location-based" }).click();
  await expect(page.getByRole("heading", { name: /Ledger lines: Scope 2, location-based/ })).toBeVisible();
  // Lines are listed per resolution (decision 0019; tracker runs' first): the run line with its tracker figure.
  const line = page.getByTestId("drilldown-lines").getByTestId("ledger-line").filter({ hasText: "tracker-reported" }).first();
  await expect(line).toContainText("run ");
  await expect(line).toContainText("tracker-reported");
  await expect(line.getByRole("link", { name: /inventory-e2e\.csv|codecarbon/ })).toBeVisible();

  // A bad filter in the URL is a message, not a crash.
  const bad = await page.goto(page.url().replace("SCOPE_2", "SCOPE_9"));
  expect(bad!.status()).toBe(200);
  await expect(page.getByText(/Invalid input: scope/)).toBeVisible();
});

test("the auditor sees the inventory but no recalculate, period or revenue forms", async ({ page, playwright, baseURL }) => {
  // The auditor sees only the periods of their engagement (decision 0027): the officer adds FY2024 to it.
  const officer = await playwright.request.newContext({ baseURL });
  await apiLogin(officer, account("acme", "OFFICER"));
  await coverForAuditor(officer, "acme", [await periodIdByName(officer, "acme", "E2E FY2024")]);
  await officer.dispose();
  await loginAs(page, account("acme", "AUDITOR"));
  await page.goto("/acme/inventory");
  await expect(page.getByRole("form", { name: "New reporting period" })).toHaveCount(0);
  await page.getByRole("link", { name: "E2E FY2024" }).click();
  await expect(page.getByTestId("e16-table")).toBeVisible();
  await expect(page.getByRole("form", { name: "Recalculate" })).toHaveCount(0);
  const res = await page.context().request.post(page.url().replace("/acme/inventory/", "/api/orgs/acme/periods/") + "/recalculate");
  expect(res.status()).toBe(403);
});

test("officer: an activity entered updates an OPEN period without Recalculate; an engineer's import marks it stale until Recalculate", async ({ page, playwright, baseURL }) => {
  const officer = await playwright.request.newContext({ baseURL });
  await apiLogin(officer, account("acme", "OFFICER"));
  const period = await officer.post("/api/orgs/acme/periods", { data: { name: "E2E FY2023", startDate: "2023-01-01", endDate: "2023-12-31" } });
  expect(period.status()).toBe(201);
  const periodId = ((await period.json()) as { id: string }).id;
  const site = `e2e-trigger-site-${Date.now()}`;
  expect((await officer.post("/api/orgs/acme/sites", { data: { name: site, countryIsoCode: "FRA" } })).status()).toBe(201);
  const entry = { periodStart: "2023-05-01", periodEnd: "2023-05-31", site, category: "electricity", quantity: "1000", unit: "kWh" };
  expect((await officer.post("/api/orgs/acme/activity", { data: entry })).status()).toBe(201);
  await officer.dispose();

  await loginAs(page, account("acme", "OFFICER"));
  await page.goto(`/acme/inventory/${periodId}`);
  // Calculated by the entry itself: 1000 kWh = 1 MWh of purchased electricity.
  await expect(page.getByTestId("e15-total")).toHaveText("1 MWh");
  await expect(page.getByTestId("stale-notice")).toHaveCount(0);

  const engineer = await playwright.request.newContext({ baseURL });
  await apiLogin(engineer, account("acme", "ENGINEER"));
  const csv = `timestamp,project_name,run_id,duration,emissions,energy_consumed,cpu_count\n2023-05-02T10:00:00,e2e-stale,${crypto.randomUUID()},60,0.001,0.5,4\n`;
  const upload = await engineer.put("/api/orgs/acme/imports/upload?name=stale-e2e.csv&confirm=true", { data: Buffer.from(csv), headers: { "content-type": "text/csv" } });
  expect([200, 202]).toContain(upload.status());
  // The import commits in the background; the engineer may not recalculate, so the period goes stale.
  await expect.poll(async () => ((await (await engineer.get(`/api/orgs/acme/periods/${periodId}/staleness`)).json()) as { stale: boolean }).stale, { timeout: 30_000 }).toBe(true);
  await engineer.dispose();

  await page.reload();
  await expect(page.getByTestId("stale-notice")).toContainText("Inputs changed since these figures were calculated");
  await expect(page.getByTestId("stale-notice")).toContainText("an import was committed");
  await page.getByRole("form", { name: "Recalculate" }).getByRole("button", { name: "Recalculate" }).click();
  await expect(page.getByTestId("stale-notice")).toHaveCount(0, { timeout: 30_000 });
});

test("officer: E1-5 fuels, self-generation and mix, E1-6 biogenic CO2, primary Scope 3 and instruments on the page and in the PDF, with the factor credits", async ({ page, playwright, baseURL }) => {
  const officer = await playwright.request.newContext({ baseURL });
  await apiLogin(officer, account("acme", "OFFICER"));
  // 2026: no other spec enters data for it. The shipped French grid factor (latest year 2023) prices the electricity.
  const period = await officer.post("/api/orgs/acme/periods", { data: { name: "E2E FY2026 E1", startDate: "2026-01-01", endDate: "2026-12-31" } });
  expect(period.status()).toBe(201);
  const periodId = ((await period.json()) as { id: string }).id;
  const site = `e2e-e1-site-${Date.now()}`;
  expect((await officer.post("/api/orgs/acme/sites", { data: { name: site, countryIsoCode: "FRA", market: "FRA" } })).status()).toBe(201);
  const factor = await officer.post("/api/orgs/acme/factors", {
    multipart: {
      keyType: "FUEL", key: "e2e-biodiesel", year: "2026", method: "ACTIVITY_AVERAGE", value: "0.17", unit: "kgCO2e/L", description: "Biodiesel B100 (e2e)",
      energyKwhPerUnit: "10", biogenicCo2PerUnit: "2.5", renewableShare: "1",
      evidence: { name: "datasheet.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 datasheet") },
    },
  });
  expect(factor.status(), await factor.text()).toBe(201);
  const day = { periodStart: "2026-03-01", periodEnd: "2026-03-31", site };
  for (const entry of [
    { category: "fuel", activityType: "e2e-biodiesel", quantity: "1000", unit: "L" },
    { category: "electricity", quantity: "70", unit: "MWh" },
    { category: "self-generation", activityType: "solar", quantity: "20000", unit: "kWh" },
    { category: "travel", activityType: "rail", quantity: "1000", unit: "passenger-km", supplierFactorValue: "0.1", supplierFactorUnit: "kgCO2e/passenger-km" },
  ]) {
    const res = await officer.post("/api/orgs/acme/activity", { data: { ...day, ...entry } });
    expect(res.status(), await res.text()).toBe(201);
  }
  const go = { type: "go", volumeMwh: "35", market: "FRA", vintageStart: "2026-01-01", vintageEnd: "2026-12-31", trackingSystem: "AIB-EECS", certificateId: `E2E-GO-${Date.now()}`, retiredOnBehalf: "yes", emissionRateKgCo2ePerKwh: "0", bundled: "no" };
  expect((await officer.post("/api/orgs/acme/instruments", { data: go })).status()).toBe(201);
  expect((await officer.post("/api/orgs/acme/instruments", { data: { ...go, certificateId: "E2E-BAD", bundled: "perhaps" } })).status()).toBe(422);
  await officer.dispose();

  await loginAs(page, account("acme", "OFFICER"));
  await page.goto(`/acme/inventory/${periodId}`);
  await page.getByRole("form", { name: "Recalculate" }).getByRole("button", { name: "Recalculate" }).click();
  // 1000 L × 10 kWh/L = 10 MWh renewable fuel + 70 MWh purchased + 20 MWh self-generated = 100 MWh.
  await expect(page.getByTestId("e15-total")).toHaveText("100 MWh", { timeout: 30_000 });
  await expect(page.getByTestId("e15-renewable-fuels")).toHaveText("10 MWh (10 %)");
  await expect(page.getByTestId("e15-self-generated")).toHaveText("20 MWh (20 %)");
  await expect(page.getByTestId("e15-purchased")).toHaveText("70 MWh");
  await expect(page.getByTestId("e15-fuels")).toHaveText("10 MWh: fossil 0, renewable 10");
  // 1000 L × 2.5 kg CO2/L = 2,500 kg biogenic CO2, outside the scopes.
  await expect(page.getByTestId("e16-biogenic")).toContainText("2,500 kg CO₂");
  await expect(page.getByTestId("e16-s3-primary")).toHaveText("100 % location-based, 100 % market-based");
  // 35 MWh of unbundled GOs / 70 MWh market-based = 50 %.
  await expect(page.getByTestId("e16-instruments-covered")).toHaveText("35 of 70 MWh = 50 %");
  await expect(page.getByTestId("e16-instruments-bundled")).toHaveText("0 / 35 / 0 MWh");
  await expect(page.getByTestId("e16-instruments-types")).toHaveText("GO 35 MWh (100 %)");
  await expect(page.getByTestId("methodology")).toContainText("Rounding: sums are exact");
  await expect(page.getByTestId("factor-attributions")).toContainText("Our World in Data");
  await expect(page.getByTestId("factor-attributions")).toContainText("Custom factors");

  const pdf = await page.context().request.get((await page.getByTestId("inventory-pdf").getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  const { pages, text } = await pdfText(await pdf.body());
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(text).toContain("ESRS E1 inventory · E2E FY2026 E1");
  for (const s of ["100 MWh", "20 MWh (20 %)", "2,500 kg CO₂", "35 of 70 MWh = 50 %", "Rounding: sums are exact", "Our World in Data", "Custom factors"]) expect(text, s).toContain(s);

  // A period id that is not one: a clear 404, not a crash.
  expect((await page.context().request.get("/api/orgs/acme/reports/summary?period=nope")).status()).toBe(404);
});
