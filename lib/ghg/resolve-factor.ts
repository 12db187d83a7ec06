// The factor resolver: the most specific applicable factor (the caller lists keys most specific first, e.g. cloud
// region > grid region > country), for the matching year or else the nearest earlier year (flagged). It says why it
// chose the factor, or why none was found: no factor is an unresolved line, never a zero or a default.
import { FLAGS, type FactorInput, type FactorKeyType, type FactorMethod } from "./types";

export interface FactorLookup {
  keyType: FactorKeyType;
  key: string | null | undefined;
}

export interface ResolveRequest {
  lookups: FactorLookup[];
  year: number;
  method: FactorMethod;
  /** The unit the activity was normalized to (kWh, L, …): the factor must be kgCO2e/<unit>. */
  unit: string;
}

export type Resolution =
  | { ok: true; factor: FactorInput; flags: string[]; resolution: string }
  | { ok: false; resolution: string };

/** Factors indexed by method|keyType|key for lookups in O(1) per key. */
export class FactorIndex {
  private readonly byKey = new Map<string, FactorInput[]>();

  constructor(factors: readonly FactorInput[]) {
    for (const f of factors) {
      const k = indexKey(f.method, f.keyType, f.key);
      const list = this.byKey.get(k);
      if (list) list.push(f);
      else this.byKey.set(k, [f]);
    }
  }

  candidates(method: FactorMethod, keyType: FactorKeyType, key: string): readonly FactorInput[] {
    return this.byKey.get(indexKey(method, keyType, key)) ?? [];
  }
}

function indexKey(method: string, keyType: string, key: string): string {
  return `${method}|${keyType}|${key}`;
}

const METHOD_LABEL: Record<FactorMethod, string> = {
  LOCATION_GRID_AVERAGE: "grid average",
  RESIDUAL_MIX: "residual mix",
  SUPPLIER_SPECIFIC: "supplier-specific",
  ACTIVITY_AVERAGE: "activity average",
};

/** The best factor among one key's candidates for a year: exact year, else nearest earlier; own data first, then id. */
function pickForYear(candidates: readonly FactorInput[], year: number): { factor: FactorInput; exact: boolean } | null {
  let best: FactorInput | null = null;
  for (const f of candidates) {
    if (f.year === null || f.year > year) continue;
    if (!best || better(f, best)) best = f;
  }
  return best ? { factor: best, exact: best.year === year } : null;
}

function better(a: FactorInput, b: FactorInput): boolean {
  if (a.year !== b.year) return (a.year ?? 0) > (b.year ?? 0);
  if (a.custom !== b.custom) return a.custom;
  return a.id < b.id;
}

export function describeFactor(f: FactorInput): string {
  return `${f.datasetTitle} ${f.datasetVersion}: ${f.keyType} ${f.key}${f.year === null ? "" : ` ${f.year}`} = ${f.value} ${f.unit}`;
}

export function resolveFactor(index: FactorIndex, req: ResolveRequest): Resolution {
  const tried: string[] = [];
  const wantedUnit = `kgCO2e/${req.unit}`;
  for (const lookup of req.lookups) {
    if (!lookup.key) continue;
    tried.push(`${lookup.keyType} ${lookup.key}`);
    const candidates = index.candidates(req.method, lookup.keyType, lookup.key);
    const picked = pickForYear(candidates, req.year);
    if (!picked) {
      if (candidates.length > 0) tried[tried.length - 1] += ` (only later years: ${[...new Set(candidates.map((c) => c.year))].join(", ")})`;
      continue;
    }
    const { factor, exact } = picked;
    if (factor.unit !== wantedUnit) {
      return { ok: false, resolution: `${METHOD_LABEL[req.method]} factor for ${lookup.keyType} ${lookup.key} is in ${factor.unit}, the activity is in ${req.unit} (needs ${wantedUnit}): unit mismatch` };
    }
    const skipped = tried.length > 1 ? `; no factor for ${tried.slice(0, -1).join(", ")}` : "";
    const yearNote = exact ? `year ${req.year}` : `no ${req.year} factor, nearest earlier year ${factor.year} used`;
    return {
      ok: true,
      factor,
      flags: [exact ? FLAGS.exactYear : FLAGS.yearFallback],
      resolution: `${METHOD_LABEL[req.method]} by ${lookup.keyType} ${lookup.key}, ${yearNote} (${describeFactor(factor)})${skipped}`,
    };
  }
  if (tried.length === 0) return { ok: false, resolution: `no ${METHOD_LABEL[req.method]} factor: the record names no location or type to look up` };
  return { ok: false, resolution: `no ${METHOD_LABEL[req.method]} factor for ${tried.join(", ")} in ${req.year} or earlier` };
}
