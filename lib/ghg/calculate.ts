// The whole calculation of one period: every record of the period → ledger lines, plus what the inventory shows
// beside them (instruments applied or excluded, provider vs runs reconciliation, runs' shares of provider figures).
import type { CalculationInput } from "./inputs";
import { allocateMarketBased, type Consumption, type InstrumentReport } from "./market-based";
import { allocateAndReconcile, applyPrecedence, checkSupersession, type ReconciliationRow, type RunAllocation } from "./precedence";
import { FactorIndex } from "./resolve-factor";
import { activityLines, providerLines, runLines } from "./source-lines";
import type { LineDraft } from "./types";

/** Bumped whenever a rule in lib/ghg changes the lines it produces (stored on each calculation version). */
export const ENGINE_VERSION = "ghg-1";

export interface CalculationDetails {
  instruments: InstrumentReport[];
  reconciliation: ReconciliationRow[];
  allocations: RunAllocation[];
  excludedEstimates: { recordId: string; reason: string }[];
}

export interface CalculationResult {
  lines: LineDraft[];
  details: CalculationDetails;
}

const inPeriod = (month: string, p: { startDate: string; endDate: string }) => month >= p.startDate.slice(0, 7) + "-01" && month <= p.endDate;

export function calculatePeriod(input: CalculationInput): CalculationResult {
  checkSupersession(input.providerRecords);
  const period = input.period;
  const index = new FactorIndex(input.factors);
  const sites = new Map(input.sites.map((s) => [s.id, s]));
  const runs = input.runs.filter((r) => inPeriod(r.month, period));
  const provider = input.providerRecords.filter((p) => inPeriod(p.month, period));
  const precedence = applyPrecedence(provider, runs);

  const lines: LineDraft[] = [];
  const consumption: Consumption[] = [];
  const runLineById = new Map<string, LineDraft>();
  for (const run of runs) {
    const out = runLines(run, run.siteId ? sites.get(run.siteId) : undefined, index);
    runLineById.set(run.id, out.lines[0]);
    if (precedence.coveredRunIds.has(run.id)) continue; // attribution only: the provider figure is counted
    lines.push(...out.lines);
    consumption.push(...out.consumption);
  }
  for (const a of input.activities) {
    // A record spanning months has a part in each (pro rata by days): only the parts in this period count here, so a
    // bill across two fiscal years counts partly in each, never twice.
    const out = activityLines(a, a.siteId ? sites.get(a.siteId) : undefined, index);
    lines.push(...out.lines.filter((l) => inPeriod(l.month, period)));
    consumption.push(...out.consumption.filter((c) => inPeriod(c.origin.month, period)));
  }
  const providerOut = precedence.counted.flatMap(providerLines);
  lines.push(...providerOut);
  const mb = allocateMarketBased(consumption, input.instruments, index, period);
  lines.push(...mb.lines);
  const { allocations, reconciliation } = allocateAndReconcile(
    precedence.counted,
    providerOut,
    runs.filter((r) => precedence.coveredRunIds.has(r.id)),
    runLineById,
  );
  return {
    lines: sortLines(lines),
    details: { instruments: mb.instruments, reconciliation, allocations, excludedEstimates: precedence.excludedEstimates },
  };
}

/** A canonical order, so two calculations of the same data compare line by line. */
export function sortLines(lines: LineDraft[]): LineDraft[] {
  return [...lines].sort(
    (a, b) =>
      a.sourceKind.localeCompare(b.sourceKind) ||
      a.sourceRecordId.localeCompare(b.sourceRecordId) ||
      a.method.localeCompare(b.method) ||
      (a.instrumentId ?? "").localeCompare(b.instrumentId ?? "") ||
      a.month.localeCompare(b.month), // the monthly parts of a pro-rated activity
  );
}

/** The identity of a line's content, for idempotence: same data → same fingerprints. */
export function lineFingerprint(l: LineDraft): string {
  return JSON.stringify([
    l.scope, l.scope3Category, l.method, l.status, l.activityQuantity, l.activityUnit, l.factorId, l.factorValue, l.factorUnit,
    l.datasetVersion, l.instrumentId, l.emissionsKgCo2e, l.sourceKind, l.sourceRecordId, l.importId, l.projectId, l.siteId,
    l.month, l.nature, l.qualityFlags, l.resolution,
  ]);
}
