// The inventory page, end to end: an officer creates a period and recalculates it. The runs (France, 2024) resolve
// against the shipped CodeCarbon energy mix, whose latest French year is 2023: every line is listed as a flagged
// fallback with the factor and why it was chosen, and each figure opens the ledger lines behind it, each line naming
// its source run and import file. (Unresolved lines, with no factor at all, are covered by the integration tests.)
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { account } from "./support/accounts";
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
  await expect(page.getByRole("heading", { name: "Unresolved lines (0)" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("unresolved-warning")).toHaveCount(0);
  await expect(page.getByTestId("fig-s2-lb")).not.toHaveText("0 t CO₂e");
  const flagged = page.getByTestId("flagged-lines").getByTestId("ledger-line");
  expect(await flagged.count()).toBeGreaterThan(0);
  await expect(flagged.first()).toContainText("COUNTRY FRA 2023");
  await expect(flagged.first()).toContainText("nearest earlier year 2023 used");
  await expect(flagged.first()).toContainText("factor-year-fallback");

  // Bad revenue: a clear message, nothing saved.
  const revenue = page.getByRole("form", { name: "Net revenue" });
  await revenue.getByLabel(/Net revenue/).fill("12,5 EUR");
  await revenue.getByRole("button", { name: "Save revenue" }).click();
  await expect(revenue.getByRole("alert")).toContainText("must be a non-negative amount");

  await page.getByRole("link", { name: "Gross Scope 2, location-based" }).click();
  await expect(page.getByRole("heading", { name: /Ledger lines: Scope 2, location-based/ })).toBeVisible();
  const line = page.getByTestId("drilldown-lines").getByTestId("ledger-line").first();
  await expect(line).toContainText("run ");
  await expect(line).toContainText("tracker-reported");
  await expect(line.getByRole("link", { name: /inventory-e2e\.csv|codecarbon/ })).toBeVisible();

  // A bad filter in the URL is a message, not a crash.
  const bad = await page.goto(page.url().replace("SCOPE_2", "SCOPE_9"));
  expect(bad!.status()).toBe(200);
  await expect(page.getByText(/Invalid input: scope/)).toBeVisible();
});

test("the auditor sees the inventory but no recalculate, period or revenue forms", async ({ page }) => {
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
  await expect(page.getByTestId("e15")).toContainText("Total 1 MWh");
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
