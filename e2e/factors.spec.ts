// The Factors page: shipped datasets with their attribution, search, a custom factor with evidence (the worked
// example 0.0004 tCO2e/kWh → 0.4 kgCO2e/kWh), a CSV import whose bad row is shown and blocks it, then the fixed
// file imported; an auditor reads but cannot change anything (and the API refuses them too).
import path from "node:path";
import { expect, test } from "@playwright/test";
import { account } from "./support/accounts";
import { loginAs } from "./support/session";

const BAD_CSV = path.join(process.cwd(), "e2e", "fixtures", "factors-residual-mix-one-bad-row.csv");

test.describe.configure({ mode: "serial" });

test("officer: shipped datasets with attribution, search USA → 0.369473 kgCO2e/kWh, add 0.0004 tCO2e/kWh custom factor = 0.4 kgCO2e/kWh", async ({ page }) => {
  await loginAs(page, account("globex", "OFFICER"));
  await page.goto("/globex/factors");
  const datasets = page.getByTestId("factor-datasets");
  await expect(datasets).toContainText("Global energy mix by country");
  await expect(datasets).toContainText("Cloud region grid carbon intensity (Google Cloud)");
  await expect(datasets.locator('[data-kind="SHIPPED"]')).toHaveCount(2);
  const attributions = page.getByTestId("factor-attributions");
  await expect(attributions).toContainText("Our World in Data");
  await expect(attributions).toContainText("CC BY 4.0");
  await expect(attributions).toContainText("MIT");

  const search = page.getByRole("form", { name: "Search factors" });
  await search.getByLabel("Key type").selectOption("COUNTRY");
  await search.getByLabel("Key contains").fill("USA");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/keyType=COUNTRY/);
  await expect(page.getByTestId("factor-results-count")).toHaveText(/^1 factor /);
  await expect(page.locator('[data-testid="factor-row"][data-key="USA"] [data-testid="factor-value"]')).toHaveText("0.369473 kgCO2e/kWh");

  const form = page.getByRole("form", { name: "Add a custom factor" });
  await form.getByLabel("Key type").selectOption("GRID_REGION");
  await form.getByLabel("Key *").fill("RFCE");
  await form.getByLabel("Year *").fill("2024");
  await form.getByLabel("Value *").fill("0.0004");
  await form.getByLabel("Unit *").fill("tCO2e/kWh");
  await form.getByLabel("What it is *").fill("Supplier contract rate (e2e)");
  await form.getByLabel("Evidence file *").setInputFiles({ name: "contract.txt", mimeType: "text/plain", buffer: Buffer.from("clause 4: 0.0004 tCO2e/kWh") });
  await form.getByRole("button", { name: "Add custom factor" }).click();
  await expect(page.getByTestId("custom-factor-done")).toContainText("0.0004 tCO2e/kWh = 0.4 kgCO2e/kWh");

  await page.goto("/globex/factors?key=RFCE");
  await expect(page.locator('[data-testid="factor-row"][data-key="RFCE"] [data-testid="factor-value"]')).toHaveText("0.4 kgCO2e/kWh");
  await expect(page.getByTestId("factor-datasets")).toContainText("Custom factors");

  // Bad input through the form: an unknown unit is a field error, nothing added.
  await page.goto("/globex/factors");
  await form.getByLabel("Key *").fill("FRA");
  await form.getByLabel("Year *").fill("2024");
  await form.getByLabel("Value *").fill("50");
  await form.getByLabel("Unit *").fill("lbCO2e/kWh");
  await form.getByLabel("What it is *").fill("bad unit");
  await form.getByLabel("Evidence file *").setInputFiles({ name: "x.txt", mimeType: "text/plain", buffer: Buffer.from("x") });
  await form.getByRole("button", { name: "Add custom factor" }).click();
  await expect(page.getByTestId("custom-factor-error")).toContainText('unit: unknown unit "lbCO2e/kWh"');
});

test("officer: a CSV with one bad row shows the row error and cannot be imported; the fixed file imports once", async ({ page }) => {
  await loginAs(page, account("globex", "OFFICER"));
  await page.goto("/globex/factors");
  const form = page.getByRole("form", { name: "Import factors from CSV" });
  await form.getByLabel("Publisher *").fill("Test publisher");
  await form.getByLabel("Title *").fill("Residual mixes (e2e)");
  await form.getByLabel("Version *").fill("2024");
  await form.getByLabel("Licence *").fill("CC BY 4.0");
  await form.locator('input[name="file"]').setInputFiles(BAD_CSV);
  await form.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("factor-import-preview");
  await expect(preview).toContainText("3 rows, 2 valid, 1 with errors");
  const rowError = page.getByTestId("factor-import-row-error");
  await expect(rowError).toHaveCount(1);
  await expect(rowError).toContainText("3");
  await expect(rowError).toContainText("unit");
  await expect(rowError).toContainText("lbCO2e/MWh");
  await expect(rowError).toContainText('unknown unit "lbCO2e/MWh"');
  await expect(page.getByTestId("factor-import-confirm")).toBeDisabled();

  // The same file without its bad row: preview, import, and the same file again changes nothing.
  const fixed = { name: "residual-fixed.csv", mimeType: "text/csv", buffer: Buffer.from("key_type,key,year,value,unit,method\nGRID_REGION,DE-LU,2024,0.45,tCO2e/MWh,RESIDUAL_MIX\n") };
  await form.locator('input[name="file"]').setInputFiles(fixed);
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(preview).toContainText("1 rows, 1 valid, 0 with errors");
  await page.getByTestId("factor-import-confirm").click();
  await expect(page.getByTestId("factor-import-done")).toContainText("Imported 1 factors");
  await expect(page.getByTestId("factor-datasets")).toContainText("Residual mixes (e2e)");
  await page.goto("/globex/factors?method=RESIDUAL_MIX&key=DE-LU");
  await expect(page.locator('[data-testid="factor-row"][data-key="DE-LU"] [data-testid="factor-value"]')).toHaveText("0.45 kgCO2e/kWh");
});

test("bad requests get a clear 4xx, never a 500: JSON instead of a form, no file, a binary file, a malformed form", async ({ page }) => {
  await loginAs(page, account("globex", "OFFICER"));
  const request = page.context().request;
  const provenance = { publisher: "P", title: "Bad requests", version: "1", licence: "L" };
  const json = await request.post("/api/orgs/globex/factors/imports", { data: provenance });
  expect(json.status()).toBe(415);
  const noFile = await request.post("/api/orgs/globex/factors/imports", { multipart: provenance });
  expect(noFile.status()).toBe(422);
  expect((await noFile.json()).error.issues).toEqual([{ field: "file", reason: "is required" }]);
  const binary = await request.post("/api/orgs/globex/factors/imports/preview", { multipart: { ...provenance, file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from([0xff, 0xfe, 0x00, 0x81]) } } });
  expect(binary.status()).toBe(422);
  expect((await binary.json()).error.message).toMatch(/not UTF-8/);
  const malformed = await request.post("/api/orgs/globex/factors", { headers: { "content-type": "multipart/form-data; boundary=xyz" }, data: "--nope\r\ngarbage" });
  expect(malformed.status()).toBe(422);
  const badVersion = await request.post("/api/orgs/globex/factors/datasets/not-a-uuid/versions", { data: { version: "2" } });
  expect(badVersion.status()).toBe(422);
  expect((await badVersion.json()).error.issues[0].field).toBe("datasetId");
});

test("auditor: reads datasets and attribution, has no editing forms, and the API refuses a custom factor (403)", async ({ page }) => {
  await loginAs(page, account("globex", "AUDITOR"));
  await page.goto("/globex/factors");
  await expect(page.getByTestId("factor-datasets")).toContainText("Global energy mix by country");
  await expect(page.getByTestId("factor-attributions")).toContainText("CodeCarbon");
  await expect(page.getByTestId("factors-read-only")).toBeVisible();
  await expect(page.getByRole("form", { name: "Add a custom factor" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Import factors from CSV" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "New version" })).toHaveCount(0);
  const res = await page.context().request.post("/api/orgs/globex/factors", {
    multipart: { keyType: "COUNTRY", key: "USA", year: "2024", value: "1", unit: "kgCO2e/kWh", description: "x", evidence: { name: "e.txt", mimeType: "text/plain", buffer: Buffer.from("e") } },
  });
  expect(res.status()).toBe(403);
  // Reading works through the API too.
  const list = await page.context().request.get("/api/orgs/globex/factors?keyType=CLOUD_REGION&key=gcp:europe-west9");
  expect(list.status()).toBe(200);
  expect((await list.json()).factors[0]).toMatchObject({ key: "gcp:europe-west9", value: "0.034", unit: "kgCO2e/kWh" });
  // Bad search input is a 422 with the field, not a crash.
  const bad = await page.context().request.get("/api/orgs/globex/factors?year=soon");
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.issues[0].field).toBe("year");
});
