// Every page, for every user: axe-core (WCAG 2 A and AA rules) on every page of the app for each role, with data
// on every page (an organization of its own, filled through the API as the other specs do: tracker runs, a cloud
// export mapped to a project, a file left in preview, sites, activity, instruments, a custom factor, a calculated
// period). Asserts 0 violations and prints each one's rule, target and summary when there are some; then the states
// behind a click (an upload's preview, an opened Edit form). Also: wide tables scroll inside their card (the import
// preview's last column is reachable on a narrow viewport).
import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ROLES, account } from "./support/accounts";
import { coverForAuditor } from "./support/engagement";
import { apiLogin, loginAs } from "./support/session";

test.describe.configure({ mode: "serial" });

const ORG = "hooli";
const fixture = (name: string) => readFileSync(path.join(process.cwd(), "e2e", "fixtures", name));
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

interface Ids {
  committedImportId: string;
  previewImportId: string;
  projectId: string;
  periodId: string;
  linesHref: string;
}
let ids: Ids;

async function upload(request: APIRequestContext, name: string, body: Buffer, query = "") {
  const res = await request.put(`/api/orgs/${ORG}/imports/upload?name=${name}${query}`, { data: body, headers: { "content-type": "text/csv" } });
  expect([200, 201, 202], await res.text()).toContain(res.status());
  return ((await res.json()) as { importId: string }).importId;
}

test.beforeAll(async ({ playwright, baseURL }) => {
  const engineer = await playwright.request.newContext({ baseURL });
  await apiLogin(engineer, account(ORG, "ENGINEER"));
  const committedImportId = await upload(engineer, "a11y-runs.csv", fixture("codecarbon-2.4-macos-m1.csv"), "&confirm=true");
  await upload(engineer, "a11y-gcp.csv", fixture("gcp-carbon-footprint-2025.csv"), "&source=GCP_CARBON_EXPORT&confirm=true");
  // Left in preview: its page shows the first rows in every column of a CodeCarbon 3.x file (the widest table).
  const previewImportId = await upload(engineer, "a11y-preview.csv", fixture("codecarbon-3.3-append-short-rows.csv"));
  const project = await engineer.post(`/api/orgs/${ORG}/projects`, { data: { name: "a11y-cloud" } });
  expect(project.status()).toBe(201);
  const projectId = ((await project.json()) as { id: string }).id;
  expect((await engineer.post(`/api/orgs/${ORG}/projects/${projectId}/tokens`, { data: { name: "a11y tracker" } })).status()).toBe(201);
  await expect.poll(async () => ((await (await engineer.get(`/api/orgs/${ORG}/dashboard`)).json()).totals.runs as number), { timeout: 30_000 }).toBeGreaterThan(0);
  await engineer.dispose();

  const officer = await playwright.request.newContext({ baseURL });
  await apiLogin(officer, account(ORG, "OFFICER"));
  const mapping = await officer.post(`/api/orgs/${ORG}/cloud-mappings`, { data: { provider: "GCP", matchType: "CLOUD_PROJECT", matchValue: "ml-training", projectId } });
  expect(mapping.status(), await mapping.text()).toBe(201);
  const site = "a11y Łódź plant";
  expect((await officer.post(`/api/orgs/${ORG}/sites`, { data: { name: site, countryIsoCode: "POL", market: "POL", pue: "1.2" } })).status()).toBe(201);
  const factor = await officer.post(`/api/orgs/${ORG}/factors`, {
    multipart: {
      keyType: "FUEL", key: "a11y-diesel", year: "2024", method: "ACTIVITY_AVERAGE", value: "2.7", unit: "kgCO2e/L", description: "Diesel (a11y)",
      energyKwhPerUnit: "10", evidence: { name: "datasheet.txt", mimeType: "text/plain", buffer: Buffer.from("diesel datasheet") },
    },
  });
  expect(factor.status(), await factor.text()).toBe(201);
  const month = { periodStart: "2024-05-01", periodEnd: "2024-05-31", site };
  for (const entry of [
    { category: "electricity", quantity: "1200", unit: "kWh", evidenceReference: "a11y-bill" },
    { category: "fuel", activityType: "a11y-diesel", quantity: "120.5", unit: "L" },
    { category: "travel", activityType: "rail", quantity: "800", unit: "passenger-km", supplierFactorValue: "0.03", supplierFactorUnit: "kgCO2e/passenger-km" },
  ]) {
    const res = await officer.post(`/api/orgs/${ORG}/activity`, { data: { ...month, ...entry } });
    expect(res.status(), await res.text()).toBe(201);
  }
  const go = { type: "go", volumeMwh: "0.5", market: "POL", vintageStart: "2024-01-01", vintageEnd: "2024-12-31", trackingSystem: "AIB-EECS", certificateId: "A11Y-GO-1", retiredOnBehalf: "yes", emissionRateKgCo2ePerKwh: "0", bundled: "no" };
  expect((await officer.post(`/api/orgs/${ORG}/instruments`, { data: go })).status()).toBe(201);
  const period = await officer.post(`/api/orgs/${ORG}/periods`, { data: { name: "FY2024", startDate: "2024-01-01", endDate: "2024-12-31", netRevenue: "1250000" } });
  expect(period.status(), await period.text()).toBe(201);
  const periodId = ((await period.json()) as { id: string }).id;
  const recalculated = await officer.post(`/api/orgs/${ORG}/periods/${periodId}/recalculate`);
  expect(recalculated.status(), await recalculated.text()).toBeLessThan(300);
  await coverForAuditor(officer, ORG, [periodId]); // the auditor reads FY2024 through their engagement (decision 0027)
  await officer.dispose();
  ids = { committedImportId, previewImportId, projectId, periodId, linesHref: "" };
});

/** Every page of app/(app)/[org]/**\/page.tsx, with the ids the data above made. */
const pages = (): [string, string][] => [
  ["dashboard", `/${ORG}/dashboard`],
  ["projects", `/${ORG}/projects`],
  ["project", `/${ORG}/projects/${ids.projectId}`],
  ["imports", `/${ORG}/imports`],
  ["import (committed)", `/${ORG}/imports/${ids.committedImportId}`],
  ["import (preview)", `/${ORG}/imports/${ids.previewImportId}`],
  ["activity", `/${ORG}/activity`],
  ["sites", `/${ORG}/sites`],
  ["instruments", `/${ORG}/instruments`],
  ["cloud-mapping", `/${ORG}/cloud-mapping`],
  ["inventory", `/${ORG}/inventory`],
  ["inventory period", `/${ORG}/inventory/${ids.periodId}`],
  ["inventory lines", ids.linesHref],
  ["factors", `/${ORG}/factors`],
  ["reports", `/${ORG}/reports`],
  ["targets", `/${ORG}/targets`],
  ["audit", `/${ORG}/audit`],
  ["assurance", `/${ORG}/assurance`],
  ["my access", `/${ORG}/assurance/access`],
  ["engagements", `/${ORG}/assurance/engagements`],
  ["settings", `/${ORG}/settings`],
];

async function violations(page: Page): Promise<string[]> {
  // A state behind a click is checked at rest: the pointer off the clicked button (its hover colours) and every
  // CSS transition finished, so axe never measures the contrast of a colour half-way through a fade.
  await page.mouse.move(0, 0);
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? "?"}) at ${n.target.join(" ")}: ${n.failureSummary?.replace(/\s+/g, " ") ?? v.help}`),
  );
}

/** Opens a page and waits until it has rendered (client components hydrated, charts drawn). */
async function open(page: Page, url: string) {
  const res = await page.goto(url);
  expect(res?.status(), url).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
}

test("the sign-in page has no WCAG 2 A/AA violation", async ({ page }) => {
  await open(page, "/login");
  const found = await violations(page);
  expect(found, `/login:\n${found.join("\n")}`).toEqual([]);
});

for (const role of ROLES) {
  test(`${role.toLowerCase()}: every page has no WCAG 2 A/AA violation`, async ({ page }) => {
    test.setTimeout(180_000);
    await loginAs(page, account(ORG, role));
    if (!ids.linesHref) {
      await open(page, `/${ORG}/inventory/${ids.periodId}`);
      ids.linesHref = (await page.locator('a[href*="/lines?"]').first().getAttribute("href"))!;
      expect(ids.linesHref).toContain("/lines?");
    }
    const report: string[] = [];
    const counts: string[] = [];
    for (const [name, url] of pages()) {
      await open(page, url);
      const found = await violations(page);
      counts.push(`${name}: ${found.length}`);
      if (found.length) report.push(`── ${name} (${url}) as ${role}: ${found.length}\n${found.join("\n")}`);
    }
    console.log(`[a11y] ${role}: ${counts.join(", ")}`);
    expect(report, report.join("\n")).toEqual([]);
  });
}

test("states behind a click have no WCAG 2 A/AA violation either: an upload's preview, an opened Edit form", async ({ page }) => {
  await loginAs(page, account(ORG, "OFFICER"));
  const found: string[] = [];
  await open(page, `/${ORG}/imports`);
  const form = page.getByRole("form", { name: "Upload a CodeCarbon file" });
  await form.locator('input[type="file"]').setInputFiles(path.join(process.cwd(), "e2e", "fixtures", "codecarbon-3.3-logger-output.jsonl"));
  await form.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByTestId("upload-outcome")).toBeVisible();
  found.push(...(await violations(page)).map((v) => `imports, upload preview: ${v}`));
  await open(page, `/${ORG}/sites`);
  await page.getByTestId("sites-table").getByText("Edit").first().click();
  found.push(...(await violations(page)).map((v) => `sites, Edit open: ${v}`));
  await open(page, `/${ORG}/activity`);
  await page.getByTestId("activity-table").getByRole("button", { name: "Edit" }).first().click();
  found.push(...(await violations(page)).map((v) => `activity, Edit open: ${v}`));
  expect(found, found.join("\n")).toEqual([]);
});

test("wide tables scroll inside their card: the import preview's last column is reachable on a narrow viewport", async ({ page }) => {
  await page.setViewportSize({ width: 760, height: 900 });
  await loginAs(page, account(ORG, "ENGINEER"));
  await open(page, `/${ORG}/imports/${ids.previewImportId}`);
  const table = page.getByTestId("preview-first-rows");
  const wrapper = table.locator("xpath=..");
  await expect(wrapper).toHaveCSS("overflow-x", "auto");
  const { scrollWidth, clientWidth } = await wrapper.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth, "the preview is wider than its card").toBeGreaterThan(clientWidth);
  // The card itself stays within the page: the page does not scroll sideways, the table does.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  const last = table.locator("thead th").last();
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
  expect(await wrapper.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});
