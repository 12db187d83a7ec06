// CodeCarbon's live API over HTTP against the production server: the exact requests CodeCarbon 3.3.0 sent
// (e2e/fixtures/api_runs_emissions_payloads.json: same JSON, same order, same headers with a real token),
// exact run totals, errors (422/404/401/403, never 500), tenancy, and the project page's tokens.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { account } from "./support/accounts";
import { apiLogin, loginAs } from "./support/session";

interface Capture {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The body's JSON text, numbers as the tracker wrote them. */
  bodyText: string;
}

/**
 * The captured requests, each body re-serialized with its numbers' original text (JSON.parse would turn
 * 2.4579190100373373e-08 into a double and back; these bytes are what the tracker's json.dumps wrote).
 */
function captures(): Capture[] {
  const raw = readFileSync(path.join(process.cwd(), "e2e", "fixtures", "api_runs_emissions_payloads.json"), "utf8");
  const parsed = JSON.parse(raw) as { method: string; path: string; headers: Record<string, string> }[];
  // Each "body": {...} object, cut out of the file text (flat objects: no nested braces).
  const bodies = [...raw.matchAll(/"body":\s*(\{[^{}]*\})/g)].map((m) => m[1]);
  expect(bodies).toHaveLength(parsed.length);
  return parsed.map((c, i) => ({ ...c, bodyText: bodies[i] }));
}

/** A field's exact numeric literal in a JSON response text. */
function literal(text: string, field: string): string {
  const m = new RegExp(`"${field}":\\s*(-?[0-9][0-9.eE+-]*)`).exec(text);
  if (!m) throw new Error(`no numeric "${field}" in ${text.slice(0, 300)}`);
  return m[1];
}

const uid = () => Math.random().toString(36).slice(2, 10);

/** An engineer's project in `org`, a token for it (through the app's API) and an experiment (through the tracker API). */
async function trackerSetup(request: APIRequestContext, org: "acme" | "globex", engineer: APIRequestContext) {
  const project = await engineer.post(`/api/orgs/${org}/projects`, { data: { name: `e2e-tracker-${uid()}` } });
  expect(project.status()).toBe(201);
  const { id: projectId } = (await project.json()) as { id: string };
  const created = await engineer.post(`/api/orgs/${org}/projects/${projectId}/tokens`, { data: { name: "e2e tracker" } });
  expect(created.status()).toBe(201);
  const { token, id: tokenId } = (await created.json()) as { token: string; id: string };
  const headers = { "content-type": "application/json", "x-api-token": token };
  const experiment = await request.post("/api/codecarbon/experiments", {
    headers,
    data: JSON.stringify({ name: "e2e experiment", description: "replay", on_cloud: false, project_id: projectId, country_iso_code: "POL" }),
  });
  expect(experiment.status(), await experiment.text()).toBe(201);
  const { id: experimentId } = (await experiment.json()) as { id: string };
  return { projectId, token, tokenId, headers, experimentId };
}

async function newRun(request: APIRequestContext, headers: Record<string, string>, experimentId: string): Promise<string> {
  const runBody = captures().find((c) => c.path === "/runs")!.bodyText.replace(/"experiment_id":\s*"[^"]*"/, `"experiment_id": "${experimentId}"`);
  const res = await request.post("/api/codecarbon/runs", { headers, data: runBody });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

test.describe("CodeCarbon live API", () => {
  test("replays CodeCarbon 3.3.0's requests: run total energy_consumed = 0.000006242563836468334 + 0.000011563830323688855 + 0.000011824353207430372 + 0.000011746464919598607 = 0.000041377212287186168 kWh, emissions = 0.00000016291677478553769 kg", async ({ request, playwright, baseURL }) => {
    const engineer = await playwright.request.newContext({ baseURL });
    await apiLogin(engineer, account("acme", "ENGINEER"));
    const s = await trackerSetup(request, "acme", engineer);

    let runId = "";
    const emissionIds: string[] = [];
    for (const c of captures()) {
      const headers = { ...c.headers, "x-api-token": s.token };
      let body = c.bodyText;
      if (c.path === "/runs") body = body.replace(/"experiment_id":\s*"[^"]*"/, `"experiment_id": "${s.experimentId}"`);
      else body = body.replace(/"run_id":\s*"[^"]*"/, `"run_id": "${runId}"`);
      const res = await request.fetch(`/api/codecarbon${c.path}`, { method: c.method, headers, data: body });
      expect(res.status(), `${c.method} ${c.path}: ${await res.text()}`).toBe(201);
      if (c.path === "/runs") runId = ((await res.json()) as { id: string }).id;
      else emissionIds.push((await res.json()) as string);
    }
    expect(runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(emissionIds).size).toBe(4);

    const run = await request.get(`/api/codecarbon/runs/${runId}`, { headers: s.headers });
    expect(run.status()).toBe(200);
    const runText = await run.text();
    expect(literal(runText, "energy_consumed")).toBe("0.000041377212287186168");
    expect(literal(runText, "emissions")).toBe("0.00000016291677478553769");
    expect(literal(runText, "cpu_energy")).toBe("0.0000031853225705218068");
    expect(literal(runText, "ram_energy")).toBe("0.000038191889716664371");
    expect(literal(runText, "duration")).toBe("5");
    expect(JSON.parse(runText)).toMatchObject({ id: runId, experiment_id: s.experimentId, codecarbon_version: "3.3.0", cpu_count: 2, emissions_count: 4 });

    // A retried emission (the tracker's last one again) is a duplicate: 201, same id, total unchanged.
    const last = captures().at(-1)!;
    const again = await request.post("/api/codecarbon/emissions", { headers: s.headers, data: last.bodyText.replace(/"run_id":\s*"[^"]*"/, `"run_id": "${runId}"`) });
    expect(again.status()).toBe(201);
    expect(await again.json()).toBe(emissionIds[3]);
    expect(literal(await (await request.get(`/api/codecarbon/runs/${runId}`, { headers: s.headers })).text(), "energy_consumed")).toBe("0.000041377212287186168");

    // The dashboard's read side: sums (with and without the trailing slash), runs, emissions, experiments; Bearer works too.
    const bearer = { authorization: `Bearer ${s.token}` };
    for (const p of [`/experiments/${s.experimentId}/runs/sums`, `/experiments/${s.experimentId}/runs/sums/`]) {
      const sums = await request.get(`/api/codecarbon${p}`, { headers: bearer });
      expect(sums.status(), p).toBe(200);
      const text = await sums.text();
      expect(literal(text, "energy_consumed")).toBe("0.000041377212287186168");
      expect(JSON.parse(text)).toMatchObject([{ run_id: runId, emissions_count: 4 }]);
    }
    const expSums = await request.get(`/api/codecarbon/projects/${s.projectId}/experiments/sums`, { headers: s.headers });
    expect(literal(await expSums.text(), "emissions")).toBe("0.00000016291677478553769");
    const projectSums = await request.get(`/api/codecarbon/projects/${s.projectId}/sums`, { headers: s.headers });
    expect(literal(await projectSums.text(), "energy_consumed")).toBe("0.000041377212287186168");
    expect(await (await request.get(`/api/codecarbon/experiments/${s.experimentId}/runs`, { headers: s.headers })).json()).toMatchObject([{ id: runId }]);
    const page = (await (await request.get(`/api/codecarbon/runs/${runId}/emissions?size=2`, { headers: s.headers })).json()) as { items: { id: string }[]; total: number; pages: number };
    expect(page).toMatchObject({ total: 4, pages: 2 });
    expect(page.items.map((i) => i.id)).toEqual(emissionIds.slice(0, 2));
    expect(await (await request.get(`/api/codecarbon/projects/${s.projectId}/experiments`, { headers: s.headers })).json()).toMatchObject([{ id: s.experimentId, name: "e2e experiment" }]);

    // The project page shows the run with its energy, linked from the projects list.
    const page2 = await engineer.get(`/acme/projects/${s.projectId}`);
    expect(page2.status()).toBe(200);
    expect(await page2.text()).toContain("live API");
    // The run's import has no file: its page says "live API", not "0 bytes".
    const imports = (await (await engineer.get("/api/orgs/acme/imports")).json()) as { id: string; fileName: string }[];
    const trackerImport = imports.find((i) => i.fileName === `api:run:${runId}`)!;
    const importPage = await (await engineer.get(`/acme/imports/${trackerImport.id}`)).text();
    expect(importPage).toContain("live API");
    expect(importPage).not.toContain("0 bytes");
    await engineer.dispose();
  });

  test("invalid payloads: 422 with the field and the reason; unknown ids 404; never 500", async ({ request, playwright, baseURL }) => {
    const engineer = await playwright.request.newContext({ baseURL });
    await apiLogin(engineer, account("acme", "ENGINEER"));
    const s = await trackerSetup(request, "acme", engineer);
    const runId = await newRun(request, s.headers, s.experimentId);
    const emission = captures().find((c) => c.path === "/emissions")!.bodyText.replace(/"run_id":\s*"[^"]*"/, `"run_id": "${runId}"`);
    const post = (data: string) => request.post("/api/codecarbon/emissions", { headers: s.headers, data });
    const expect422 = async (res: APIResponse, field: string, reason: RegExp) => {
      const text = await res.text();
      expect(res.status(), text).toBe(422);
      const body = (await res.json()) as { error: { issues: { field: string; reason: string }[] }; detail: { loc: string[]; msg: string }[] };
      expect(body.error.issues.find((i) => i.field === field)?.reason, text).toMatch(reason);
      expect(body.detail.find((d) => d.loc.at(-1) === field)?.msg, text).toMatch(reason);
    };
    await expect422(await post(emission.replace(/"energy_consumed":\s*[^,}]+/, '"energy_consumed": -6.2e-06')), "energy_consumed", /must not be negative/);
    await expect422(await post(emission.replace(/"cpu_utilization_percent":\s*[^,}]+/, '"cpu_utilization_percent": 100.5')), "cpu_utilization_percent", /between 0 and 100/);
    await expect422(await post(emission.replace(/"duration":\s*[^,}]+,/, "")), "duration", /required/);
    await expect422(await post(emission.replace(/"ram_energy":\s*[^,}]+/, '"ram_energy": "lots"')), "ram_energy", /must be a number/);
    await expect422(await post(emission.replace(/"timestamp":\s*"[^"]*"/, '"timestamp": "2026-13-45T99:00:00"')), "timestamp", /ISO 8601/);
    // Malformed bodies go as text/plain: with a JSON content type Playwright would quote an invalid JSON string.
    const raw = (data: string) => request.post("/api/codecarbon/emissions", { headers: { "x-api-token": s.token, "content-type": "text/plain" }, data });
    await expect422(await raw('{"timestamp": "2026-11-23T08:24:52+00:00", "run_id": '), "body", /invalid JSON/);
    await expect422(await raw(" \n"), "body", /invalid JSON/);
    await expect422(await post("[1, 2]"), "body", /must be a JSON object/);
    await expect422(
      await request.post("/api/codecarbon/runs", { headers: s.headers, data: JSON.stringify({ timestamp: "2026-11-23T08:24:52Z", experiment_id: s.experimentId, latitude: 123 }) }),
      "latitude",
      /between -90 and 90/,
    );
    // Nothing of the rejected requests was counted.
    expect(literal(await (await request.get(`/api/codecarbon/runs/${runId}`, { headers: s.headers })).text(), "energy_consumed")).toBe("0");

    const unknown = "3f0c9a52-8d41-4e0b-9d35-6a2f1c7b9e00";
    expect((await post(emission.replace(runId, unknown))).status()).toBe(404);
    expect((await request.get(`/api/codecarbon/runs/${unknown}`, { headers: s.headers })).status()).toBe(404);
    expect((await request.get("/api/codecarbon/runs/not-a-uuid", { headers: s.headers })).status()).toBe(404);
    expect((await request.get(`/api/codecarbon/runs/${unknown}/emissions`, { headers: s.headers })).status()).toBe(404);
    expect((await request.get(`/api/codecarbon/experiments/${unknown}/runs`, { headers: s.headers })).status()).toBe(404);
    const badRun = await request.post("/api/codecarbon/runs", { headers: s.headers, data: JSON.stringify({ timestamp: "2026-11-23T08:24:52Z", experiment_id: unknown }) });
    expect(badRun.status()).toBe(404);
    await engineer.dispose();
  });

  test("tokens: none or wrong 401, revoked 403 at once, another organization's token never reaches a run (404)", async ({ request, playwright, baseURL }) => {
    const acmeEngineer = await playwright.request.newContext({ baseURL });
    await apiLogin(acmeEngineer, account("acme", "ENGINEER"));
    const globexEngineer = await playwright.request.newContext({ baseURL });
    await apiLogin(globexEngineer, account("globex", "ENGINEER"));
    const acme = await trackerSetup(request, "acme", acmeEngineer);
    const globex = await trackerSetup(request, "globex", globexEngineer);
    const globexRun = await newRun(request, globex.headers, globex.experimentId);
    const emission = (runId: string) => captures().find((c) => c.path === "/emissions")!.bodyText.replace(/"run_id":\s*"[^"]*"/, `"run_id": "${runId}"`);

    // No token, a wrong token: 401 (also for the session-less proxy path: the route decides).
    expect((await request.get(`/api/codecarbon/runs/${globexRun}`)).status()).toBe(401);
    expect((await request.get(`/api/codecarbon/runs/${globexRun}`, { headers: { "x-api-token": "sbk_wrong" } })).status()).toBe(401);
    expect((await request.post("/api/codecarbon/emissions", { headers: { "content-type": "application/json" }, data: emission(globexRun) })).status()).toBe(401);

    // acme's token against globex's run, experiment and project: 404, and nothing is written.
    const attempts: [string, Promise<APIResponse>][] = [
      ["GET run", request.get(`/api/codecarbon/runs/${globexRun}`, { headers: acme.headers })],
      ["GET emissions", request.get(`/api/codecarbon/runs/${globexRun}/emissions`, { headers: acme.headers })],
      ["POST emission", request.post("/api/codecarbon/emissions", { headers: acme.headers, data: emission(globexRun) })],
      ["POST run", request.post("/api/codecarbon/runs", { headers: acme.headers, data: JSON.stringify({ timestamp: "2026-11-23T08:24:52Z", experiment_id: globex.experimentId }) })],
      ["GET experiment runs", request.get(`/api/codecarbon/experiments/${globex.experimentId}/runs`, { headers: acme.headers })],
      ["GET experiment sums", request.get(`/api/codecarbon/experiments/${globex.experimentId}/runs/sums`, { headers: acme.headers })],
      ["GET project experiments", request.get(`/api/codecarbon/projects/${globex.projectId}/experiments`, { headers: acme.headers })],
      ["POST experiment", request.post("/api/codecarbon/experiments", { headers: acme.headers, data: JSON.stringify({ name: "intruder", project_id: globex.projectId }) })],
    ];
    for (const [label, call] of attempts) {
      const res = await call;
      expect(res.status(), label).toBe(404);
      expect(await res.text(), label).not.toContain(globex.experimentId);
    }
    const globexRunAfter = await request.get(`/api/codecarbon/runs/${globexRun}`, { headers: globex.headers });
    expect((await globexRunAfter.json()) as { emissions_count: number }).toMatchObject({ emissions_count: 0 });

    // acme's people cannot see or revoke globex's project or token either.
    for (const [label, res] of [
      ["GET page", await acmeEngineer.get(`/globex/projects/${globex.projectId}`)],
      ["GET page under acme", await acmeEngineer.get(`/acme/projects/${globex.projectId}`)],
      ["GET project API", await acmeEngineer.get(`/api/orgs/acme/projects/${globex.projectId}`)],
      ["POST token", await acmeEngineer.post(`/api/orgs/acme/projects/${globex.projectId}/tokens`, { data: { name: "x" } })],
      ["DELETE token", await acmeEngineer.delete(`/api/orgs/acme/projects/${globex.projectId}/tokens/${globex.tokenId}`)],
      ["DELETE token under globex", await acmeEngineer.delete(`/api/orgs/globex/projects/${globex.projectId}/tokens/${globex.tokenId}`)],
    ] as const) {
      expect(res.status(), label).toBe(404);
      expect(await res.text(), label).not.toContain(globex.token);
    }

    // Revoked: 403 at once; the other token still works.
    const revoke = await acmeEngineer.delete(`/api/orgs/acme/projects/${acme.projectId}/tokens/${acme.tokenId}`);
    expect(revoke.status()).toBe(200);
    expect((await request.get(`/api/codecarbon/experiments/${acme.experimentId}/runs`, { headers: acme.headers })).status()).toBe(403);
    expect((await request.post("/api/codecarbon/runs", { headers: acme.headers, data: JSON.stringify({ timestamp: "2026-11-23T08:24:52Z", experiment_id: acme.experimentId }) })).status()).toBe(403);
    expect((await request.get(`/api/codecarbon/runs/${globexRun}`, { headers: globex.headers })).status()).toBe(200);
    await acmeEngineer.dispose();
    await globexEngineer.dispose();
  });

  test("project page: an engineer creates a token (shown once) and revokes it; an auditor only reads", async ({ page, playwright, baseURL }) => {
    const engineer = await playwright.request.newContext({ baseURL });
    await apiLogin(engineer, account("acme", "ENGINEER"));
    const name = `e2e-ui-${uid()}`;
    const created = await engineer.post("/api/orgs/acme/projects", { data: { name } });
    const { id: projectId } = (await created.json()) as { id: string };
    await engineer.dispose();

    await loginAs(page, account("acme", "ENGINEER"));
    await page.goto("/acme/projects");
    await page.getByRole("link", { name }).click();
    await expect(page).toHaveURL(`/acme/projects/${projectId}`);
    await page.getByPlaceholder(/Token name/).fill("laptop");
    await page.getByRole("button", { name: "Create token" }).click();
    const value = page.getByTestId("new-token-value");
    await expect(value).toHaveText(/^sbk_[A-Za-z0-9_-]{43}$/);
    const token = (await value.textContent())!;
    await expect(page.getByTestId("tokens-table").locator('tr[data-token-name="laptop"]')).toContainText("active");
    // Shown once: after a reload only the prefix remains.
    await page.reload();
    await expect(page.getByTestId("new-token")).toHaveCount(0);
    expect(await page.content()).not.toContain(token);
    await expect(page.getByTestId("tokens-table")).toContainText(token.slice(0, 12));
    // The token works until it is revoked in the page.
    const tracker = page.context().request;
    expect((await tracker.get(`/api/codecarbon/projects/${projectId}/experiments`, { headers: { "x-api-token": token } })).status()).toBe(200);
    page.once("dialog", (d) => void d.accept());
    await page.locator('tr[data-token-name="laptop"]').getByRole("button", { name: "Revoke" }).click();
    await expect(page.locator('tr[data-token-name="laptop"]')).toContainText("revoked");
    expect((await tracker.get(`/api/codecarbon/projects/${projectId}/experiments`, { headers: { "x-api-token": token } })).status()).toBe(403);

    // An auditor sees the page but no token form and no revoke button.
    await page.context().clearCookies();
    await loginAs(page, account("acme", "AUDITOR"));
    await page.goto(`/acme/projects/${projectId}`);
    await expect(page.getByTestId("tokens-table")).toBeVisible();
    await expect(page.getByRole("button", { name: "Create token" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Revoke" })).toHaveCount(0);
    const auditorCreate = await page.context().request.post(`/api/orgs/acme/projects/${projectId}/tokens`, { data: { name: "x" } });
    expect(auditorCreate.status()).toBe(403);
  });
});
