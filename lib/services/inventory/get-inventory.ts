// Use case: a period's inventory — E1-6 figures (from rollups), E1-5 energy, unresolved and flagged lines,
// instruments applied/excluded, the provider-vs-runs reconciliation, restatement (previously vs currently stated)
// and SCI per project (apart from the inventory).
import { assertPeriodCovered } from "../assurance/engagement-scope";
import { z } from "zod";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, inOrg, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import type { E16 } from "../../ghg/aggregate";
import type { E16Extras } from "../../ghg/e16-extras";
import type { E15 } from "../../ghg/energy-mix";
import type { CalculationDetails } from "../../ghg/calculate";
import { dec, text } from "../../ghg/decimal";
import { e16Datapoints } from "../../ghg/aggregate";
import { restatementDiff, type DatapointChange } from "../../ghg/restatement";
import { sci } from "../../ghg/sci";
import { tonnesFromKg } from "../../ghg/ets";
import { parseInput } from "../../parse-input";
import { assertPeriodId } from "./ledger/period-id";
import { num } from "./ledger/load-calculation-input";
import type { InventoryData } from "../../views/inventory";
import { lineViews } from "./ledger/line-views";
import { versionE16 } from "./ledger/version-figures";
import { e1Datapoints } from "./e1-datapoints";

export const GetInventoryInput = z.object({ periodId: z.string().refine(isUuid, "Reporting period not found.") });

const LIST_LIMIT = 200;

export async function getInventory({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<InventoryData> {
  authorize(ctx, "org:read");
  assertPeriodId(input);
  const { periodId } = parseInput(GetInventoryInput, input);
  await assertPeriodCovered(ctx, periodId);
  const period = await prisma.reportingPeriod.findFirst({ where: byId(ctx, periodId) });
  if (!period) throw notFound("Reporting period");
  const netRevenue = period.netRevenue?.toFixed() ?? null;
  const periodView = {
    id: period.id, name: period.name, startDate: period.startDate.toISOString().slice(0, 10), endDate: period.endDate.toISOString().slice(0, 10),
    status: period.status, netRevenue, netRevenueCurrency: period.netRevenueCurrency, scope1EtsKgCo2e: period.scope1EtsKgCo2e?.toFixed() ?? null,
    scope1EtsTCo2e: period.scope1EtsKgCo2e ? tonnesFromKg(period.scope1EtsKgCo2e.toFixed()) : null,
  };
  const versions = await prisma.calculationVersion.findMany({ where: { ...inOrg(ctx), periodId }, orderBy: { number: "desc" }, take: 2 });
  const current = versions.find((v) => v.isCurrent) ?? null;
  if (!current) {
    return { period: periodView, version: null, e16: null, e15: null, e16Extras: null, datasetIds: [], unresolved: { lines: [], total: 0 }, fallbacks: { lines: [], total: 0 }, instruments: [], reconciliation: [], allocations: [], excludedEstimates: [], restatement: null, sci: [] };
  }
  const org = ctx.organization.id;
  const [e16, e1, unresolved, fallbacks] = await Promise.all([
    versionE16(prisma, org, current.id, netRevenue),
    e1Datapoints(prisma, org, current.id),
    lineViews(org, current.id, { status: "UNRESOLVED" }, LIST_LIMIT),
    lineViews(org, current.id, { qualityFlags: { hasSome: ["factor-year-fallback", "grid-average-instead-of-residual-mix", "site-pue-applied"] } }, LIST_LIMIT),
  ]);
  const details = (current.details ?? { instruments: [], reconciliation: [], allocations: [], excludedEstimates: [] }) as unknown as CalculationDetails;
  const [instruments, projects] = await Promise.all([
    prisma.contractualInstrument.findMany({ where: { ...inOrg(ctx), id: { in: details.instruments.map((i) => i.instrumentId) } } }),
    prisma.project.findMany({ where: inOrg(ctx), select: { id: true, name: true } }),
  ]);
  const instById = new Map(instruments.map((i) => [i.id, i]));
  const projectName = new Map(projects.map((p) => [p.id, p.name]));
  const previous = versions.find((v) => !v.isCurrent && v.number === current.number - 1) ?? null;
  return {
    period: periodView,
    version: { id: current.id, number: current.number, createdAt: current.createdAt.toISOString(), engineVersion: current.engineVersion },
    e16,
    e15: e1.e15,
    e16Extras: e1.e16Extras,
    datasetIds: e1.datasetIds,
    unresolved,
    fallbacks,
    instruments: details.instruments.map((r) => {
      const i = instById.get(r.instrumentId);
      return { ...r, type: i?.type ?? "?", certificateId: i?.certificateId ?? null, market: i?.market ?? "?", vintage: i ? `${i.vintageStart.toISOString().slice(0, 10)} – ${i.vintageEnd.toISOString().slice(0, 10)}` : "?" };
    }),
    reconciliation: details.reconciliation.map((r) => ({ ...r, projectName: projectName.get(r.projectId) ?? r.projectId })),
    allocations: details.allocations,
    excludedEstimates: details.excludedEstimates,
    restatement: previous ? await restatementOf(org, previous.id, current.id, netRevenue, e16) : null,
    sci: await sciPerProject(org, current.id),
  };
}

async function restatementOf(org: string, previousId: string, currentId: string, netRevenue: string | null, current: E16): Promise<InventoryData["restatement"]> {
  const [prev, notes, prevVersion] = await Promise.all([
    versionE16(prisma, org, previousId, netRevenue),
    prisma.restatementNote.findMany({ where: { organizationId: org, calculationVersionId: currentId } }),
    prisma.calculationVersion.findFirstOrThrow({ where: { organizationId: org, id: previousId }, select: { number: true } }),
  ]);
  const noteBy = new Map(notes.map((n) => [n.datapoint, n]));
  return {
    previousNumber: prevVersion.number,
    changes: restatementDiff(e16Datapoints(prev), e16Datapoints(current)).map((c) => ({ ...c, reason: noteBy.get(c.datapoint)?.reason ?? null, note: noteBy.get(c.datapoint)?.note ?? null })),
  };
}

/**
 * SCI per project with measured runs, location-based only: E = Σ run energy (kWh), E × I = Σ of the runs' LB lines,
 * M = runs × the engineer's embodied kgCO2e per run, R = runs × units per run (functional unit "one run" until the
 * engineer sets one). Never summed into the inventory.
 */
async function sciPerProject(org: string, versionId: string): Promise<InventoryData["sci"]> {
  const rows = await prisma.$queryRaw<{ project_id: string; name: string; unit: string | null; per_run: string | null; embodied: string | null; kwh: string; kg: string; runs: bigint }[]>`
    SELECT u.project_id, p.name, p.sci_functional_unit AS unit, p.sci_units_per_run::text AS per_run, p.sci_embodied_kg_co2e_per_run::text AS embodied,
           sum(u.activity_quantity)::text AS kwh, sum(u.emissions_kg_co2e)::text AS kg, sum(u.lines) AS runs
      FROM ledger_rollups u JOIN ledger_resolutions l ON l.id = u.resolution_id AND l.organization_id = u.organization_id
      JOIN projects p ON p.id = u.project_id AND p.organization_id = u.organization_id
     WHERE u.organization_id = ${org}::uuid AND u.calculation_version_id = ${versionId}::uuid AND l.source_kind = 'RUN' AND l.method <> 'MARKET_BASED'
       AND l.status = 'RESOLVED'
     GROUP BY 1, 2, 3, 4, 5 ORDER BY 2`;
  return rows.map((r) => {
    const runs = dec(String(r.runs));
    const units = runs.times(num(r.per_run) ?? "1");
    const s = sci({ energyKwh: num(r.kwh) ?? "0", operationalKgCo2e: num(r.kg) ?? "0", embodiedKgCo2e: text(runs.times(num(r.embodied) ?? "0")), functionalUnits: text(units) });
    return { projectId: r.project_id, projectName: r.name, functionalUnit: r.unit ?? "one run", functionalUnits: text(units), energyKwh: num(r.kwh) ?? "0", operationalKgCo2e: s.operationalKgCo2e, embodiedKgCo2e: s.embodiedKgCo2e, sciKgCo2ePerUnit: s.sciKgCo2ePerUnit };
  });
}

export const toTonnes = (kg: string): string => text(dec(kg).div(1000));
