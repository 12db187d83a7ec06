// The officer's sign-off in the browser, three people: the officer submits a calculated period and cannot approve
// it herself; a second officer reviews it; the admin, a third account, approves it; the signed version's sha256 shows on the period and in the
// datapoint export, and the report PDF is the signed version's.
import { expect, test } from "@playwright/test";
import { account, reviewerAccount } from "./support/accounts";
import { pdfText } from "./support/pdf";
import { apiLogin, loginAs } from "./support/session";

test("officer submits FY2019, cannot approve it; the admin approves: signed off, version 1 with its sha256 in the page, the CSV and the PDF", async ({ browser, playwright, baseURL }) => {
  const officerApi = await playwright.request.newContext({ baseURL });
  await apiLogin(officerApi, account("acme", "OFFICER"));
  const created = await officerApi.post("/api/orgs/acme/periods", { data: { name: "E2E FY2019 sign-off", startDate: "2019-01-01", endDate: "2019-12-31" } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await officerApi.post(`/api/orgs/acme/periods/${id}/recalculate`)).status()).toBe(200);
  await officerApi.dispose();

  const officer = await browser.newPage();
  await loginAs(officer, account("acme", "OFFICER"));
  await officer.goto(`/acme/inventory/${id}`);
  const panel = officer.getByTestId("signoff-panel");
  await expect(panel.getByTestId("period-status")).toHaveText("Open");
  await panel.getByRole("form", { name: "Submit for review" }).getByRole("button", { name: "Submit for review" }).click();
  await expect(panel.getByTestId("period-status")).toHaveText("In review");
  await expect(panel.getByTestId("four-eyes")).toBeVisible();
  await expect(panel.getByRole("button", { name: "Approve and sign off" })).toHaveCount(0);
  // The API refuses the preparer too.
  expect((await officer.context().request.post(`/api/orgs/acme/periods/${id}/approve`)).status()).toBe(403);
  await officer.close();

  // The reviewer, a second officer, records the review; the admin cannot approve before it.
  const reviewer = await browser.newPage();
  await loginAs(reviewer, reviewerAccount("acme"));
  await reviewer.goto(`/acme/inventory/${id}`);
  const reviewPanel = reviewer.getByTestId("signoff-panel");
  await reviewPanel.getByRole("form", { name: "Mark reviewed" }).getByRole("button", { name: "Mark reviewed" }).click();
  await expect(reviewPanel.getByTestId("reviewed-by")).toContainText("reviewer of acme");
  await reviewer.close();

  const admin = await browser.newPage();
  await loginAs(admin, account("acme", "ADMIN"));
  await admin.goto(`/acme/inventory/${id}`);
  const adminPanel = admin.getByTestId("signoff-panel");
  await expect(adminPanel.getByTestId("period-status")).toHaveText("In review");
  await adminPanel.getByRole("button", { name: "Approve and sign off" }).click();
  await expect(adminPanel.getByTestId("period-status")).toHaveText("Signed off");
  const signed = adminPanel.getByTestId("signed-version");
  await expect(signed).toContainText("Report version 1");
  const sha256 = (await signed.locator("code").textContent())!.trim();
  expect(sha256).toMatch(/^[0-9a-f]{64}$/);

  const csv = await admin.context().request.get(`/api/orgs/acme/periods/${id}/datapoints.csv`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(`SIGNED_OFF,1,${sha256}`);
  const pdf = await admin.context().request.get(`/api/orgs/acme/periods/${id}/report.pdf`);
  expect(pdf.status()).toBe(200);
  const { text } = await pdfText(await pdf.body());
  // Text runs split where digits meet letters (pdfjs yields them as separate items), so compare without whitespace.
  expect(text.replace(/\s+/g, "")).toContain(sha256);
  expect(text).not.toContain("DRAFT");

  // Reopening needs a reason: an empty one is refused by the API with the field named.
  const refused = await admin.context().request.post(`/api/orgs/acme/periods/${id}/reopen`, { data: { reason: " " } });
  expect(refused.status()).toBe(422);
  expect(((await refused.json()) as { error: { issues: { field: string }[] } }).error.issues.map((i) => i.field)).toEqual(["reason"]);
  await admin.close();
});
