// Preview before commit: upload → preview → cancel (nothing written) → upload again → confirm → committed → the
// same file once more changes nothing; the rows with errors download as CSV; JSON lines import like the CSV; a
// spreadsheet's semicolons get a clear message; a client that disconnects mid-upload leaves nothing behind.
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { account } from "./support/accounts";
import { loginAs } from "./support/session";

const SHORT_ROWS = path.join(process.cwd(), "e2e", "fixtures", "codecarbon-3.3-append-short-rows.csv");
const LOGGER = path.join(process.cwd(), "e2e", "fixtures", "codecarbon-3.3-logger-output.jsonl");

test.describe.configure({ mode: "serial" });

async function counts(request: APIRequestContext) {
  const imports = (await (await request.get("/api/orgs/acme/imports")).json()) as { id: string; fileName: string; status: string }[];
  const dashboard = await (await request.get("/api/orgs/acme/dashboard")).json();
  return { imports: imports.length, runs: dashboard.totals.runs as number, energy: dashboard.totals.energyKwh as string, list: imports };
}

async function uploadInForm(page: Page, file: string) {
  await page.goto("/acme/imports");
  const form = page.getByRole("form", { name: "Upload a CodeCarbon file" });
  await form.locator('input[type="file"]').setInputFiles(file);
  await form.getByRole("button", { name: "Upload" }).click();
}

test("3.3 append-bug file (3 rows: 1 readable, 2 shifted): preview, cancel writes nothing, upload again, confirm imports 1 row, re-upload is a no-op", async ({ page }) => {
  await loginAs(page, account("acme", "ENGINEER"));
  const request = page.context().request;
  const before = await counts(request);

  await uploadInForm(page, SHORT_ROWS);
  await expect(page.getByTestId("preview-rows-total")).toHaveText("3");
  await expect(page.getByTestId("preview-rows-valid")).toHaveText("1");
  await expect(page.getByTestId("preview-rows-failed")).toHaveText("2");
  await expect(page.getByTestId("preview-source")).toContainText("version 3.x");
  await expect(page.getByTestId("preview-first-rows")).toContainText("research-sample");
  await expect(page.getByTestId("preview-notes")).toContainText("no run id");
  await expect(page.getByTestId("row-errors")).toContainText("35 fields but the header has 38");
  await page.getByTestId("cancel-import").click();
  await expect(page.getByTestId("import-status")).toHaveText("CANCELLED");
  const afterCancel = await counts(request);
  expect(afterCancel.runs).toBe(before.runs);
  expect(afterCancel.energy).toBe(before.energy);

  // The same bytes again: a fresh preview (the cancelled import is taken up again), then confirmed.
  await uploadInForm(page, SHORT_ROWS);
  await expect(page.getByTestId("preview-rows-total")).toHaveText("3");
  await page.getByTestId("confirm-import").click();
  await expect(page.getByTestId("import-status")).toHaveText("COMMITTED");
  await expect(page.getByTestId("import-imported")).toHaveText("1");
  await expect(page.getByTestId("import-rows-with-errors")).toHaveText("2");
  expect((await counts(request)).runs).toBe(before.runs + 1);

  await uploadInForm(page, SHORT_ROWS);
  await expect(page.getByTestId("upload-outcome")).toContainText("already uploaded (committed): nothing changed");
  const after = await counts(request);
  expect(after.runs).toBe(before.runs + 1);
  expect(after.imports).toBe(before.imports + 1);
});

test("the rows with errors download as CSV: row, column, value, reason, then the row as the file has it", async ({ page }) => {
  await loginAs(page, account("acme", "ENGINEER"));
  const { list } = await counts(page.context().request);
  const imp = list.find((i) => i.fileName === "codecarbon-3.3-append-short-rows.csv")!;
  await page.goto(`/acme/imports/${imp.id}`);
  const downloadPromise = page.waitForEvent("download");
  await page.getByTestId("download-errors").click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("codecarbon-3.3-append-short-rows-rows-with-errors.csv");
  const lines = readFileSync((await download.path())!, "utf8").trim().split("\r\n");
  expect(lines[0]).toMatch(/^row,column,value,reason,timestamp,project_name,run_id,/);
  expect(lines).toHaveLength(3);
  expect(lines[1]).toMatch(/^2,,,Row has 35 fields but the header has 38.*,2026-11-23T08:24:26,research-sample,None,/);
  expect(lines[2]).toMatch(/^3,,,Row has 36 fields but the header has 38/);
});

test("CodeCarbon's logger output (JSON lines, 8 rows) previews and commits through the API: 7 imported, 1 duplicate (line 5 = row 1 of the CSV above)", async ({ page }) => {
  await loginAs(page, account("acme", "ENGINEER"));
  const request = page.context().request;
  const up = await request.put("/api/orgs/acme/imports/upload?name=logger.jsonl", { data: readFileSync(LOGGER), headers: { "content-type": "application/x-ndjson" } });
  expect(up.status()).toBe(201);
  const { importId, import: view } = await up.json();
  expect(view).toMatchObject({ status: "PREVIEW", sourceType: "CODECARBON_JSON", rowsTotal: 8, rowsFailed: 0, rowsUnknownIdentity: 8 });
  const confirmed = await request.post(`/api/orgs/acme/imports/${importId}/confirm`);
  expect(confirmed.status()).toBe(202);
  await expect.poll(async () => (await (await request.get(`/api/orgs/acme/imports/${importId}`)).json()).status).toBe("COMMITTED");
  // Line 5 (08:24:22, duration 7.0577527559999) is the append-bug file's row 1, imported above: the same content
  // without a run id, in another format — recognised as a duplicate, not counted twice.
  expect(await (await request.get(`/api/orgs/acme/imports/${importId}`)).json()).toMatchObject({ rowsImported: 7, rowsDuplicate: 1, progress: { percent: 100 } });
});

test("a file re-saved with semicolons gets a clear message in the preview and is read", async ({ page }) => {
  await loginAs(page, account("acme", "ENGINEER"));
  const text = "timestamp;project_name;run_id;duration;emissions;energy_consumed\n2025-02-01T10:00:00;semi;semi-run-1;10;0.001;0.02\n";
  await page.goto("/acme/imports");
  const form = page.getByRole("form", { name: "Upload a CodeCarbon file" });
  await form.locator('input[type="file"]').setInputFiles({ name: "semicolons.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
  await form.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByTestId("preview-warnings")).toContainText("separated by semicolons (;), not commas");
  await expect(page.getByTestId("preview-rows-valid")).toHaveText("1");
  await page.getByTestId("cancel-import").click();
  await expect(page.getByTestId("import-status")).toHaveText("CANCELLED");
});

test("a client that disconnects half-way through an upload leaves nothing; the server stays up", async ({ page, baseURL }) => {
  await loginAs(page, account("acme", "ENGINEER"));
  const request = page.context().request;
  const before = await counts(request);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const url = new URL("/api/orgs/acme/imports/upload?name=cut-off.csv", baseURL);
  const row = "2025-03-01T10:00:00,cut,cut-run,10,0.001,0.02\n";
  const half = Buffer.from("timestamp,project_name,run_id,duration,emissions,energy_consumed\n" + row.repeat(5000));
  await new Promise<void>((resolve) => {
    const req = http.request(url, { method: "PUT", headers: { cookie, "content-type": "text/csv", "content-length": String(half.length * 2) } });
    req.on("error", () => resolve()); // the socket we destroy
    req.write(half, () => setTimeout(() => {
      req.destroy();
      resolve();
    }, 300));
  });
  await expect.poll(async () => (await request.get("/api/health")).status()).toBe(200);
  const after = await counts(request);
  expect(after.imports).toBe(before.imports);
  expect(after.list.map((i) => i.fileName)).not.toContain("cut-off.csv");
  // And the next upload works.
  const ok = await request.put("/api/orgs/acme/imports/upload?name=after-cut.csv", { data: Buffer.from(`timestamp,project_name,run_id,duration,emissions,energy_consumed\n${row}`), headers: { "content-type": "text/csv" } });
  expect(ok.status()).toBe(201);
});
