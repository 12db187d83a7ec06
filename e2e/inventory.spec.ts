// The inventory page, end to end: an officer creates a period, recalculates it, and — with the shipped country
// factors, which have no 2024 factor for the runs' country (France) — every line uses the 2023 factor and is listed
// as a flagged fallback with its reason, and each figure opens the ledger lines behind it, each line naming its
// source run and import file.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { account } from "./support/accounts";
import { apiLogin, loginAs } from "./support/session";

const CSV = readFileSync(path.join(process.cwd(), "e2e", "fixtures", "codecarbon-2.4-macos-m1.csv"));

test("officer: create FY2024, recalculate: 0.00809 kWh × 0.056039 kg/kWh (shipped FRA 2023, year fallback) = 0.0004534 kgCO2e; flagged lines with their reason; figure → lines → source", async ({ page, playwright, baseURL }) => {
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
  await expect(page.getByTestId("fig-s2-lb")).toHaveText("0.0000004534 t CO₂e", { timeout: 30_000 });
  await expect(page.getByTestId("unresolved-warning")).toHaveCount(0);
  const flagged = page.getByTestId("flagged-lines").getByTestId("ledger-line");
  expect(await flagged.count()).toBeGreaterThan(0);
  await expect(flagged.first()).toContainText("no 2024 factor, nearest earlier year 2023 used");

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
