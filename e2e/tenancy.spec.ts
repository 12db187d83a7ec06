// Two organizations: acme's admin (every permission) tries every page and API route of globex —
// read, write, download — by globex's slug and by globex's record ids under acme's slug. 0 leaks.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ORGS, account } from "./support/accounts";
import { apiLogin, loginAs } from "./support/session";

const CSV = readFileSync(path.join(process.cwd(), "e2e", "fixtures", "codecarbon-2.4-macos-m1.csv"));
const SECTIONS = ["", "/dashboard", "/projects", "/imports", "/activity", "/sites", "/instruments", "/cloud-mapping", "/inventory", "/targets", "/factors", "/reports", "/audit", "/settings", "/assurance", "/assurance/access", "/assurance/engagements"];

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
  // A custom factor of globex's (its id and its dataset's id are what acme will try).
  const factorRes = await globexAdmin.post("/api/orgs/globex/factors", {
    multipart: { keyType: "GRID_REGION", key: "GLOBEXSECRET", year: "2024", value: "1", unit: "kgCO2e/kWh", description: "globex-secret factor", evidence: { name: "globex-secret.txt", mimeType: "text/plain", buffer: Buffer.from(`globex-secret ${Date.now()}`) } },
  });
  expect(factorRes.status()).toBe(201);
  const globexFactor = (await factorRes.json()) as { factorId: string; dataset: { id: string } };
  const factorForm = { keyType: "COUNTRY", key: "USA", year: "2024", value: "1", unit: "kgCO2e/kWh", description: "intruder", evidence: { name: "e.txt", mimeType: "text/plain", buffer: Buffer.from("e") } };
  const importForm = { publisher: "I", title: "I", version: "1", licence: "x", file: { name: "f.csv", mimeType: "text/csv", buffer: Buffer.from("key_type,key,year,value,unit,method\nCOUNTRY,USA,2024,1,kgCO2e/kWh,RESIDUAL_MIX\n") } };
  // A globex activity record and instrument (acme tries to edit and delete them: decision 0021),
  // recorded before globex's period exists, so they trigger no recalculation of it.
  expect((await globexAdmin.post("/api/orgs/globex/sites", { data: { name: "globex-secret site" } })).status()).toBe(201);
  const globexActivity = await globexAdmin.post("/api/orgs/globex/activity", { data: { periodStart: "2024-02-01", periodEnd: "2024-02-29", site: "globex-secret site", category: "electricity", quantity: "5", unit: "kWh" } });
  expect(globexActivity.status()).toBe(201);
  const { id: activityId } = (await globexActivity.json()) as { id: string };
  const globexInstrument = await globexAdmin.post("/api/orgs/globex/instruments", { data: { type: "rec", volumeMwh: "1", market: "USA", vintageStart: "2024-01-01", vintageEnd: "2024-12-31", retiredOnBehalf: "yes", emissionRateKgCo2ePerKwh: "0" } });
  expect(globexInstrument.status()).toBe(201);
  const { id: instrumentId } = (await globexInstrument.json()) as { id: string };
  const periodRes = await globexAdmin.post("/api/orgs/globex/periods", { data: { name: "globex-secret period", startDate: "2024-01-01", endDate: "2024-12-31" } });
  expect(periodRes.status()).toBe(201);
  const { id: periodId } = (await periodRes.json()) as { id: string };

  await loginAs(page, account("acme", "ADMIN"));
  const request = page.context().request;
  const leaks: string[] = [];
  // Globex's name and data must never appear. (Pages echo the requested URL, so ids are checked on API bodies only.)
  const pageSecrets = [ORGS.globex.name, "globex-secret", "globex-secret.csv"];
  const apiSecrets = [...pageSecrets, importId, globexAuditor.id, globexFactor.factorId, globexFactor.dataset.id, "GLOBEXSECRET", mappingId, activityId, instrumentId];
  const check = async (label: string, status: number, body: string, allowed: number[]) => {
    if (!allowed.includes(status)) leaks.push(`${label}: HTTP ${status}`);
    for (const s of label.startsWith("page") ? pageSecrets : apiSecrets)
      if (body.includes(s)) leaks.push(`${label}: response contains "${s}"`);
  };

  // Pages of globex, by slug: 404.
  for (const section of [...SECTIONS, `/imports/${importId}`, `/inventory/${periodId}`, `/inventory/${periodId}/lines`]) {
    const res = await page.goto(`/globex${section}`);
    await check(`page /globex${section}`, res!.status(), await page.content(), [404]);
  }
  // Globex's records under acme's own slug: 404 too.
  const acmePage = await page.goto(`/acme/imports/${importId}`);
  await check(`page /acme/imports/<globex import>`, acmePage!.status(), await page.content(), [404]);
  for (const p of [`/acme/inventory/${periodId}`, `/acme/inventory/${periodId}/lines`, "/acme/inventory/not-a-uuid"]) {
    const res = await page.goto(p);
    await check(`page ${p}`, res!.status(), await page.content(), [404]);
  }

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
    ["GET", "/api/orgs/globex/audit/events.csv", () => request.get("/api/orgs/globex/audit/events.csv")],
    ["GET", "/api/orgs/globex/audit/events.jsonl", () => request.get("/api/orgs/globex/audit/events.jsonl")],
    ["GET", "/api/orgs/globex/engagements", () => request.get("/api/orgs/globex/engagements")],
    ["POST", "/api/orgs/globex/engagements", () => request.post("/api/orgs/globex/engagements", { data: { name: "intruder" } })],
    ["GET", "/api/orgs/globex/access-log", () => request.get("/api/orgs/globex/access-log")],
    ["GET", "/api/orgs/globex/audit/checkpoints", () => request.get("/api/orgs/globex/audit/checkpoints")],
    ["GET", "/api/orgs/globex/members", () => request.get("/api/orgs/globex/members")],
    ["GET", "/api/orgs/globex/activity", () => request.get("/api/orgs/globex/activity")],
    ["GET", "/api/orgs/globex/sites", () => request.get("/api/orgs/globex/sites")],
    ["GET", "/api/orgs/globex/instruments", () => request.get("/api/orgs/globex/instruments")],
    ["PATCH", "/api/orgs/globex/activity/:id", () => request.patch(`/api/orgs/globex/activity/${activityId}`, { data: { quantity: "1" } })],
    ["DELETE", "/api/orgs/globex/activity/:id", () => request.delete(`/api/orgs/globex/activity/${activityId}`)],
    ["PATCH", "/api/orgs/acme/activity/<globex record>", () => request.patch(`/api/orgs/acme/activity/${activityId}`, { data: { quantity: "1" } })],
    ["DELETE", "/api/orgs/acme/activity/<globex record>", () => request.delete(`/api/orgs/acme/activity/${activityId}`)],
    ["PATCH", "/api/orgs/globex/instruments/:id", () => request.patch(`/api/orgs/globex/instruments/${instrumentId}`, { data: { volumeMwh: "2" } })],
    ["DELETE", "/api/orgs/globex/instruments/:id", () => request.delete(`/api/orgs/globex/instruments/${instrumentId}`)],
    ["PATCH", "/api/orgs/acme/instruments/<globex instrument>", () => request.patch(`/api/orgs/acme/instruments/${instrumentId}`, { data: { volumeMwh: "2" } })],
    ["DELETE", "/api/orgs/acme/instruments/<globex instrument>", () => request.delete(`/api/orgs/acme/instruments/${instrumentId}`)],
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
    ["GET", "/api/orgs/globex/factors", () => request.get("/api/orgs/globex/factors?key=GLOBEXSECRET")],
    ["GET", "/api/orgs/globex/factors/datasets", () => request.get("/api/orgs/globex/factors/datasets")],
    ["GET", "/api/orgs/globex/factors/attributions", () => request.get("/api/orgs/globex/factors/attributions")],
    ["GET", "/api/orgs/globex/factors/template", () => request.get("/api/orgs/globex/factors/template")],
    ["POST", "/api/orgs/globex/factors", () => request.post("/api/orgs/globex/factors", { multipart: factorForm })],
    ["DELETE", "/api/orgs/globex/factors/:id", () => request.delete(`/api/orgs/globex/factors/${globexFactor.factorId}`)],
    ["POST", "/api/orgs/globex/factors/datasets/:id/versions", () => request.post(`/api/orgs/globex/factors/datasets/${globexFactor.dataset.id}/versions`, { data: { version: "9" } })],
    ["POST", "/api/orgs/globex/factors/imports/preview", () => request.post("/api/orgs/globex/factors/imports/preview", { multipart: importForm })],
    ["POST", "/api/orgs/globex/factors/imports", () => request.post("/api/orgs/globex/factors/imports", { multipart: importForm })],
    ["DELETE", "/api/orgs/acme/factors/<globex factor>", () => request.delete(`/api/orgs/acme/factors/${globexFactor.factorId}`)],
    ["POST", "/api/orgs/acme/factors/datasets/<globex dataset>/versions", () => request.post(`/api/orgs/acme/factors/datasets/${globexFactor.dataset.id}/versions`, { data: { version: "9" } })],
    ["GET", "/api/orgs/globex/periods", () => request.get("/api/orgs/globex/periods")],
    ["POST", "/api/orgs/globex/periods", () => request.post("/api/orgs/globex/periods", { data: { name: "intruder", startDate: "2024-01-01", endDate: "2024-12-31" } })],
    ["GET", "/api/orgs/globex/periods/:id", () => request.get(`/api/orgs/globex/periods/${periodId}`)],
    ["PATCH", "/api/orgs/globex/periods/:id", () => request.patch(`/api/orgs/globex/periods/${periodId}`, { data: { close: true } })],
    ["POST", "/api/orgs/globex/periods/:id/recalculate", () => request.post(`/api/orgs/globex/periods/${periodId}/recalculate`)],
    ["GET", "/api/orgs/globex/periods/:id/lines", () => request.get(`/api/orgs/globex/periods/${periodId}/lines`)],
    ["POST", "/api/orgs/globex/periods/:id/restatements", () => request.post(`/api/orgs/globex/periods/${periodId}/restatements`, { data: { versionId: periodId, datapoint: "E1-6.scope1", reason: "LATE_DATA" } })],
    ["GET", "/api/orgs/acme/periods/<globex id>", () => request.get(`/api/orgs/acme/periods/${periodId}`)],
    ["PATCH", "/api/orgs/acme/periods/<globex id>", () => request.patch(`/api/orgs/acme/periods/${periodId}`, { data: { close: true } })],
    ["POST", "/api/orgs/acme/periods/<globex id>/recalculate", () => request.post(`/api/orgs/acme/periods/${periodId}/recalculate`)],
    ["GET", "/api/orgs/acme/periods/<globex id>/lines", () => request.get(`/api/orgs/acme/periods/${periodId}/lines`)],
    ["GET", "/api/orgs/globex/periods/:id/staleness", () => request.get(`/api/orgs/globex/periods/${periodId}/staleness`)],
    ["GET", "/api/orgs/acme/periods/<globex id>/staleness", () => request.get(`/api/orgs/acme/periods/${periodId}/staleness`)],
    ["GET", "/api/orgs/acme/periods/not-a-uuid/staleness", () => request.get("/api/orgs/acme/periods/not-a-uuid/staleness")],
    ...["submit", "approve", "reopen"].flatMap((action): [string, string, () => Promise<import("@playwright/test").APIResponse>][] => [
      ["POST", `/api/orgs/globex/periods/:id/${action}`, () => request.post(`/api/orgs/globex/periods/${periodId}/${action}`, { data: { reason: "intrusion", acknowledgeUnresolved: true } })],
      ["POST", `/api/orgs/acme/periods/<globex id>/${action}`, () => request.post(`/api/orgs/acme/periods/${periodId}/${action}`, { data: { reason: "intrusion", acknowledgeUnresolved: true } })],
    ]),
    ...["report.pdf", "datapoints.csv", "datapoints.json", "evidence-pack.zip"].flatMap((file): [string, string, () => Promise<import("@playwright/test").APIResponse>][] => [
      ["GET", `/api/orgs/globex/periods/:id/${file}`, () => request.get(`/api/orgs/globex/periods/${periodId}/${file}`)],
      ["GET", `/api/orgs/acme/periods/<globex id>/${file}`, () => request.get(`/api/orgs/acme/periods/${periodId}/${file}`)],
    ]),
    ["GET", "/api/orgs/globex/targets", () => request.get("/api/orgs/globex/targets")],
    ["POST", "/api/orgs/globex/targets", () => request.post("/api/orgs/globex/targets", { data: { name: "intruder", coversScope1: true, baseYear: 2024, baseValue: "1", baseEvidence: "x", targetYear: 2030, reductionPercent: "42" } })],
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
  // Its activity record and instrument are unchanged and not deleted.
  const globexActivities = (await (await globexAdmin.get("/api/orgs/globex/activity")).json()) as { records: { id: string; quantity: string }[] };
  expect(globexActivities.records.find((r) => r.id === activityId)?.quantity).toBe("5");
  const globexInstruments = (await (await globexAdmin.get("/api/orgs/globex/instruments")).json()) as { instruments: { id: string; volumeMwh: string }[] };
  expect(globexInstruments.instruments.find((i) => i.id === instrumentId)?.volumeMwh).toBe("1");
  // Globex's custom factor is still there, unchanged, and acme's factor search never shows it.
  const globexFactors = await (await globexAdmin.get("/api/orgs/globex/factors?key=GLOBEXSECRET")).json();
  expect(globexFactors.factors.map((f: { id: string }) => f.id)).toEqual([globexFactor.factorId]);
  const acmeSearch = await (await request.get("/api/orgs/acme/factors?key=GLOBEXSECRET")).json();
  expect(acmeSearch.total).toBe(0);
  const globexPeriods = (await (await globexAdmin.get("/api/orgs/globex/periods")).json()) as { name: string; status: string; currentVersion: number | null }[];
  // (Other specs may add periods of their own to globex: the one this spec made is unchanged and none is acme's.)
  expect(globexPeriods.filter((p) => p.name === "globex-secret period").map((p) => [p.name, p.status, p.currentVersion])).toEqual([["globex-secret period", "OPEN", null]]);
  expect(globexPeriods.map((p) => p.name)).not.toContain("intruder");
  const globexMappings = (await (await globexAdmin.get("/api/orgs/globex/cloud-mappings")).json()) as { mappings: { id: string }[] };
  expect(globexMappings.mappings.map((m) => m.id)).toContain(mappingId);
  const verify = await (await globexAdmin.get("/api/orgs/globex/audit/verify")).json();
  expect(verify.ok).toBe(true);
  await globexAdmin.dispose();
});
