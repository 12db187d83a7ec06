// Each role sees and can do what its permissions say, and no more (API and UI).
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ROLES, account, type E2eRole } from "./support/accounts";
import { apiLogin, loginAs } from "./support/session";

const CSV = readFileSync(path.join(process.cwd(), "e2e", "fixtures", "codecarbon-2.4-macos-m1.csv"));

/** Each action once per role: expected HTTP status. The matrix mirrors lib/auth/permissions.ts. */
const ACTIONS: { name: string; expect: Record<E2eRole, number>; call: (r: APIRequestContext, role: E2eRole) => Promise<number> }[] = [
  {
    name: "add a member",
    expect: { ADMIN: 201, OFFICER: 403, ENGINEER: 403, AUDITOR: 403 },
    call: async (r, role) =>
      (await r.post("/api/orgs/acme/members", { data: { email: `new-by-${role.toLowerCase()}@acme.test`, name: "New", role: "AUDITOR", password: "a-long-password-1" } })).status(),
  },
  {
    name: "upload a CodeCarbon file (preview)",
    expect: { ADMIN: 201, OFFICER: 201, ENGINEER: 201, AUDITOR: 403 },
    call: async (r, role) => {
      // A distinct file per role (one extra comment-free row difference: a changed duration), so none is a re-upload.
      const body = Buffer.from(CSV.toString("utf8").replace("355.46638011932373", `355.4663801193237${ROLES.indexOf(role)}`));
      return (await r.put(`/api/orgs/acme/imports/upload?name=roles-${role}.csv`, { data: body, headers: { "content-type": "text/csv" } })).status();
    },
  },
  {
    name: "confirm the upload",
    expect: { ADMIN: 202, OFFICER: 202, ENGINEER: 202, AUDITOR: 403 },
    call: async (r, role) => {
      const imports = (await (await r.get("/api/orgs/acme/imports")).json()) as { id: string; fileName: string }[];
      // The auditor could not upload: it tries to confirm another role's preview.
      const mine = imports.find((i) => i.fileName === `roles-${role}.csv`) ?? imports.find((i) => i.fileName.startsWith("roles-"));
      return (await r.post(`/api/orgs/acme/imports/${mine?.id ?? "00000000-0000-4000-8000-000000000000"}/confirm`)).status();
    },
  },
  { name: "read the audit trail", expect: { ADMIN: 200, OFFICER: 200, ENGINEER: 403, AUDITOR: 200 }, call: async (r) => (await r.get("/api/orgs/acme/audit")).status() },
  { name: "verify the audit chain", expect: { ADMIN: 200, OFFICER: 200, ENGINEER: 403, AUDITOR: 200 }, call: async (r) => (await r.get("/api/orgs/acme/audit/verify")).status() },
  { name: "download the summary PDF", expect: { ADMIN: 200, OFFICER: 200, ENGINEER: 200, AUDITOR: 200 }, call: async (r) => (await r.get("/api/orgs/acme/reports/summary")).status() },
  { name: "read the dashboard", expect: { ADMIN: 200, OFFICER: 200, ENGINEER: 200, AUDITOR: 200 }, call: async (r) => (await r.get("/api/orgs/acme/dashboard")).status() },
  { name: "list members", expect: { ADMIN: 200, OFFICER: 200, ENGINEER: 200, AUDITOR: 200 }, call: async (r) => (await r.get("/api/orgs/acme/members")).status() },
  { name: "search factors", expect: { ADMIN: 200, OFFICER: 200, ENGINEER: 200, AUDITOR: 200 }, call: async (r) => (await r.get("/api/orgs/acme/factors?keyType=COUNTRY")).status() },
  {
    name: "add a custom factor",
    expect: { ADMIN: 201, OFFICER: 201, ENGINEER: 403, AUDITOR: 403 },
    call: async (r, role) =>
      (
        await r.post("/api/orgs/acme/factors", {
          // A distinct key per role, so no attempt is a duplicate of another's.
          multipart: { keyType: "GRID_REGION", key: `ROLES-${role}`, year: "2024", value: "1", unit: "kgCO2e/kWh", description: "roles", evidence: { name: "e.txt", mimeType: "text/plain", buffer: Buffer.from(`roles ${role}`) } },
        })
      ).status(),
  },
  {
    name: "preview a factor CSV import",
    expect: { ADMIN: 200, OFFICER: 200, ENGINEER: 403, AUDITOR: 403 },
    call: async (r) =>
      (
        await r.post("/api/orgs/acme/factors/imports/preview", {
          multipart: { publisher: "P", title: "T", version: "1", licence: "L", file: { name: "f.csv", mimeType: "text/csv", buffer: Buffer.from("key_type,key,year,value,unit,method\nCOUNTRY,USA,2024,1,kgCO2e/kWh,RESIDUAL_MIX\n") } },
        })
      ).status(),
  },
  {
    name: "create a reporting period",
    expect: { ADMIN: 201, OFFICER: 201, ENGINEER: 403, AUDITOR: 403 },
    call: async (r, role) => (await r.post("/api/orgs/acme/periods", { data: { name: `roles-${role}`, startDate: "2023-01-01", endDate: "2023-12-31" } })).status(),
  },
  { name: "list reporting periods", expect: { ADMIN: 200, OFFICER: 200, ENGINEER: 200, AUDITOR: 200 }, call: async (r) => (await r.get("/api/orgs/acme/periods")).status() },
  {
    name: "recalculate a period",
    expect: { ADMIN: 200, OFFICER: 200, ENGINEER: 403, AUDITOR: 403 },
    call: async (r) => {
      const periods = (await (await r.get("/api/orgs/acme/periods")).json()) as { id: string; name: string }[];
      const target = periods.find((p) => p.name.startsWith("roles-"));
      return (await r.post(`/api/orgs/acme/periods/${target?.id ?? "00000000-0000-4000-8000-000000000000"}/recalculate`)).status();
    },
  },
];

for (const role of ROLES) {
  test(`${role}: the API allows exactly what the role's permissions say`, async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    await apiLogin(request, account("acme", role));
    for (const action of ACTIONS) {
      expect(await action.call(request, role), `${role} → ${action.name}`).toBe(action.expect[role]);
    }
    // Changing a role: only admins; a forbidden attempt changes nothing.
    const members = (await (await request.get("/api/orgs/acme/members")).json()) as { id: string; email: string; role: string }[];
    const auditor = members.find((m) => m.email === account("acme", "AUDITOR"))!;
    const res = await request.patch(`/api/orgs/acme/members/${auditor.id}`, { data: { role: "AUDITOR" } });
    expect(res.status(), `${role} → change a role`).toBe(role === "ADMIN" ? 200 : 403);
    await request.dispose();
  });
}

test("AUDITOR: sees imports but no upload form; cannot change roles in the UI", async ({ page }) => {
  await loginAs(page, account("acme", "AUDITOR"));
  await page.goto("/acme/imports");
  await expect(page.getByTestId("upload-not-allowed")).toBeVisible();
  await expect(page.getByRole("form", { name: "Upload a CodeCarbon file" })).toHaveCount(0);
  await page.goto("/acme/settings");
  await expect(page.getByTestId("members-read-only")).toBeVisible();
  await expect(page.getByRole("form", { name: "Add a member" })).toHaveCount(0);
  await page.goto("/acme/audit");
  await expect(page.getByTestId("chain-status")).toContainText("Chain verified");
});

test("ENGINEER: uploads, but the audit trail is not for this role", async ({ page }) => {
  await loginAs(page, account("acme", "ENGINEER"));
  await page.goto("/acme/imports");
  await expect(page.getByRole("form", { name: "Upload a CodeCarbon file" })).toBeVisible();
  await page.goto("/acme/audit");
  await expect(page.getByTestId("forbidden")).toContainText("audit:read");
});

test("ADMIN: adds a member and changes a role in the UI; both land in the audit trail", async ({ page }) => {
  await loginAs(page, account("acme", "ADMIN"));
  await page.goto("/acme/settings");
  const form = page.getByRole("form", { name: "Add a member" });
  await form.getByPlaceholder("Name").fill("Zofia Żółć");
  await form.getByPlaceholder("Email").fill("zofia@acme.test");
  await form.getByLabel("Role").selectOption("OFFICER");
  await form.getByPlaceholder("Initial password (new users)").fill("zofia-password-1");
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByTestId("members-message")).toHaveText("zofia@acme.test added as officer.");
  await expect(page.locator('tr[data-email="zofia@acme.test"]')).toBeVisible();
  await page.getByLabel("Role of zofia@acme.test").selectOption("ENGINEER");
  await expect(page.getByTestId("members-message")).toHaveText("zofia@acme.test is now engineer.");
  // A bad member input gets a clear message, not a crash.
  await form.getByPlaceholder("Name").fill("Dup");
  await form.getByPlaceholder("Email").fill("zofia@acme.test");
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByTestId("members-message")).toContainText("already a member");
  await page.goto("/acme/audit");
  await expect(page.getByTestId("audit-table")).toContainText("member.role_changed");
  await expect(page.getByTestId("audit-table")).toContainText("member.added");
  await expect(page.getByTestId("chain-status")).toContainText("Chain verified");
});

test("a member of two organizations switches between them and gets each role", async ({ page }) => {
  await loginAs(page, "consultant@both.test");
  await page.goto("/both-a/dashboard");
  await expect(page.getByTestId("current-role")).toHaveText("Role: engineer");
  await page.getByLabel("Organization").selectOption("both-b");
  await expect(page).toHaveURL(/\/both-b\/dashboard$/);
  await expect(page.getByTestId("current-role")).toHaveText("Role: auditor");
});
