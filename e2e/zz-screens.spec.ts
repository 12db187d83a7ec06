import { test } from "@playwright/test";
import { account } from "./support/accounts";
import { apiLogin, loginAs } from "./support/session";

test("screens", async ({ page, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const o = await playwright.request.newContext({ baseURL });
  await apiLogin(o, account("acme", "OFFICER"));
  const ids: Record<string, string> = {};
  for (const y of ["2027", "2028"]) ids[y] = (await (await o.post("/api/orgs/acme/periods", { data: { name: `FY${y}`, startDate: `${y}-01-01`, endDate: `${y}-12-31` } })).json()).id;
  await o.post("/api/orgs/acme/sites", { data: { name: "Łódź plant", countryIsoCode: "POL", market: "PL" } });
  await o.post("/api/orgs/acme/sites", { data: { name: "Berlin office", countryIsoCode: "DEU", market: "DE-LU" } });
  for (const y of ["2027", "2028"]) {
    const k = y === "2027" ? 1 : 0.85;
    for (let m = 1; m <= 12; m++) {
      const mm = String(m).padStart(2, "0");
      const last = new Date(Date.UTC(Number(y), m, 0)).getUTCDate();
      const d = { periodStart: `${y}-${mm}-01`, periodEnd: `${y}-${mm}-${last}` };
      await o.post("/api/orgs/acme/activity", { data: { ...d, site: "Łódź plant", category: "electricity", quantity: String(Math.round((40 + 10 * Math.sin(m)) * k)), unit: "MWh" } });
      await o.post("/api/orgs/acme/activity", { data: { ...d, site: "Berlin office", category: "electricity", quantity: String(Math.round(8000 * k)), unit: "kWh" } });
      await o.post("/api/orgs/acme/activity", { data: { ...d, category: "fuel", activityType: "diesel", quantity: String(Math.round(900 * k + 50 * m)), unit: "L", supplierFactorValue: "2.68", supplierFactorUnit: "kgCO2e/L" } });
      if (m % 3 === 0) await o.post("/api/orgs/acme/activity", { data: { ...d, category: "travel", activityType: "air-short-haul", quantity: String(Math.round(20000 / k)), unit: "passenger-km", supplierFactorValue: "0.15", supplierFactorUnit: "kgCO2e/passenger-km" } });
      if (m === 6) await o.post("/api/orgs/acme/activity", { data: { ...d, category: "hardware", activityType: "laptop", quantity: String(Math.round(40 * k)), unit: "item", supplierFactorValue: "300", supplierFactorUnit: "kgCO2e/item" } });
    }
  }
  await o.post("/api/orgs/acme/instruments", { data: { type: "go", volumeMwh: "200", market: "PL", vintageStart: "2028-01-01", vintageEnd: "2028-12-31", trackingSystem: "AIB-EECS", certificateId: `SCR-GO-${Date.now()}`, retiredOnBehalf: "yes", emissionRateKgCo2ePerKwh: "0", bundled: "no" } });
  await o.post(`/api/orgs/acme/periods/${ids["2028"]}/recalculate`);
  await o.post(`/api/orgs/acme/periods/${ids["2027"]}/recalculate`);
  await loginAs(page, account("acme", "OFFICER"));
  await page.setViewportSize({ width: 1400, height: 1000 });
  for (const method of ["market", "location"]) {
    await page.goto(`/acme/dashboard?period=${ids["2028"]}&method=${method}`);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/dash-${method}.png`, fullPage: true });
  }
  await page.getByTestId("month-bar-2028-03-SCOPE_2").click();
  await page.waitForURL(/lines/);
  await page.screenshot({ path: `/tmp/dash-lines.png`, fullPage: false });
});
