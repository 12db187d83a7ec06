// No double counting (docs/decisions/0013): per Scopebook project × month, a provider export is authoritative; a
// Cloud Carbon Footprint estimate counts only where no provider export covers that project × month; cloud tracker
// runs there do not add, they receive a share of the counted figure by energy (per-project and per-run views), and
// the reconciliation (provider vs Σ runs' computed figure) is kept as data.
import { Dec, ZERO, dec, sum, text } from "./decimal";
import type { ProviderRecordInput, RunInput } from "./inputs";
import type { LineDraft } from "./types";

export class SupersessionError extends Error {}

/** Refuses circular supersession (A → B → … → A): no row of such a chain could ever be the current one. */
export function checkSupersession(rows: { id: string; supersededById: string | null }[]): void {
  const next = new Map(rows.map((r) => [r.id, r.supersededById]));
  const done = new Set<string>();
  for (const r of rows) {
    const seen: string[] = [];
    let id: string | null = r.id;
    while (id && !done.has(id)) {
      if (seen.includes(id)) throw new SupersessionError(`circular supersession: ${[...seen.slice(seen.indexOf(id)), id].join(" → ")}`);
      seen.push(id);
      id = next.get(id) ?? null;
    }
    for (const s of seen) done.add(s);
  }
}

const groupKey = (projectId: string, month: string) => `${projectId}|${month}`;

export interface Precedence {
  /** Provider rows whose lines count in the inventory. */
  counted: ProviderRecordInput[];
  /** CCF rows left out because a provider export covers the same project × month. */
  excludedEstimates: { recordId: string; reason: string }[];
  /** Cloud runs covered by a counted provider/CCF figure: attribution only, no inventory line. */
  coveredRunIds: Set<string>;
}

export function applyPrecedence(providerRows: ProviderRecordInput[], runs: RunInput[]): Precedence {
  const current = providerRows.filter((p) => p.supersededById === null);
  const reported = new Set(current.filter((p) => p.nature === "PROVIDER_REPORTED" && p.projectId).map((p) => groupKey(p.projectId!, p.month)));
  const counted: ProviderRecordInput[] = [];
  const excludedEstimates: Precedence["excludedEstimates"] = [];
  for (const p of current) {
    if (p.nature === "ESTIMATED" && p.projectId && reported.has(groupKey(p.projectId, p.month))) {
      excludedEstimates.push({ recordId: p.id, reason: `a provider export covers project ${p.projectId} in ${p.month.slice(0, 7)}: the estimate is not counted` });
    } else counted.push(p);
  }
  const coverage = coverageOf(counted);
  const coveredRunIds = new Set<string>();
  for (const r of runs) {
    if (!r.onCloud) continue;
    const providers = coverage.get(groupKey(r.projectId, r.month));
    if (providers && (providers.has("CCF") || providers.has((r.cloudProvider ?? "").toUpperCase()))) coveredRunIds.add(r.id);
  }
  return { counted, excludedEstimates, coveredRunIds };
}

/** Project × month → providers whose counted rows cover it (a cloud run there of such a provider, or any if CCF, is covered). */
export function coverageOf(counted: ProviderRecordInput[]): Map<string, Set<string>> {
  const coverage = new Map<string, Set<string>>();
  for (const p of counted) {
    if (!p.projectId) continue;
    const k = groupKey(p.projectId, p.month);
    const providers = coverage.get(k) ?? new Set<string>();
    providers.add(p.provider);
    coverage.set(k, providers);
  }
  return coverage;
}

export interface RunAllocation {
  runId: string;
  projectId: string;
  month: string;
  energyKwh: string;
  lbKgCo2e: string;
  mbKgCo2e: string;
}

export interface ReconciliationRow {
  projectId: string;
  month: string;
  providers: string[];
  accounts: string[];
  providerLbKgCo2e: string;
  providerMbKgCo2e: string;
  runs: number;
  /** Σ of the covered runs' energy × grid factor (unresolved runs are left out and counted apart). */
  runsComputedKgCo2e: string;
  runsUnresolved: number;
  differenceKgCo2e: string;
}

/** Scale of each allocated share before the last run takes the remainder (so the shares sum back exactly). */
const SHARE_DECIMALS = 12;

function shares(total: Dec, weights: Dec[]): Dec[] {
  const w = sum(weights);
  if (w.isZero()) return weights.map(() => ZERO);
  const out: Dec[] = [];
  let given = ZERO;
  weights.forEach((x, i) => {
    const share = i === weights.length - 1 ? total.minus(given) : total.times(x).div(w).toDecimalPlaces(SHARE_DECIMALS, Dec.ROUND_DOWN);
    given = given.plus(share);
    out.push(share);
  });
  return out;
}

/**
 * Per project × month covered by counted provider lines: the runs' shares of the provider figure (by energy; the
 * last run in id order takes the rounding remainder so they sum back exactly) and the reconciliation row.
 */
export function allocateAndReconcile(
  counted: ProviderRecordInput[],
  providerLines: LineDraft[],
  coveredRuns: RunInput[],
  runLinesById: Map<string, LineDraft>,
): { allocations: RunAllocation[]; reconciliation: ReconciliationRow[] } {
  const recordsById = new Map(counted.map((p) => [p.id, p]));
  const groups = new Map<string, { lb: Dec; mb: Dec; providers: Set<string>; accounts: Set<string>; runs: RunInput[] }>();
  for (const l of providerLines) {
    const p = recordsById.get(l.sourceRecordId);
    if (!p?.projectId || l.emissionsKgCo2e === null) continue;
    const k = groupKey(p.projectId, p.month);
    const g = groups.get(k) ?? { lb: ZERO, mb: ZERO, providers: new Set(), accounts: new Set(), runs: [] };
    if (l.method === "LOCATION_BASED") g.lb = g.lb.plus(l.emissionsKgCo2e);
    else g.mb = g.mb.plus(l.emissionsKgCo2e);
    g.providers.add(p.provider);
    if (p.accountId ?? p.cloudProjectId) g.accounts.add(p.accountId ?? p.cloudProjectId!);
    groups.set(k, g);
  }
  for (const r of [...coveredRuns].sort((a, b) => a.id.localeCompare(b.id))) groups.get(groupKey(r.projectId, r.month))?.runs.push(r);
  const allocations: RunAllocation[] = [];
  const reconciliation: ReconciliationRow[] = [];
  for (const [k, g] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const [projectId, month] = k.split("|");
    const energies = g.runs.map((r) => dec(r.energyKwh ?? 0));
    const lb = shares(g.lb, energies);
    const mb = shares(g.mb, energies);
    g.runs.forEach((r, i) => allocations.push({ runId: r.id, projectId, month, energyKwh: text(energies[i]), lbKgCo2e: text(lb[i]), mbKgCo2e: text(mb[i]) }));
    const computed = g.runs.map((r) => runLinesById.get(r.id)).filter((l): l is LineDraft => l?.emissionsKgCo2e != null);
    const runsComputed = sum(computed.map((l) => dec(l.emissionsKgCo2e!)));
    reconciliation.push({
      projectId,
      month,
      providers: [...g.providers].sort(),
      accounts: [...g.accounts].sort(),
      providerLbKgCo2e: text(g.lb),
      providerMbKgCo2e: text(g.mb),
      runs: g.runs.length,
      runsComputedKgCo2e: text(runsComputed),
      runsUnresolved: g.runs.length - computed.length,
      differenceKgCo2e: text(g.lb.minus(runsComputed)),
    });
  }
  return { allocations, reconciliation };
}
