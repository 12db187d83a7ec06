// A live tracker adding emissions to a run already counted in a calculated period makes that period stale (decision
// 0021): one `run.measurements-added` audit event per run after each calculation, never one per emission; a period
// of another month is not touched. On the real database, through the tracker API's services.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { requireApiToken, type ApiTokenContext } from "../../lib/auth/api-token";
import { prisma } from "../../lib/db/client";
import { parseJsonExact } from "../../lib/json-exact";
import { addEmission } from "../../lib/services/tracker-api/add-emission";
import { createExperiment } from "../../lib/services/tracker-api/create-experiment";
import { createRun } from "../../lib/services/tracker-api/create-run";
import { createApiToken } from "../../lib/services/organizations/create-api-token";
import { createProject } from "../../lib/services/projects/create-project";
import { getInventory } from "../../lib/services/inventory/get-inventory";
import { getPeriodStaleness } from "../../lib/services/inventory/get-period-staleness";
import { recalculateAndCheck } from "../../lib/services/inventory/recalculate-and-check";
import { updateReportingPeriod } from "../../lib/services/periods/update-reporting-period";
import { verifyAuditChain } from "../../lib/services/audit/verify-audit-chain";
import { createTestOrg } from "../helpers/db";
import { factorDataset, factorRow, period } from "../helpers/ledger";

// CodeCarbon 3.3.0's own requests (e2e/fixtures/SOURCES.md), numbers kept as their source text.
const CAPTURE = parseJsonExact(readFileSync(path.join(process.cwd(), "e2e", "fixtures", "api_runs_emissions_payloads.json"), "utf8")) as { path: string; body: Record<string, unknown> }[];
const RUN_BODY = CAPTURE.find((c) => c.path === "/runs")!.body;
const EMISSION = CAPTURE.find((c) => c.path === "/emissions")!.body;

async function liveRun(prefix: string) {
  const org = await createTestOrg(prefix);
  const o = org.organization.id;
  const ds = await factorDataset(o, "Custom FR");
  await factorRow(ds.id, o, { keyType: "COUNTRY", key: String(RUN_BODY.country_iso_code ?? "FRA"), value: "0.4", year: 2025 });
  const engineer = await org.ctx("ENGINEER");
  const project = await createProject({ ctx: engineer, input: { name: "training" } });
  const token = await createApiToken({ ctx: engineer, input: { projectId: project.id, name: "cluster" } });
  const tracker = await requireApiToken({ token: token.token, requestId: "test-tracker" });
  const experiment = await createExperiment({ ctx: tracker, input: { name: "baseline", description: "", on_cloud: false, project_id: project.id } });
  const run = await createRun({ ctx: tracker, input: { ...RUN_BODY, experiment_id: experiment.id } });
  return { o, officer: await org.ctx("OFFICER"), tracker, runId: run.id as string };
}

const emit = (tracker: ApiTokenContext, runId: string, at: string) => addEmission({ ctx: tracker, input: { ...EMISSION, run_id: runId, timestamp: at } });
const markers = (o: string, runId: string) => prisma.auditEvent.findMany({ where: { organizationId: o, entityId: runId, action: "run.measurements-added" }, orderBy: { seq: "asc" } });

describe("tracker emissions on a run already calculated", () => {
  it("a CLOSED FY2025 with a March run: three more emissions make it stale with ONE marker; restated, the next emission marks it again", async () => {
    const { o, officer, tracker, runId } = await liveRun("trk-closed");
    const p = await period(o);
    await emit(tracker, runId, "2025-03-10T12:00:00+00:00");
    await recalculateAndCheck({ ctx: officer, input: { periodId: p.id } });
    await updateReportingPeriod({ ctx: officer, input: { periodId: p.id, close: true } });
    expect((await getPeriodStaleness({ ctx: officer, input: { periodId: p.id } })).stale).toBe(false);
    const stated = (await getInventory({ ctx: officer, input: { periodId: p.id } })).e16?.scope2LbKgCo2e;

    for (const minute of ["01", "02", "03"]) await emit(tracker, runId, `2025-03-10T12:${minute}:00+00:00`);
    expect(await getPeriodStaleness({ ctx: officer, input: { periodId: p.id } })).toMatchObject({ stale: true, lastChange: "run.measurements-added" });
    const first = await markers(o, runId);
    expect(first).toHaveLength(1);
    expect(first[0].after).toMatchObject({ runId, month: "2025-03-01" });
    expect(first[0].actorLabel).toBe(tracker.actorLabel);
    // The closed figures are not restated by the tracker.
    expect((await getInventory({ ctx: officer, input: { periodId: p.id } })).e16?.scope2LbKgCo2e).toBe(stated);

    expect(await recalculateAndCheck({ ctx: officer, input: { periodId: p.id } })).toMatchObject({ restated: true, versionNumber: 2 });
    expect((await getPeriodStaleness({ ctx: officer, input: { periodId: p.id } })).stale).toBe(false);
    await emit(tracker, runId, "2025-03-10T12:04:00+00:00");
    await emit(tracker, runId, "2025-03-10T12:05:00+00:00");
    expect((await getPeriodStaleness({ ctx: officer, input: { periodId: p.id } })).stale).toBe(true);
    expect(await markers(o, runId)).toHaveLength(2);
    expect((await verifyAuditChain({ ctx: officer })).ok).toBe(true);
  });

  it("an OPEN period (the tracker may not recalculate) shows stale too; a retried emission (duplicate) marks nothing; FY2024 is untouched", async () => {
    const { o, officer, tracker, runId } = await liveRun("trk-open");
    const p = await period(o);
    const fy24 = await period(o, "FY2024", "2024-01-01", "2024-12-31");
    await emit(tracker, runId, "2025-03-10T12:00:00+00:00");
    await recalculateAndCheck({ ctx: officer, input: { periodId: p.id } });
    await recalculateAndCheck({ ctx: officer, input: { periodId: fy24.id } });
    // The same emission again is a duplicate: no new data, no marker.
    await emit(tracker, runId, "2025-03-10T12:00:00+00:00");
    expect(await markers(o, runId)).toHaveLength(0);
    expect((await getPeriodStaleness({ ctx: officer, input: { periodId: p.id } })).stale).toBe(false);
    await emit(tracker, runId, "2025-03-10T12:01:00+00:00");
    expect(await getPeriodStaleness({ ctx: officer, input: { periodId: p.id } })).toMatchObject({ stale: true, lastChange: "run.measurements-added" });
    expect((await getPeriodStaleness({ ctx: officer, input: { periodId: fy24.id } })).stale).toBe(false);
  });

  it("a run crossing the year end (last measurement 2024-12-31 → 2025-01-01) makes both calculated years stale: two markers, December and January", async () => {
    const { o, officer, tracker, runId } = await liveRun("trk-cross");
    const fy24 = await period(o, "FY2024", "2024-01-01", "2024-12-31");
    const fy25 = await period(o);
    await emit(tracker, runId, "2024-12-31T23:00:00+00:00");
    await recalculateAndCheck({ ctx: officer, input: { periodId: fy24.id } });
    await recalculateAndCheck({ ctx: officer, input: { periodId: fy25.id } });
    await emit(tracker, runId, "2025-01-01T01:00:00+00:00");
    expect((await markers(o, runId)).map((m) => (m.after as { month: string }).month)).toEqual(["2024-12-01", "2025-01-01"]);
    expect((await getPeriodStaleness({ ctx: officer, input: { periodId: fy24.id } })).stale).toBe(true);
    expect((await getPeriodStaleness({ ctx: officer, input: { periodId: fy25.id } })).stale).toBe(true);
    // A further emission in January marks nothing new.
    await emit(tracker, runId, "2025-01-01T02:00:00+00:00");
    expect(await markers(o, runId)).toHaveLength(2);
  });

  it("no calculated period covers the run's month: emissions write no marker at all", async () => {
    const { o, tracker, runId } = await liveRun("trk-none");
    await period(o); // FY2025 exists but was never calculated
    for (const minute of ["00", "01"]) await emit(tracker, runId, `2025-03-10T12:${minute}:00+00:00`);
    expect(await markers(o, runId)).toHaveLength(0);
  });
});
