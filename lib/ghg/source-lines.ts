// Ledger lines per source kind: tracker runs, activity records, provider exports. Scope 2 electricity also returns
// its consumption for the market-based allocation (market-based.ts).
import { dec, text } from "./decimal";
import type { ActivityCategory, ActivityInput, ProviderRecordInput, RunInput, SiteInput } from "./inputs";
import { rateLine, reportedLine, resolvedOrUnresolvedLine, unresolvedLine, type LineClass, type LineOrigin } from "./line";
import type { Consumption } from "./market-based";
import { FactorIndex, resolveFactor, type FactorLookup } from "./resolve-factor";
import { splitByDays, proRataNote } from "./pro-rata";
import { S2_LB, fromTemplate, gridLookupsOf, runKeyOf, runTemplates } from "./run-keys";
import { FLAGS, type FactorKeyType, type FactorMethod, type LineDraft } from "./types";

export const NORMALIZED_UNITS = ["kWh", "L", "m3", "kg", "km", "passenger-km", "EUR", "USD", "item"] as const;

export interface SourceResult {
  lines: LineDraft[];
  consumption: Consumption[];
}


const yearOf = (month: string) => Number(month.slice(0, 4));

/**
 * A tracker run: energy (already × the run's PUE — never applied again) × the grid factor of where it ran. On the
 * organization's own hardware it is Scope 2 (LB line + consumption for MB); on a cloud it is Scope 3 cat. 1.
 * A run recorded with PUE 1 on a site whose officer-set PUE exists gets the site PUE, flagged (run-keys.ts).
 */
export function runLines(run: RunInput, site: SiteInput | undefined, index: FactorIndex): SourceResult {
  const key = runKeyOf(run, site);
  const { main } = runTemplates(key, index);
  const energy = run.energyKwh === null ? "0" : key.sitePue ? text(dec(run.energyKwh).times(key.sitePue)) : run.energyKwh;
  const line = fromTemplate(main, run, energy);
  if (run.onCloud || run.energyKwh === null) return { lines: [line], consumption: [] };
  const origin: LineOrigin = { sourceKind: "RUN", sourceRecordId: run.id, importId: run.importId, projectId: run.projectId, siteId: run.siteId, month: run.month, nature: "MEASURED", flags: main.qualityFlags.filter((f) => f === FLAGS.measured || f === FLAGS.sitePue) };
  return { lines: [line], consumption: [{ origin, kwh: energy, market: key.market, year: key.year, gridLookups: gridLookupsOf(key) }] };
}

interface CategoryRule {
  keyType: FactorKeyType | null;
  key: (type: string) => string;
  method: FactorMethod;
}

const ACTIVITY_PREFIX: Partial<Record<ActivityCategory, string>> = {
  PURCHASED_HEAT: "heat",
  PURCHASED_STEAM: "steam",
  PURCHASED_COOLING: "cooling",
  BUSINESS_TRAVEL: "travel",
  HARDWARE_PURCHASE: "hardware",
};

function rule(category: ActivityCategory): CategoryRule {
  switch (category) {
    case "FUEL_COMBUSTION":
      return { keyType: "FUEL", key: (t) => t.toLowerCase(), method: "ACTIVITY_AVERAGE" };
    case "REFRIGERANT_LEAK":
      return { keyType: "REFRIGERANT", key: (t) => t.toUpperCase(), method: "ACTIVITY_AVERAGE" };
    case "SPEND_PURCHASE":
      return { keyType: "SPEND", key: (t) => t.toLowerCase(), method: "ACTIVITY_AVERAGE" };
    case "PURCHASED_ELECTRICITY":
      return { keyType: null, key: (t) => t, method: "LOCATION_GRID_AVERAGE" };
    default:
      return { keyType: "ACTIVITY", key: (t) => `${ACTIVITY_PREFIX[category]}:${t}`.toLowerCase(), method: "ACTIVITY_AVERAGE" };
  }
}

/**
 * An activity row: normalized quantity × the factor of its category (electricity: grid of its site, LB + MB). A row
 * whose period spans months gives each month its part, pro rata by days (pro-rata.ts), flagged and explained on the
 * line; a row within one month is one part, its lines as they always were.
 */
export function activityLines(a: ActivityInput, site: SiteInput | undefined, index: FactorIndex): SourceResult {
  const parts = splitByDays(a.normalizedQuantity ?? a.quantity, a.periodStart, a.periodEnd);
  if (parts.length === 1) return activityMonthLines(a, site, index, { month: parts[0].month, flags: [FLAGS.measured] }, null);
  const out: SourceResult = { lines: [], consumption: [] };
  for (const part of parts) {
    const note = proRataNote(part, a.normalizedQuantity ?? a.quantity, a.normalizedUnit ?? a.unit, a.periodStart, a.periodEnd);
    const r = activityMonthLines(a, site, index, { month: part.month, flags: [FLAGS.measured, FLAGS.proRata], note }, part.quantity);
    out.lines.push(...r.lines);
    out.consumption.push(...r.consumption);
  }
  return out;
}

/** The lines of one month's part of an activity row (`part`: its quantity; null: the whole row, in its one month). */
function activityMonthLines(
  a: ActivityInput,
  site: SiteInput | undefined,
  index: FactorIndex,
  at: { month: string; flags: string[]; note?: string },
  part: string | null,
): SourceResult {
  const origin: LineOrigin = { sourceKind: "ACTIVITY", sourceRecordId: a.id, importId: a.importId, projectId: null, siteId: a.siteId, month: at.month, nature: "MEASURED", flags: at.flags, note: at.note };
  const scope2 = a.proposedScope === "SCOPE_2";
  const cls: LineClass = scope2 ? S2_LB : { scope: a.proposedScope, scope3Category: a.proposedScope === "SCOPE_3" ? a.proposedScope3Category : null, method: "NOT_APPLICABLE" };
  const whole = a.normalizedQuantity ?? ((NORMALIZED_UNITS as readonly string[]).includes(a.unit) ? a.quantity : null);
  const quantity = whole === null ? null : (part ?? whole);
  const unit = a.normalizedUnit ?? a.unit;
  if (quantity === null) return { lines: [unresolvedLine(origin, cls, part ?? a.quantity, a.unit, `unit ${a.unit} was not normalized to one of ${NORMALIZED_UNITS.join(", ")}`)], consumption: [] };
  if (a.category === "SELF_GENERATION") {
    const resolution = "self-generated renewable energy consumed on site: no combustion, 0 kgCO2e (counted in E1-5 as self-generated)";
    if (unit !== "kWh") return { lines: [unresolvedLine(origin, cls, quantity, unit, `self-generated energy must be in an energy unit (kWh, MWh, GJ), not ${unit}`)], consumption: [] };
    return { lines: [rateLine(origin, cls, quantity, unit, { value: "0", unit: "kgCO2e/kWh", instrumentId: null, flags: [FLAGS.selfGenerated], resolution })], consumption: [] };
  }
  const year = yearOf(at.month);
  const r = rule(a.category);
  const gridLookups: FactorLookup[] = [
    { keyType: "GRID_REGION", key: site?.gridRegion },
    { keyType: "COUNTRY", key: site?.countryIsoCode?.toUpperCase() },
  ];
  const lookups: FactorLookup[] = r.keyType === null ? gridLookups : [{ keyType: r.keyType, key: a.activityType ? r.key(a.activityType) : null }];
  const supplier =
    a.supplierFactorValue !== null && a.supplierFactorUnit === `kgCO2e/${unit}`
      ? { value: a.supplierFactorValue, unit: a.supplierFactorUnit, instrumentId: null, flags: ["primary-data"], resolution: `supplier-specific factor given on the row: ${a.supplierFactorValue} ${a.supplierFactorUnit}` }
      : null;
  const lines: LineDraft[] = [];
  // Outside Scope 2 a supplier-specific factor is the best data; in Scope 2 it is a market-based claim only.
  if (supplier && !scope2) lines.push(rateLine(origin, cls, quantity, unit, supplier));
  else lines.push(resolvedOrUnresolvedLine(origin, cls, quantity, unit, resolveFactor(index, { lookups, year, method: r.method, unit })));
  if (!scope2) return { lines, consumption: [] };
  const S2_MB: LineClass = { ...S2_LB, method: "MARKET_BASED" };
  if (supplier) return { lines: [...lines, rateLine(origin, S2_MB, quantity, unit, supplier)], consumption: [] };
  if (a.category === "PURCHASED_ELECTRICITY" && unit === "kWh") {
    return { lines, consumption: [{ origin, kwh: quantity, market: site?.market ?? site?.countryIsoCode?.toUpperCase() ?? null, year, gridLookups }] };
  }
  // Heat, steam, cooling without a supplier rate: the market-based figure is the same average factor.
  return { lines: [...lines, resolvedOrUnresolvedLine(origin, S2_MB, quantity, unit, resolveFactor(index, { lookups, year, method: r.method, unit }))], consumption: [] };
}

/**
 * A provider export row: reported emissions enter as-is (kg), Scope 3 cat. 1 for the customer, one LB and one MB
 * line (the provider's own S1/S2/S3 split stays on the record). CCF rows are estimates, flagged as such.
 */
export function providerLines(p: ProviderRecordInput): LineDraft[] {
  const flags = [p.nature === "ESTIMATED" ? FLAGS.estimated : FLAGS.providerReported];
  const origin: LineOrigin = { sourceKind: "PROVIDER_RECORD", sourceRecordId: p.id, importId: p.importId, projectId: p.projectId, siteId: null, month: p.month, nature: p.nature, flags };
  const lb = p.totalLbKgCo2e ?? sumIfAny(p.scope1KgCo2e, p.scope2LbKgCo2e, p.scope3KgCo2e);
  const mb = p.totalMbKgCo2e ?? sumIfAny(p.scope1KgCo2e, p.scope2MbKgCo2e, p.scope3KgCo2e);
  const who = p.nature === "ESTIMATED" ? "estimated by Cloud Carbon Footprint" : `reported by ${p.provider}`;
  return [
    reportedLine(origin, { scope: "SCOPE_3", scope3Category: 1, method: "LOCATION_BASED" }, lb, `${who}: location-based total as exported`, "the row has no location-based figure"),
    reportedLine(origin, { scope: "SCOPE_3", scope3Category: 1, method: "MARKET_BASED" }, mb, `${who}: market-based total as exported`, "the row has no market-based figure"),
  ];
}

function sumIfAny(...values: (string | null)[]): string | null {
  const present = values.filter((v): v is string => v !== null);
  return present.length === 0 ? null : text(present.reduce((s, v) => s.plus(v), dec(0)));
}
