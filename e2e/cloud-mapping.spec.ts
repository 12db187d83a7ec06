// Cloud mapping: an engineer uploads the Google Cloud Carbon Footprint export (declared as such), sees its rows
// previewed and, once committed, listed under Unassigned; adds a mapping of the cloud project ml-training to a
// Scopebook project and sees those rows attributed to it (4 rows, 1,121.33 kg = 1.121 t location-based) and 3 left Unassigned.
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { account } from "./support/accounts";
import { loginAs } from "./support/session";

const GCP = path.join(process.cwd(), "e2e", "fixtures", "gcp-carbon-footprint-2025.csv");

test("GCP export: 7 rows unassigned; mapping cloud project ml-training attributes 4 of them (1,121.33 kg, shown 1.121 t), 3 stay unassigned", async ({ page }) => {
  await loginAs(page, account("globex", "ENGINEER"));
  const projectName = `cloud-training-${randomUUID().slice(0, 6)}`;
  const created = await page.context().request.post("/api/orgs/globex/projects", { data: { name: projectName } });
  expect(created.status()).toBe(201);

  await page.goto("/globex/imports");
  const form = page.getByRole("form", { name: "Upload a CodeCarbon file" });
  await form.getByTestId("upload-source").selectOption({ label: "Google Cloud Carbon Footprint export" });
  await form.locator('input[type="file"]').setInputFiles(GCP);
  await form.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByTestId("preview-rows-valid")).toHaveText("7");
  await expect(page.getByTestId("preview-source")).toContainText("Google Cloud Carbon Footprint export · version BigQuery CSV");
  await expect(page.getByTestId("preview-first-rows")).toContainText("ml-training");
  await expect(page.getByTestId("preview-first-rows")).toContainText("Scope 2 MB kg");
  await page.getByTestId("confirm-import").click();
  await expect(page.getByTestId("import-status")).toHaveText("COMMITTED");
  await expect(page.getByTestId("import-imported")).toHaveText("7");

  await page.getByRole("link", { name: "Cloud mapping" }).click();
  const unassigned = page.getByTestId("attribution-unassigned");
  await expect(unassigned.getByTestId("group-summary")).toContainText("7 rows");
  await expect(unassigned).toContainText("ml-training");

  const mapping = page.getByRole("form", { name: "New cloud mapping" });
  await mapping.getByRole("combobox", { name: "Provider", exact: true }).selectOption("GCP");
  await mapping.getByRole("combobox", { name: "Match", exact: true }).selectOption("CLOUD_PROJECT");
  await mapping.getByRole("textbox", { name: "Value" }).fill("ml-training");
  await mapping.getByRole("combobox", { name: "Scopebook project" }).selectOption({ label: projectName });
  await mapping.getByRole("button", { name: "Add mapping" }).click();
  await expect(page.getByRole("status")).toHaveText("Mapping added: 4 row(s) attributed.");

  const attributed = page.locator(`[data-testid="attribution-project"][data-project="${projectName}"]`);
  await expect(attributed.getByTestId("group-summary")).toContainText("4 rows");
  await expect(attributed.getByTestId("group-summary")).toContainText("1.121 t CO₂e location-based");
  await expect(page.getByTestId("attribution-unassigned").getByTestId("group-summary")).toContainText("3 rows");
  await expect(page.getByTestId("cloud-mappings")).toContainText("ml-training");
});

test("an auditor sees the mapping page but no form to change it; the API refuses with 403", async ({ page }) => {
  await loginAs(page, account("globex", "AUDITOR"));
  await page.goto("/globex/cloud-mapping");
  await expect(page.getByRole("heading", { name: "Cloud mapping" })).toBeVisible();
  await expect(page.getByRole("form", { name: "New cloud mapping" })).toHaveCount(0);
  const res = await page.context().request.post("/api/orgs/globex/cloud-mappings", {
    data: { provider: "GCP", matchType: "CLOUD_PROJECT", matchValue: "x", projectId: randomUUID() },
  });
  expect(res.status()).toBe(403);
});
