// Activity data in the browser: an officer adds a site, enters an activity through the form, uploads the worked
// example CSV (preview → confirm) and sees exactly 30 kWh for its period; engineers and auditors read but cannot
// enter, import or record instruments (UI and API).
import path from "node:path";
import { expect, test } from "@playwright/test";
import { account } from "./support/accounts";
import { apiLogin, loginAs } from "./support/session";

const WORKED = path.join(process.cwd(), "e2e", "fixtures", "seed-worked-example.csv");

test.describe.configure({ mode: "serial" });

test("officer: creates a site, enters 12.5 kWh by form, imports the worked example as 30 kWh of Scope 2 electricity", async ({ page }) => {
  await loginAs(page, account("acme", "OFFICER"));
  await page.goto("/acme/sites");
  const siteForm = page.getByRole("form", { name: "New site" });
  await siteForm.getByLabel("Name").fill("e2e Warsaw office");
  await siteForm.getByLabel("Country (ISO 3166 alpha-3)").fill("pol");
  await siteForm.getByLabel("Market").fill("POL");
  await siteForm.getByLabel("Data-centre PUE").fill("0.8");
  await siteForm.getByRole("button", { name: "Add site" }).click();
  await expect(page.getByTestId("entry-message")).toContainText("pue: must be a number from 1 to 10");
  await siteForm.getByLabel("Data-centre PUE").fill("1.25");
  await siteForm.getByRole("button", { name: "Add site" }).click();
  await expect(page.getByTestId("entry-message")).toHaveText("Site added.");
  await expect(page.locator('tr[data-site="e2e Warsaw office"]')).toContainText("POL");
  await expect(page.locator('tr[data-site="e2e Warsaw office"]')).toContainText("1.25");

  await page.goto("/acme/activity");
  const form = page.getByRole("form", { name: "New activity" });
  await form.getByLabel("Period start").fill("2024-06-01");
  await form.getByLabel("Period end").fill("2024-06-30");
  await form.getByLabel("Site").selectOption("e2e Warsaw office");
  await form.getByLabel("Category").selectOption("electricity");
  await form.getByLabel("Quantity").fill("12.5");
  await form.locator(`select[name="unit"]`).selectOption("kWh");
  await form.getByLabel("Evidence reference").fill("INV-2024-06");
  await form.getByLabel("Evidence file (optional, ≤ 8 MiB)").setInputFiles({ name: "invoice.txt", mimeType: "text/plain", buffer: Buffer.from("June invoice: 12.5 kWh") });
  await form.getByRole("button", { name: "Add activity" }).click();
  await expect(page.getByTestId("entry-message")).toHaveText("Activity recorded.");
  await page.goto("/acme/activity?from=2024-06-01&to=2024-06-30");
  await expect(page.locator('[data-category="electricity"] [data-testid="activity-total"]')).toHaveText("12.5 kWh");
  await expect(page.getByTestId("activity-table")).toContainText("invoice.txt");

  // A bad entry: the reasons, field by field; nothing recorded.
  await page.goto("/acme/activity");
  await form.getByLabel("Period start").fill("2024-07-31");
  await form.getByLabel("Period end").fill("2024-07-01");
  await form.getByLabel("Site").selectOption("e2e Warsaw office");
  await form.getByLabel("Quantity").fill("-4");
  await form.getByRole("button", { name: "Add activity" }).click();
  await expect(page.getByTestId("entry-message").locator('[data-field="periodEnd"]')).toContainText("is before period_start");
  await expect(page.getByTestId("entry-message").locator('[data-field="quantity"]')).toContainText("must not be negative");

  // The worked example CSV: preview (new site announced), confirm, 30 kWh.
  const upload = page.getByRole("form", { name: "Upload a CodeCarbon file" });
  await upload.locator('input[type="file"]').setInputFiles(WORKED);
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByTestId("preview-source")).toContainText("Activity data (Scopebook template)");
  await expect(page.getByTestId("preview-rows-valid")).toHaveText("1");
  await expect(page.getByTestId("preview-warnings")).toContainText("New site will be created when you confirm: us-east training cluster");
  await page.getByTestId("confirm-import").click();
  await expect(page.getByTestId("import-status")).toHaveText("COMMITTED");
  await page.goto("/acme/activity?from=2025-03-01&to=2025-03-31");
  await expect(page.locator('[data-category="electricity"] [data-testid="activity-total"]')).toHaveText("30 kWh");
  await expect(page.locator('[data-category="electricity"]')).toContainText("Scope 2");
  await expect(page.getByTestId("activity-table")).toContainText("us-east training cluster");
  // The site the import created gets its grid on the Sites page.
  await page.goto("/acme/sites");
  const row = page.locator('tr[data-site="us-east training cluster"]');
  await row.getByText("Edit").click();
  const edit = page.getByRole("form", { name: "Edit site us-east training cluster" });
  await edit.getByLabel("Country (ISO 3166 alpha-3)").fill("usa");
  await edit.getByLabel("Grid region").fill("RFCE");
  await edit.getByRole("button", { name: "Save site" }).click();
  await expect(edit.getByTestId("entry-message")).toHaveText("Site saved.");
  await expect(row).toContainText("USA");
  await expect(row).toContainText("RFCE");

  // The template downloads with its header.
  const template = await page.context().request.get("/api/orgs/acme/activity/template");
  expect(await template.text()).toMatch(/^period_start,period_end,site,category,activity_type,quantity,unit,supplier_factor_value,supplier_factor_unit,evidence_reference,note\n/);
});

test("officer: records a Guarantee of Origin; the same certificate again is refused", async ({ page }) => {
  await loginAs(page, account("acme", "OFFICER"));
  await page.goto("/acme/instruments");
  const form = page.getByRole("form", { name: "New instrument" });
  const fill = async () => {
    await form.getByLabel("Type").selectOption("go");
    await form.getByLabel("Volume (MWh)").fill("250");
    await form.getByLabel("Market / region").fill("FRA");
    await form.getByLabel("Vintage start").fill("2025-01-01");
    await form.getByLabel("Vintage end").fill("2025-12-31");
    await form.getByLabel("Tracking system").fill("AIB-EECS");
    await form.getByLabel("Certificate id").fill("E2E-GO-1");
    await form.getByLabel("Supplier emission rate (kgCO2e/kWh)").fill("0");
    await form.getByRole("button", { name: "Add instrument" }).click();
  };
  await fill();
  await expect(page.getByTestId("entry-message")).toHaveText("Instrument recorded.");
  await expect(page.getByTestId("instruments-table")).toContainText("AIB-EECS · E2E-GO-1");
  await fill();
  await expect(page.getByTestId("entry-message")).toContainText("already recorded");
});

for (const role of ["ENGINEER", "AUDITOR"] as const) {
  test(`${role}: reads activity, sites and instruments but cannot enter, import or record anything`, async ({ page, playwright, baseURL }) => {
    await loginAs(page, account("acme", role));
    for (const [section, marker] of [["activity", "activity-read-only"], ["sites", "sites-read-only"], ["instruments", "instruments-read-only"]] as const) {
      await page.goto(`/acme/${section}`);
      await expect(page.getByTestId(marker)).toBeVisible();
    }
    await expect(page.getByRole("form", { name: "New activity" })).toHaveCount(0);
    const request = await playwright.request.newContext({ baseURL });
    await apiLogin(request, account("acme", role));
    const entry = { periodStart: "2025-01-01", periodEnd: "2025-01-31", site: "us-east training cluster", category: "electricity", quantity: "1", unit: "kWh" };
    expect((await request.post("/api/orgs/acme/activity", { data: entry })).status()).toBe(403);
    expect((await request.post("/api/orgs/acme/sites", { data: { name: `by-${role}` } })).status()).toBe(403);
    expect((await request.post("/api/orgs/acme/instruments", { data: { type: "rec" } })).status()).toBe(403);
    const csv = Buffer.from(`period_start,period_end,site,category,quantity,unit\n2025-01-01,2025-01-31,HQ,electricity,${role.length},kWh\n`);
    const up = await request.put(`/api/orgs/acme/imports/upload?name=activity-${role}.csv`, { data: csv, headers: { "content-type": "text/csv" } });
    expect(up.status()).toBe(403);
    expect((await request.get("/api/orgs/acme/activity")).status()).toBe(200);
    // A filter that is not a date: 422 from the API, a notice (not an error page) in the UI.
    const badFilter = await request.get("/api/orgs/acme/activity?from=2025-13-01");
    expect(badFilter.status()).toBe(422);
    expect((await badFilter.json()).error.issues[0].field).toBe("from");
    const res = await page.goto("/acme/activity?from=2025-13-01");
    expect(res!.status()).toBe(200);
    await expect(page.getByText("Filters ignored (from: not a date (YYYY-MM-DD))")).toBeVisible();
    await request.dispose();
  });
}
