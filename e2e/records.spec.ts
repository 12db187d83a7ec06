// Editing and deleting activity records and instruments in the browser (decision 0021): an officer edits a record
// (a bad value is refused field by field) and deletes it, and edits and deletes an instrument; engineers and
// auditors see no Edit or Delete and get 403 from the API.
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { account } from "./support/accounts";
import { apiLogin, loginAs } from "./support/session";

test.describe.configure({ mode: "serial" });

/** A site, an activity record (2023-05, 30 kWh) and an instrument of acme, created by the officer through the API. */
async function records(request: APIRequestContext) {
  const tag = randomUUID().slice(0, 8);
  const site = `e2e records ${tag}`;
  expect((await request.post("/api/orgs/acme/sites", { data: { name: site, countryIsoCode: "POL", market: "POL" } })).status()).toBe(201);
  const activity = await request.post("/api/orgs/acme/activity", {
    data: { periodStart: "2023-05-01", periodEnd: "2023-05-31", site, category: "electricity", quantity: "30", unit: "kWh", evidenceReference: `E2E-${tag}` },
  });
  expect(activity.status()).toBe(201);
  const instrument = await request.post("/api/orgs/acme/instruments", {
    data: { type: "go", volumeMwh: "7", market: "POL", vintageStart: "2023-01-01", vintageEnd: "2023-12-31", trackingSystem: "AIB-EECS", certificateId: `E2E-REC-${tag}`, retiredOnBehalf: "yes", emissionRateKgCo2ePerKwh: "0" },
  });
  expect(instrument.status()).toBe(201);
  return { tag, activityId: (await activity.json()).id as string, instrumentId: (await instrument.json()).id as string };
}

test("officer: edits an activity record (30 → 44 kWh; −1 is refused on quantity), then deletes it; edits and deletes an instrument", async ({ page }) => {
  await loginAs(page, account("acme", "OFFICER"));
  const { activityId, instrumentId, tag } = await records(page.context().request);

  await page.goto("/acme/activity?from=2023-05-01&to=2023-05-31");
  const row = page.locator(`tr[data-record-id="${activityId}"]`);
  await expect(row).toContainText("30 kWh");
  await row.getByRole("button", { name: "Edit" }).click();
  const edit = row.getByRole("form", { name: "Edit activity" });
  await expect(edit.getByLabel("Quantity")).toHaveValue("30");
  await expect(edit.getByLabel("Evidence reference")).toHaveValue(`E2E-${tag}`);
  await edit.getByLabel("Quantity").fill("-1");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByTestId("entry-message").locator('[data-field="quantity"]')).toContainText("must not be negative");
  await edit.getByLabel("Quantity").fill("44");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByTestId("entry-message")).toHaveText("Activity changed.");
  await expect(row.locator("td").nth(4)).toHaveText("44 kWh");

  await row.getByRole("button", { name: "Delete" }).click();
  await row.getByRole("button", { name: "Delete this record" }).click();
  await expect(row).toHaveCount(0);
  const listed = (await (await page.context().request.get("/api/orgs/acme/activity?from=2023-05-01&to=2023-05-31")).json()) as { records: { id: string }[] };
  expect(listed.records.map((r) => r.id)).not.toContain(activityId);

  await page.goto("/acme/instruments");
  const inst = page.locator(`tr[data-record-id="${instrumentId}"]`);
  await inst.getByRole("button", { name: "Edit" }).click();
  const instEdit = inst.getByRole("form", { name: "Edit instrument" });
  await expect(instEdit.getByLabel("Volume (MWh)")).toHaveValue("7");
  await instEdit.getByLabel("Volume (MWh)").fill("0");
  await instEdit.getByRole("button", { name: "Save changes" }).click();
  await expect(instEdit.getByTestId("entry-message").locator('[data-field="volumeMwh"]')).toContainText("must be greater than 0");
  await instEdit.getByLabel("Volume (MWh)").fill("7.5");
  await instEdit.getByRole("button", { name: "Save changes" }).click();
  await expect(instEdit.getByTestId("entry-message")).toHaveText("Instrument changed.");
  await expect(inst.locator("td").nth(1)).toHaveText("7.5");
  await inst.getByRole("button", { name: "Delete" }).click();
  await inst.getByRole("button", { name: "Delete this instrument" }).click();
  await expect(inst).toHaveCount(0);
});

for (const role of ["ENGINEER", "AUDITOR"] as const) {
  test(`${role}: sees no Edit or Delete on activity records and instruments, and the API answers 403`, async ({ page, playwright, baseURL }) => {
    const officer = await playwright.request.newContext({ baseURL });
    await apiLogin(officer, account("acme", "OFFICER"));
    const { activityId, instrumentId } = await records(officer);

    await loginAs(page, account("acme", role));
    await page.goto("/acme/activity?from=2023-05-01&to=2023-05-31");
    const row = page.locator(`tr[data-record-id="${activityId}"]`);
    await expect(row).toContainText("30 kWh");
    await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await page.goto("/acme/instruments");
    await expect(page.locator(`tr[data-record-id="${instrumentId}"]`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);

    const request = await playwright.request.newContext({ baseURL });
    await apiLogin(request, account("acme", role));
    expect((await request.patch(`/api/orgs/acme/activity/${activityId}`, { data: { quantity: "1" } })).status()).toBe(403);
    expect((await request.delete(`/api/orgs/acme/activity/${activityId}`)).status()).toBe(403);
    expect((await request.patch(`/api/orgs/acme/instruments/${instrumentId}`, { data: { volumeMwh: "1" } })).status()).toBe(403);
    expect((await request.delete(`/api/orgs/acme/instruments/${instrumentId}`)).status()).toBe(403);
    // Nothing changed: the record is still listed with its 30 kWh.
    const listed = (await (await request.get("/api/orgs/acme/activity?from=2023-05-01&to=2023-05-31")).json()) as { records: { id: string; quantity: string }[] };
    expect(listed.records.find((r) => r.id === activityId)?.quantity).toBe("30");
  });
}
