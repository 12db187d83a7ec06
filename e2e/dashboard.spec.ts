// The inventory dashboard, end to end: an officer enters two years of data in globex through the API (2027 and
// 2028: no other spec enters data for them) — electricity at a French site, a Guarantee of Origin covering part of
// 2028, diesel and rail at the supplier's rates — and the entries recalculate the open periods. The dashboard shows
// the cards in the default market-based method; the toggle switches every card to location-based; a click on a
// chart segment opens exactly the ledger lines behind it (the count the dashboard states). The JSON API returns the
// same figures.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { account } from "./support/accounts";
import { apiLogin, loginAs } from "./support/session";

type Bar = { key: string; lines: number; kgCo2e: string };
type Dashboard = { selectedPeriodId: string; method: string; inventory: { cards: Record<string, { kgCo2e: string; previousKgCo2e: string | null; changePct: string | null }>; bySource: Bar[]; monthly: { month: string; lines: number }[] } };

async function setUp(officer: APIRequestContext) {
  const periods: Record<string, string> = {};
  for (const y of ["2027", "2028"]) {
    const res = await officer.post("/api/orgs/globex/periods", { data: { name: `E2E dash FY${y}`, startDate: `${y}-01-01`, endDate: `${y}-12-31` } });
    expect(res.status(), await res.text()).toBe(201);
    periods[y] = ((await res.json()) as { id: string }).id;
  }
  const site = `e2e-dash-site-${Date.now()}`;
  expect((await officer.post("/api/orgs/globex/sites", { data: { name: site, countryIsoCode: "FRA", market: "FRA" } })).status()).toBe(201);
  const entries = [
    { periodStart: "2027-03-01", periodEnd: "2027-03-31", site, category: "electricity", quantity: "10", unit: "MWh" },
    { periodStart: "2027-05-01", periodEnd: "2027-05-31", category: "fuel", activityType: "diesel", quantity: "400", unit: "L", supplierFactorValue: "2.5", supplierFactorUnit: "kgCO2e/L" },
    { periodStart: "2028-03-01", periodEnd: "2028-03-31", site, category: "electricity", quantity: "20", unit: "MWh" },
    { periodStart: "2028-04-01", periodEnd: "2028-04-30", site, category: "electricity", quantity: "10", unit: "MWh" },
    { periodStart: "2028-05-01", periodEnd: "2028-05-31", category: "fuel", activityType: "diesel", quantity: "200", unit: "L", supplierFactorValue: "2.5", supplierFactorUnit: "kgCO2e/L" },
    { periodStart: "2028-06-01", periodEnd: "2028-06-30", category: "travel", activityType: "rail", quantity: "1000", unit: "passenger-km", supplierFactorValue: "0.1", supplierFactorUnit: "kgCO2e/passenger-km" },
  ];
  for (const e of entries) {
    const res = await officer.post("/api/orgs/globex/activity", { data: e });
    expect(res.status(), await res.text()).toBe(201);
  }
  const go = { type: "go", volumeMwh: "10", market: "FRA", vintageStart: "2028-01-01", vintageEnd: "2028-12-31", trackingSystem: "AIB-EECS", certificateId: `E2E-DASH-GO-${Date.now()}`, retiredOnBehalf: "yes", emissionRateKgCo2ePerKwh: "0", bundled: "no" };
  expect((await officer.post("/api/orgs/globex/instruments", { data: go })).status()).toBe(201);
  return periods;
}

test("officer: the LB/MB toggle changes the cards; a chart segment opens its ledger lines; the API returns the same figures", async ({ page, playwright, baseURL }) => {
  const officer = await playwright.request.newContext({ baseURL });
  await apiLogin(officer, account("globex", "OFFICER"));
  const periods = await setUp(officer);
  const api = async (method: string) => {
    const res = await officer.get(`/api/orgs/globex/dashboard?period=${periods["2028"]}&method=${method}`);
    expect(res.status()).toBe(200);
    return (await res.json()) as Dashboard;
  };
  // The entries recalculated the open periods themselves (the instrument last).
  await expect.poll(async () => (await api("market")).inventory?.cards.scope2.kgCo2e !== (await api("location")).inventory?.cards.scope2.kgCo2e, { timeout: 30_000 }).toBe(true);
  const mb = await api("market");
  const lb = await api("location");
  expect(mb.method).toBe("market");
  expect(mb.inventory.cards.scope1).toMatchObject({ kgCo2e: "500", previousKgCo2e: "1000", changePct: "-50" });
  expect(mb.inventory.cards.scope3.kgCo2e).toBe("100");
  // 10 of 30 MWh covered at 0: market-based Scope 2 is two thirds of location-based.
  const lbS2 = Number(lb.inventory.cards.scope2.kgCo2e), mbS2 = Number(mb.inventory.cards.scope2.kgCo2e);
  expect(Math.abs(mbS2 - (lbS2 * 2) / 3)).toBeLessThan(1e-6);
  const bad = await officer.get(`/api/orgs/globex/dashboard?period=${periods["2028"]}&method=lb`);
  expect(bad.status()).toBe(422);
  expect(((await bad.json()) as { error: { issues: { field: string }[] } }).error.issues[0].field).toBe("method");
  await officer.dispose();

  await loginAs(page, account("globex", "OFFICER"));
  await page.goto(`/globex/dashboard?period=${periods["2028"]}`);
  await expect(page.getByTestId("method-market")).toHaveAttribute("aria-current", "true");
  await expect(page.getByTestId("method-hint")).toContainText("Market-based:");
  await expect(page.getByTestId("card-scope1-value")).toHaveText("500 kg CO₂e");
  await expect(page.getByTestId("card-scope1-change")).toHaveText("−50 %");
  const mbScope2 = await page.getByTestId("card-scope2-value").textContent();
  const mbTotal = await page.getByTestId("card-total-value").textContent();
  await page.getByTestId("method-location").click();
  await expect(page).toHaveURL(/method=location/);
  await expect(page.getByTestId("method-location")).toHaveAttribute("aria-current", "true");
  await expect(page.getByTestId("card-scope2-value")).not.toHaveText(mbScope2!);
  await expect(page.getByTestId("card-total-value")).not.toHaveText(mbTotal!);
  await expect(page.getByTestId("card-scope1-value")).toHaveText("500 kg CO₂e"); // Scope 1 has no method

  // A click on March's Scope 2 segment: the location-based Scope 2 lines of March 2028, and only those.
  await page.getByTestId("month-bar-2028-03-SCOPE_2").click();
  await expect(page).toHaveURL(/\/lines\?scope=SCOPE_2&view=lb&month=2028-03$/);
  await expect(page.getByRole("heading", { name: "Ledger lines: Scope 2, location-based, 2028-03" })).toBeVisible();
  const lines = page.getByTestId("drilldown-lines").getByTestId("ledger-line");
  await expect(lines).toHaveCount(1);
  await expect(page.getByTestId("lines-total")).toHaveText("1 line");
  await expect(lines.first()).toContainText("20,000");

  // A bar of the source breakdown (market-based): as many lines as the dashboard counts for it.
  await page.goto(`/globex/dashboard?period=${periods["2028"]}&method=market`);
  const activity = mb.inventory.bySource.find((b) => b.key === "activity")!;
  await page.getByTestId("chart-source-bar-activity").click();
  await expect(page).toHaveURL(/\/lines\?view=mb&source=activity$/);
  await expect(page.getByTestId("lines-total")).toHaveText(`${activity.lines} lines`);
  await expect(page.getByTestId("drilldown-lines").getByTestId("ledger-line")).toHaveCount(activity.lines);
});

test("the auditor reads the dashboard; a bad method in the URL is a message, not a crash", async ({ page }) => {
  await loginAs(page, account("globex", "AUDITOR"));
  const res = await page.goto("/globex/dashboard?method=both");
  expect(res!.status()).toBe(200);
  await expect(page.getByText(/Invalid input: method/)).toBeVisible();
  await page.goto("/globex/dashboard");
  await expect(page.getByTestId("method-hint")).toBeVisible();
});
