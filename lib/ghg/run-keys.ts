// What decides a tracker run's ledger lines besides its energy: its key (where it ran, the year, the site PUE to
// apply). Runs sharing a key get the same factor, flags and resolution, so the rules are applied once per distinct
// key — by runLines for one run, and by the set-based SQL path for millions (lib/services/inventory/ledger/run-lines-sql.ts),
// which only multiplies energy × factor. Both build their lines from runTemplates: they cannot disagree.
import { dec, text } from "./decimal";
import type { RunInput, SiteInput } from "./inputs";
import { resolvedOrUnresolvedLine, unresolvedLine, type LineClass, type LineOrigin } from "./line";
import { S2_MB, uncoveredResolution } from "./market-based";
import { FactorIndex, resolveFactor, type FactorLookup } from "./resolve-factor";
import { FLAGS, type LineDraft } from "./types";

export interface RunKey {
  onCloud: boolean;
  /** `<provider>:<region>` lower case, cloud runs only. */
  cloudKey: string | null;
  gridRegion: string | null;
  /** ISO alpha-3, upper case: the run's, else its site's. */
  country: string | null;
  /** The market boundary for Scope 2 market-based: the site's market, else the country. */
  market: string | null;
  year: number;
  /** The site PUE applied to a run recorded with PUE 1 (null: energy as recorded). */
  sitePue: string | null;
  hasEnergy: boolean;
}

/** The fields of a line that follow from the key alone (quantity and emissions come from the run's energy). */
export type LineTemplate = Omit<LineDraft, "activityQuantity" | "emissionsKgCo2e" | "sourceRecordId" | "importId" | "projectId" | "siteId" | "month">;

export const S2_LB: LineClass = { scope: "SCOPE_2", scope3Category: null, method: "LOCATION_BASED" };
export const S3_CLOUD: LineClass = { scope: "SCOPE_3", scope3Category: 1, method: "NOT_APPLICABLE" };

export function runKeyOf(run: RunInput, site: SiteInput | undefined): RunKey {
  const country = (run.countryIsoCode ?? site?.countryIsoCode ?? null)?.toUpperCase() ?? null;
  const applyPue = run.energyKwh !== null && !!site?.pue && run.pue !== null && dec(run.pue).eq(1) && !dec(site.pue).eq(1);
  return {
    onCloud: run.onCloud,
    cloudKey: run.onCloud && run.cloudProvider && run.cloudRegion ? `${run.cloudProvider}:${run.cloudRegion}`.toLowerCase() : null,
    gridRegion: site?.gridRegion ?? null,
    country,
    market: site?.market ?? country,
    year: Number(run.month.slice(0, 4)),
    sitePue: applyPue ? site!.pue : null,
    hasEnergy: run.energyKwh !== null,
  };
}

export const gridLookupsOf = (key: RunKey): FactorLookup[] => [
  { keyType: "GRID_REGION", key: key.gridRegion },
  { keyType: "COUNTRY", key: key.country },
];

/**
 * The run's location-based (or cloud) line, and — for own hardware — its market-based line when no instrument
 * covers it (residual mix, else grid average flagged). Instrument coverage itself is allocated in market-based.ts.
 */
export function runTemplates(key: RunKey, index: FactorIndex): { main: LineTemplate; uncoveredMb: LineTemplate | null } {
  const flags: string[] = [FLAGS.measured, ...(key.sitePue ? [FLAGS.sitePue] : [])];
  const cls = key.onCloud ? S3_CLOUD : S2_LB;
  const origin: LineOrigin = { sourceKind: "RUN", sourceRecordId: "", importId: null, projectId: null, siteId: null, month: "", nature: "MEASURED", flags };
  if (!key.hasEnergy) return { main: template(unresolvedLine(origin, cls, "0", "kWh", "the run has no energy figure")), uncoveredMb: null };
  const lookups: FactorLookup[] = [{ keyType: "CLOUD_REGION", key: key.cloudKey }, ...gridLookupsOf(key)];
  const r = resolveFactor(index, { lookups, year: key.year, method: "LOCATION_GRID_AVERAGE", unit: "kWh" });
  const pueNote = key.sitePue ? `; run recorded with PUE 1: site PUE ${key.sitePue} applied` : "";
  const main = template(resolvedOrUnresolvedLine(origin, cls, "0", "kWh", r.ok ? { ...r, resolution: r.resolution + pueNote } : r));
  if (key.onCloud) return { main, uncoveredMb: null };
  return { main, uncoveredMb: template(resolvedOrUnresolvedLine(origin, S2_MB, "0", "kWh", uncoveredResolution(key.market, key.year, gridLookupsOf(key), index))) };
}

function template(line: LineDraft): LineTemplate {
  const { activityQuantity: _q, emissionsKgCo2e: _e, sourceRecordId: _s, importId: _i, projectId: _p, siteId: _t, month: _m, ...rest } = line;
  return rest;
}

/** A template made a line for one run: quantity = energy (× the site PUE), emissions = quantity × factor. */
export function fromTemplate(t: LineTemplate, run: RunInput, quantity: string): LineDraft {
  return {
    ...t,
    activityQuantity: quantity,
    emissionsKgCo2e: t.status === "RESOLVED" && t.factorValue !== null ? text(dec(quantity).times(t.factorValue)) : null,
    sourceRecordId: run.id,
    importId: run.importId,
    projectId: run.projectId,
    siteId: run.siteId,
    month: run.month,
  };
}
