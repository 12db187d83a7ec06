// Two organizations: acme's admin (every permission) tries every page and API route of globex —
// read, write, download — by globex's slug and by globex's record ids under acme's slug. 0 leaks.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ORGS, account } from "./support/accounts";
import { apiLogin, loginAs } from "./support/session";

const CSV = readFileSync(path.join(process.cwd(), "e2e", "fixtures", "codecarbon-2.4-macos-m1.csv"));
const SECTIONS = ["", "/dashboard", "/projects", "/imports", "/activity", "/sites", "/instruments", "/cloud-mapping", "/factors", "/reports", "/audit", "/settings"];

test("acme's admin cannot see, change or download anything of globex", async ({ page, playwright, baseURL }) => {
  // globex's engineer creates globex data; its ids are what acme will try.
  const globex = await playwright.request.newContext({ baseURL });
  await apiLogin(globex, account("globex", "ENGINEER"));
  const upload = await globex.put("/api/orgs/globex/imports/upload?name=globex-secret.csv&confirm=true", {
    data: Buffer.from(CSV.toString("utf8").replace(/codecarbon,/g, "globex-secret-project,")),
    headers: { "content-type": "text/csv" },
  });
  expect(upload.status()).toBe(202);
  const { importId } = await upload.json();
  const globexProject = await (await globex.post("/api/orgs/globex/projects", { data: { name: "globex-secret-cloud" } })).json();
  const globexMapping = await globex.post("/api/orgs/globex/cloud-mappings", {
    data: { provider: "GCP", matchType: "CLOUD_PROJECT", matchValue: "globex-secret-gcp", projectId: globexProject.id },
  });
  expect(globexMapping.status()).toBe(201);
  const { id: mappingId } = await globexMapping.json();
  await globex.dispose();
  const globexAdmin = await playwright.request.newContext({ baseURL });
  await apiLogin(globexAdmin, account("globex", "ADMIN"));
  const globexMembers = (await (await globexAdmin.get("/api/orgs/globex/members")).json()) as { id: string; email: string; role: string }[];
  const globexAuditor = globexMembers.find((m) => m.email === account("globex", "AUDITOR"))!;
  const globexImportsBefore = ((await (await globexAdmin.get("/api/orgs/globex/imports")).json()) as unknown[]).length;

  await loginAs(page, account("acme", "ADMIN"));
  const request = page.context().request;
  const leaks: string[] = [];
  // Globex's name and data must never appear. (Pages echo the requested URL, so ids are checked on API bodies only.)
  const pageSecrets = [ORGS.globex.name, "globex-secret", "globex-secret.csv"];
  const apiSecrets = [...pageSecrets, importId, globexAuditor.id, mappingId];
  const check = async (label: string, status: number, body: string, allowed: number[]) => {
    if (!allowed.includes(status)) leaks.push(`${label}: HTTP ${status}`);
    for (const s of label.startsWith("page") ? pageSecrets : apiSecrets)
      if (body.includes(s)) leaks.push(`${label}: response contains "${s}"`);
  };

  // Pages of globex, by slug: 404.
  for (const section of [...SECTIONS, `/imports/${importId}`]) {
    const res = await page.goto(`/globex${section}`);
    await check(`page /globex${section}`, res!.status(), await page.content(), [404]);
  }
  // Globex's records under acme's own slug: 404 too.
  const acmePage = await page.goto(`/acme/imports/${importId}`);
  await check(`page /acme/imports/<globex import>`, acmePage!.status(), await page.content(), [404]);

  // API routes of globex (every route and method), and globex ids under acme's slug.
  const api: [string, string, () => Promise<import("@playwright/test").APIResponse>][] = [
    ["GET", "/api/orgs/globex/dashboard", () => request.get("/api/orgs/globex/dashboard")],
    ["GET", "/api/orgs/globex/projects", () => request.get("/api/orgs/globex/projects")],
    ["GET", "/api/orgs/globex/imports", () => request.get("/api/orgs/globex/imports")],
    ["GET", "/api/orgs/globex/imports/:id", () => request.get(`/api/orgs/globex/imports/${importId}`)],
    ["GET", "/api/orgs/globex/imports/:id/file", () => request.get(`/api/orgs/globex/imports/${importId}/file`)],
    ["GET", "/api/orgs/globex/reports/summary", () => request.get("/api/orgs/globex/reports/summary")],
    ["GET", "/api/orgs/globex/audit", () => request.get("/api/orgs/globex/audit")],
    ["GET", "/api/orgs/globex/audit/verify", () => request.get("/api/orgs/globex/audit/verify")],
    ["GET", "/api/orgs/globex/members", () => request.get("/api/orgs/globex/members")],
    ["GET", "/api/orgs/globex/activity", () => request.get("/api/orgs/globex/activity")],
    ["GET", "/api/orgs/globex/sites", () => request.get("/api/orgs/globex/sites")],
    ["GET", "/api/orgs/globex/instruments", () => request.get("/api/orgs/globex/instruments")],
    ["POST", "/api/orgs/globex/sites", () => request.post("/api/orgs/globex/sites", { data: { name: "intruder site" } })],
    ["GET", "/api/orgs/acme/evidence/<globex import evidence>", () => request.get(`/api/orgs/acme/evidence/${importId}`)],
    ["POST", "/api/orgs/globex/members", () => request.post("/api/orgs/globex/members", { data: { email: "intruder@acme.test", name: "I", role: "ADMIN", password: "intruder-password" } })],
    ["PATCH", "/api/orgs/globex/members/:id", () => request.patch(`/api/orgs/globex/members/${globexAuditor.id}`, { data: { role: "ADMIN" } })],
    ["PUT", "/api/orgs/globex/imports/upload", () => request.put("/api/orgs/globex/imports/upload?name=x.csv", { data: CSV, headers: { "content-type": "text/csv" } })],
    ["POST", "/api/orgs/globex/imports/:id/confirm", () => request.post(`/api/orgs/globex/imports/${importId}/confirm`)],
    ["POST", "/api/orgs/globex/imports/:id/cancel", () => request.post(`/api/orgs/globex/imports/${importId}/cancel`)],
    ["GET", "/api/orgs/globex/imports/:id/errors", () => request.get(`/api/orgs/globex/imports/${importId}/errors`)],
    ["POST", "/api/orgs/acme/imports/<globex id>/confirm", () => request.post(`/api/orgs/acme/imports/${importId}/confirm`)],
    ["POST", "/api/orgs/acme/imports/<globex id>/cancel", () => request.post(`/api/orgs/acme/imports/${importId}/cancel`)],
    ["GET", "/api/orgs/acme/imports/<globex id>/errors", () => request.get(`/api/orgs/acme/imports/${importId}/errors`)],
    ["GET", "/api/orgs/acme/imports/<globex id>", () => request.get(`/api/orgs/acme/imports/${importId}`)],
    ["GET", "/api/orgs/acme/imports/<globex id>/file", () => request.get(`/api/orgs/acme/imports/${importId}/file`)],
    ["PATCH", "/api/orgs/acme/members/<globex member>", () => request.patch(`/api/orgs/acme/members/${globexAuditor.id}`, { data: { role: "ADMIN" } })],
    ["GET", "/api/orgs/globex/cloud-mappings", () => request.get("/api/orgs/globex/cloud-mappings")],
    ["POST", "/api/orgs/globex/cloud-mappings", () => request.post("/api/orgs/globex/cloud-mappings", { data: { provider: "GCP", matchType: "CLOUD_PROJECT", matchValue: "x", projectId: globexProject.id } })],
    ["DELETE", "/api/orgs/globex/cloud-mappings/:id", () => request.delete(`/api/orgs/globex/cloud-mappings/${mappingId}`)],
    ["DELETE", "/api/orgs/acme/cloud-mappings/<globex mapping>", () => request.delete(`/api/orgs/acme/cloud-mappings/${mappingId}`)],
    ["GET", "/api/orgs/nonexistent/dashboard", () => request.get("/api/orgs/nonexistent/dashboard")],
    ["GET", "/api/orgs/acme/imports/not-a-uuid", () => request.get("/api/orgs/acme/imports/not-a-uuid")],
  ];
  for (const [method, route, call] of api) {
    const res = await call();
    await check(`${method} ${route}`, res.status(), await res.text(), [404]);
  }
  expect(leaks, leaks.join("\n")).toEqual([]);

  // Nothing was written in globex: its members and role are unchanged, its imports are its own.
  const after = (await (await globexAdmin.get("/api/orgs/globex/members")).json()) as { email: string; role: string }[];
  expect(after.find((m) => m.email === account("globex", "AUDITOR"))!.role).toBe("AUDITOR");
  expect(after.map((m) => m.email)).not.toContain("intruder@acme.test");
  const globexImports = (await (await globexAdmin.get("/api/orgs/globex/imports")).json()) as unknown[];
  expect(globexImports).toHaveLength(globexImportsBefore);
  const globexMappings = (await (await globexAdmin.get("/api/orgs/globex/cloud-mappings")).json()) as { mappings: { id: string }[] };
  expect(globexMappings.mappings.map((m) => m.id)).toContain(mappingId);
  const verify = await (await globexAdmin.get("/api/orgs/globex/audit/verify")).json();
  expect(verify.ok).toBe(true);
  await globexAdmin.dispose();
});
