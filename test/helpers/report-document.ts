// A demo-like report version (lib/reporting/content.ts) built without a database: ledger groups are generated
// deterministically and aggregated by the engine's own pure rules (aggregateE16, energyMix, e16Extras, targets), so
// every total is the sum of its parts. `scale` makes it as large as a 10M-line year's content (many sites, projects,
// factor sources, instruments, restatements): the content is aggregated, so size is counted in those, not in lines.
import { aggregateE16, type E16 } from "../../lib/ghg/aggregate";
import type { BreakdownRow, FactorAttributes, InstrumentAttributes } from "../../lib/ghg/breakdown";
import { Dec, ZERO, dec, text } from "../../lib/ghg/decimal";
import { e16Extras } from "../../lib/ghg/e16-extras";
import { energyMix } from "../../lib/ghg/energy-mix";
import { coveredValue, progress, trajectory, type TargetCoverage, type TargetDefinition } from "../../lib/ghg/targets";
import { FLAGS } from "../../lib/ghg/types";
import { canonicalJson, sha256Hex } from "../../lib/reporting/canonical-json";
import { REPORT_SCHEMA, type ReportComparative, type ReportContent, type ReportDocument, type ReportScope3Category, type ReportSeriesRow, type ReportTarget } from "../../lib/reporting/content";
import { SCOPE3_CATEGORIES } from "../../lib/reporting/scope3-categories";
import { prng } from "../../scripts/bench/generate-codecarbon-csv";

export interface FixtureScale {
  sites: number;
  projects: number;
  factorSources: number;
  instruments: number;
  restatements: number;
}

export const DEMO_SCALE: FixtureScale = { sites: 2, projects: 3, factorSources: 5, instruments: 2, restatements: 2 };
export const LARGE_SCALE: FixtureScale = { sites: 50, projects: 200, factorSources: 100, instruments: 60, restatements: 40 };

/** A ledger group with what the series are keyed by. */
type Line = BreakdownRow & { month: string; site: string | null; project: string | null; source: string };

const SOURCE_ACTIVITY = "Activity data (bills, fleet, travel, purchases)";
const SOURCE_PROVIDER = "Cloud provider exports (Google Cloud, AWS)";
const SOURCE_RUNS = "Tracker runs (CodeCarbon)";

interface Site {
  name: string;
  country: string;
  /** kWh per month, the order of magnitude. */
  kwh: number;
  instrumentShare: string | null;
}

const DEMO_SITES: Site[] = [
  { name: "Łódź plant", country: "PL", kwh: 180_000, instrumentShare: "0.6" },
  { name: "Berlin office", country: "DE", kwh: 14_000, instrumentShare: null },
];
const CITIES = ["Kraków", "Wrocław", "Gdańsk", "Poznań", "Hamburg", "München", "Köln", "Leipzig", "Zaragoza", "València", "Porto", "Lyon", "Toulouse", "Brno", "Győr", "Cluj-Napoca", "Tampere", "Aarhus"];
const COUNTRIES = ["PL", "PL", "PL", "PL", "DE", "DE", "DE", "DE", "ES", "ES", "PT", "FR", "FR", "CZ", "HU", "RO", "FI", "DK"];
const GRID: Record<string, { ef: string; residual: string; fossil: string; nuclear: string; renewable: string }> = {
  PL: { ef: "0.662", residual: "0.781", fossil: "0.71", nuclear: "0", renewable: "0.29" },
  DE: { ef: "0.363", residual: "0.583", fossil: "0.41", nuclear: "0.02", renewable: "0.57" },
  ES: { ef: "0.108", residual: "0.298", fossil: "0.22", nuclear: "0.2", renewable: "0.58" },
  PT: { ef: "0.126", residual: "0.352", fossil: "0.28", nuclear: "0", renewable: "0.72" },
  FR: { ef: "0.021", residual: "0.058", fossil: "0.05", nuclear: "0.67", renewable: "0.28" },
  CZ: { ef: "0.414", residual: "0.562", fossil: "0.46", nuclear: "0.4", renewable: "0.14" },
  HU: { ef: "0.181", residual: "0.323", fossil: "0.25", nuclear: "0.44", renewable: "0.31" },
  RO: { ef: "0.237", residual: "0.401", fossil: "0.34", nuclear: "0.2", renewable: "0.46" },
  FI: { ef: "0.052", residual: "0.204", fossil: "0.07", nuclear: "0.42", renewable: "0.51" },
  DK: { ef: "0.115", residual: "0.381", fossil: "0.14", nuclear: "0", renewable: "0.86" },
};

function sitesOf(scale: FixtureScale): Site[] {
  const sites = DEMO_SITES.slice(0, Math.min(scale.sites, DEMO_SITES.length));
  for (let i = sites.length; i < scale.sites; i++) {
    const c = (i - 2) % CITIES.length;
    const kind = ["distribution centre", "assembly hall and logistics yard", "sales office", "research laboratory"][i % 4];
    sites.push({ name: `${CITIES[c]} ${kind} ${String(i + 1).padStart(2, "0")}`, country: COUNTRIES[c], kwh: 8_000 + (i % 7) * 9_000, instrumentShare: i % 3 === 0 ? "0.5" : null });
  }
  return sites;
}

const DEMO_PROJECTS = ["Vision inspection (Łódź line 2)", "Demand forecasting", "Sensor assistant LLM"];
function projectsOf(scale: FixtureScale): string[] {
  const out = DEMO_PROJECTS.slice(0, Math.min(scale.projects, DEMO_PROJECTS.length));
  for (let i = out.length; i < scale.projects; i++) out.push(`ML project ${String(i + 1).padStart(3, "0")} — ${["anomaly detection", "predictive maintenance for compressor fleets", "quality vision", "forecasting"][i % 4]}`);
  return out;
}

const row = (r: Partial<Line> & Pick<Line, "scope" | "month" | "source" | "activityUnit" | "activityQuantity" | "emissionsKgCo2e">): Line => ({
  scope3Category: null,
  method: "NOT_APPLICABLE",
  status: "RESOLVED",
  sourceKind: "ACTIVITY",
  nature: "MEASURED",
  qualityFlags: [],
  factorId: null,
  instrumentId: null,
  lines: 1,
  site: null,
  project: null,
  ...r,
});

const qty = (rand: () => number, base: number, factor: number) => (base * factor * (0.75 + rand() * 0.5)).toFixed(3);
const times = (a: string, b: string) => text(dec(a).times(dec(b)));

interface Year {
  lines: Line[];
  factors: Map<string, FactorAttributes>;
  instruments: Map<string, InstrumentAttributes & { site: string; market: string }>;
}

/** One year's ledger groups; `factor` scales activity (a larger N-1 and base year show a reduction). */
function generateYear(year: number, scale: FixtureScale, factor: number, seed: number): Year {
  const rand = prng(seed);
  const lines: Line[] = [];
  const factors = new Map<string, FactorAttributes>();
  const instruments = new Map<string, InstrumentAttributes & { site: string; market: string }>();
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
  for (const [country, g] of Object.entries(GRID)) {
    factors.set(`grid-${country}`, { keyType: "GRID", unit: "kgCO2e/kWh", fossilShare: g.fossil, nuclearShare: g.nuclear, renewableShare: g.renewable, energyKwhPerUnit: null, biogenicKgCo2PerUnit: null });
    factors.set(`residual-${country}`, { keyType: "RESIDUAL_MIX", unit: "kgCO2e/kWh", fossilShare: null, nuclearShare: null, renewableShare: null, energyKwhPerUnit: null, biogenicKgCo2PerUnit: null });
  }
  factors.set("gas", { keyType: "FUEL", unit: "kgCO2e/kWh", fossilShare: null, nuclearShare: null, renewableShare: null, energyKwhPerUnit: null, biogenicKgCo2PerUnit: null });
  factors.set("diesel-b7", { keyType: "FUEL", unit: "kgCO2e/l", fossilShare: null, nuclearShare: null, renewableShare: "0.07", energyKwhPerUnit: "9.94", biogenicKgCo2PerUnit: "0.176" });
  factors.set("r410a", { keyType: "REFRIGERANT", unit: "kgCO2e/kg", fossilShare: null, nuclearShare: null, renewableShare: null, energyKwhPerUnit: null, biogenicKgCo2PerUnit: null });
  factors.set("spend", { keyType: "SPEND", unit: "kgCO2e/EUR", fossilShare: null, nuclearShare: null, renewableShare: null, energyKwhPerUnit: null, biogenicKgCo2PerUnit: null });
  const sites = sitesOf(scale);
  let instrumentCount = 0;
  sites.forEach((site, s) => {
    const g = GRID[site.country];
    const hasInstrument = site.instrumentShare !== null && instrumentCount < scale.instruments;
    const instrumentId = hasInstrument ? `go-${year}-${s}` : null;
    if (instrumentId) {
      instrumentCount++;
      instruments.set(instrumentId, { type: "GUARANTEE_OF_ORIGIN", bundled: s % 2 === 0 ? false : true, site: site.name, market: site.country });
    }
    for (const month of months) {
      const kwh = qty(rand, site.kwh, factor);
      const base = { month, site: site.name, source: SOURCE_ACTIVITY, activityUnit: "kWh" } as const;
      lines.push(row({ ...base, scope: "SCOPE_2", method: "LOCATION_BASED", factorId: `grid-${site.country}`, activityQuantity: kwh, emissionsKgCo2e: times(kwh, g.ef) }));
      if (instrumentId && site.instrumentShare) {
        const covered = text(dec(kwh).times(site.instrumentShare));
        const rest = text(dec(kwh).minus(covered));
        lines.push(row({ ...base, scope: "SCOPE_2", method: "MARKET_BASED", instrumentId, activityQuantity: covered, emissionsKgCo2e: "0", nature: "MEASURED" }));
        lines.push(row({ ...base, scope: "SCOPE_2", method: "MARKET_BASED", factorId: `residual-${site.country}`, activityQuantity: rest, emissionsKgCo2e: times(rest, g.residual), qualityFlags: [FLAGS.exactYear] }));
      } else {
        lines.push(row({ ...base, scope: "SCOPE_2", method: "MARKET_BASED", factorId: `residual-${site.country}`, activityQuantity: kwh, emissionsKgCo2e: times(kwh, g.residual), qualityFlags: year < 2025 || s % 2 === 1 ? [FLAGS.yearFallback] : [] }));
      }
      const gas = qty(rand, site.kwh * 0.55, factor);
      lines.push(row({ ...base, scope: "SCOPE_1", factorId: "gas", activityQuantity: gas, emissionsKgCo2e: times(gas, "0.18293") }));
      if (s === 0 || s % 5 === 0) {
        const litres = qty(rand, 2_400, factor);
        lines.push(row({ ...base, scope: "SCOPE_1", factorId: "diesel-b7", activityUnit: "l", activityQuantity: litres, emissionsKgCo2e: times(litres, "2.51279") }));
      }
      if (s === 0) {
        const solar = qty(rand, 3_100, 1);
        lines.push(row({ ...base, scope: "SCOPE_2", method: "LOCATION_BASED", qualityFlags: [FLAGS.selfGenerated], activityQuantity: solar, emissionsKgCo2e: "0" }));
      }
    }
    if (s % 4 === 0) {
      const kg = (4.5 * factor).toFixed(1);
      lines.push(row({ month: months[5], site: site.name, source: SOURCE_ACTIVITY, scope: "SCOPE_1", factorId: "r410a", activityUnit: "kg", activityQuantity: kg, emissionsKgCo2e: times(kg, "2088") }));
    }
  });
  projectsOf(scale).forEach((project, p) => {
    for (const month of months) {
      const cloudKg = qty(rand, 420 + (p % 5) * 160, factor);
      const cloudMbKg = text(dec(cloudKg).times("0.62"));
      const cloud = { month, project, source: SOURCE_PROVIDER, scope: "SCOPE_3", scope3Category: 1, sourceKind: "PROVIDER_RECORD", nature: "PROVIDER_REPORTED", activityUnit: "kWh" } as const;
      const cloudKwh = qty(rand, 1_300, factor);
      lines.push(row({ ...cloud, qualityFlags: [FLAGS.providerReported], method: "LOCATION_BASED", activityQuantity: cloudKwh, emissionsKgCo2e: cloudKg }));
      lines.push(row({ ...cloud, qualityFlags: [FLAGS.providerReported], method: "MARKET_BASED", activityQuantity: cloudKwh, emissionsKgCo2e: cloudMbKg }));
      const runKwh = qty(rand, 900, factor);
      lines.push(row({ month, project, source: SOURCE_RUNS, scope: "SCOPE_3", scope3Category: 1, sourceKind: "RUN", nature: "MEASURED", qualityFlags: [FLAGS.measured, FLAGS.secondary], activityUnit: "kWh", activityQuantity: runKwh, emissionsKgCo2e: times(runKwh, "0.296"), lines: 40 }));
    }
  });
  const scale3 = factor * Math.max(1, scale.sites / 2);
  for (const month of months) {
    const company = { month, source: SOURCE_ACTIVITY, scope: "SCOPE_3", activityUnit: "EUR", factorId: "spend" } as const;
    const travel = qty(rand, 21_000, scale3);
    lines.push(row({ ...company, scope3Category: 6, nature: "ESTIMATED", qualityFlags: [FLAGS.estimated], activityQuantity: travel, emissionsKgCo2e: times(travel, "0.284") }));
    const commuting = qty(rand, 9_000, scale3);
    lines.push(row({ ...company, scope3Category: 7, nature: "ESTIMATED", qualityFlags: [FLAGS.estimated], activityQuantity: commuting, emissionsKgCo2e: times(commuting, "0.161") }));
    const wte = qty(rand, 3_500, scale3);
    lines.push(row({ ...company, scope3Category: 3, qualityFlags: [FLAGS.secondary], activityQuantity: wte, emissionsKgCo2e: times(wte, "0.412") }));
    const waste = qty(rand, 1_200, scale3);
    lines.push(row({ ...company, scope3Category: 5, qualityFlags: [FLAGS.secondary], activityQuantity: waste, emissionsKgCo2e: times(waste, "0.097") }));
  }
  for (const quarter of [0, 3, 6, 9]) {
    const hardware = qty(rand, 160_000, scale3);
    lines.push(row({ month: months[quarter], source: SOURCE_ACTIVITY, scope: "SCOPE_3", scope3Category: 2, activityUnit: "EUR", factorId: "spend", qualityFlags: [FLAGS.primary], activityQuantity: hardware, emissionsKgCo2e: times(hardware, "0.0913") }));
  }
  lines.push(row({ month: months[10], site: sites[sites.length - 1].name, source: SOURCE_ACTIVITY, scope: "SCOPE_2", status: "UNRESOLVED", activityUnit: "GJ", activityQuantity: "84.2", emissionsKgCo2e: null, lines: 4 }));
  lines.push(row({ month: months[11], source: SOURCE_ACTIVITY, scope: "SCOPE_3", scope3Category: 6, status: "UNRESOLVED", activityUnit: "night", activityQuantity: "37", emissionsKgCo2e: null, lines: 2 }));
  return { lines, factors, instruments };
}

function series(lines: Line[], keyOf: (l: Line) => string | null): ReportSeriesRow[] {
  const out = new Map<string, { s1: Dec; s2lb: Dec; s2mb: Dec; s3lb: Dec; s3mb: Dec }>();
  for (const l of lines) {
    const key = keyOf(l);
    if (key === null || l.status !== "RESOLVED" || l.emissionsKgCo2e === null) continue;
    const r = out.get(key) ?? { s1: ZERO, s2lb: ZERO, s2mb: ZERO, s3lb: ZERO, s3mb: ZERO };
    const kg = dec(l.emissionsKgCo2e);
    if (l.scope === "SCOPE_1") r.s1 = r.s1.plus(kg);
    else if (l.scope === "SCOPE_2") {
      if (l.method !== "MARKET_BASED") r.s2lb = r.s2lb.plus(kg);
      if (l.method !== "LOCATION_BASED") r.s2mb = r.s2mb.plus(kg);
    } else {
      if (l.method !== "MARKET_BASED") r.s3lb = r.s3lb.plus(kg);
      if (l.method !== "LOCATION_BASED") r.s3mb = r.s3mb.plus(kg);
    }
    out.set(key, r);
  }
  return [...out].map(([key, r]) => ({ key, scope1KgCo2e: text(r.s1), scope2LbKgCo2e: text(r.s2lb), scope2MbKgCo2e: text(r.s2mb), scope3LbKgCo2e: text(r.s3lb), scope3MbKgCo2e: text(r.s3mb) }));
}

const REVENUE: Record<number, string> = { 2023: "38400000", 2024: "44150000", 2025: "51275000.50" };

function comparative(year: number, scale: FixtureScale, factor: number, status: string): ReportComparative & { e16: E16 } {
  const y = generateYear(year, scale, factor, year * 7919);
  const e16 = aggregateE16(y.lines, REVENUE[year]);
  return {
    periodName: `FY${year}`, startDate: `${year}-01-01`, endDate: `${year}-12-31`, status, e16, e15: energyMix(y.lines, y.factors),
    e16Extras: e16Extras(y.lines, y.factors, y.instruments), scope1EtsPercent: null,
  };
}

const NOT_CALCULATED: Record<number, { status: "NOT_RELEVANT" | "NOT_CALCULATED"; reason: string | null }> = {
  4: { status: "NOT_CALCULATED", reason: "Inbound freight is paid by suppliers; carrier tonne-kilometre data has been requested for FY2026." },
  8: { status: "NOT_RELEVANT", reason: "No leased assets outside the operational-control boundary: both sites are in Scope 1 and 2." },
  9: { status: "NOT_CALCULATED", reason: "Outbound logistics are bought on Incoterms EXW; customers' forwarders do not yet report per shipment." },
  10: { status: "NOT_RELEVANT", reason: "Sensors are sold as finished goods and need no further processing." },
  11: { status: "NOT_CALCULATED", reason: "Use-phase electricity of sold sensors will be modelled from FY2026 product telemetry." },
  12: { status: "NOT_CALCULATED", reason: null },
  13: { status: "NOT_RELEVANT", reason: "The company leases no assets to others." },
  14: { status: "NOT_RELEVANT", reason: "The company has no franchises." },
  15: { status: "NOT_RELEVANT", reason: "No investments beyond cash deposits; not a financial institution." },
};

function factorSources(n: number): ReportContent["factorSources"] {
  const known: ReportContent["factorSources"] = [
    { publisher: "UK DESNZ", title: "Greenhouse gas reporting: conversion factors 2025", version: "2025 v1.0", licence: "Open Government Licence v3.0", url: "https://www.gov.uk/government/collections/government-conversion-factors-for-company-reporting", attribution: "Contains public sector information licensed under the Open Government Licence v3.0." },
    { publisher: "Ember", title: "Yearly electricity data (Europe)", version: "2025-06", licence: "CC BY 4.0", url: "https://ember-energy.org/data/yearly-electricity-data/", attribution: "Ember (2025), Yearly electricity data, CC BY 4.0." },
    { publisher: "Association of Issuing Bodies", title: "European Residual Mixes 2024", version: "2024 v1.1", licence: "AIB terms of use (attribution)", url: "https://www.aib-net.org/facts/european-residual-mix", attribution: "Source: AIB European Residual Mixes 2024." },
    { publisher: "U.S. EPA", title: "Supply Chain Greenhouse Gas Emission Factors for US Industries and Commodities", version: "v1.3 (2022 USD)", licence: "Public domain (U.S. Government work)", url: null, attribution: "U.S. Environmental Protection Agency, USEEIO supply chain factors v1.3." },
    { publisher: "Nordwind Sensorik S.A.", title: "Supplier-specific factors (hardware product carbon footprints)", version: "FY2025", licence: "Proprietary, used with the suppliers' permission", url: null, attribution: "Supplier PCF declarations collected by procurement, 2025." },
  ];
  const out = known.slice(0, Math.min(n, known.length));
  for (let i = out.length; i < n; i++)
    out.push({ publisher: `National inventory agency ${i + 1}`, title: `Country-specific emission factors for stationary and mobile combustion, dataset ${i + 1}`, version: `2025.${i % 4}`, licence: i % 2 ? "CC BY 4.0" : "Open data licence 2.0", url: i % 3 ? `https://factors.example.org/datasets/${i + 1}` : null, attribution: `Factors © agency ${i + 1}, reused under its licence.` });
  return out;
}

export interface BuildOptions {
  status?: "SIGNED_OFF" | "DRAFT";
  scale?: FixtureScale;
}

/** The FY2025 report of a demo-like organization (N-1 FY2024 signed off, base year FY2023). */
export function buildReportDocument({ status = "SIGNED_OFF", scale = DEMO_SCALE }: BuildOptions = {}): ReportDocument {
  const current = generateYear(2025, scale, 1, 2025 * 7919);
  const e16 = aggregateE16(current.lines, REVENUE[2025]);
  const previous = comparative(2024, scale, 1.09, "SIGNED_OFF");
  const base = { ...comparative(2023, scale, 1.21, "SIGNED_OFF"), year: 2023 };
  const extras = e16Extras(current.lines, current.factors, current.instruments);

  const calculated = new Set(e16.scope3ByCategory.map((c) => c.category));
  const scope3Categories: ReportScope3Category[] = SCOPE3_CATEGORIES.map((c) => {
    const figure = e16.scope3ByCategory.find((x) => x.category === c.category);
    if (calculated.has(c.category) && figure) return { category: c.category, label: c.label, status: "CALCULATED", lbKgCo2e: figure.lbKgCo2e, mbKgCo2e: figure.mbKgCo2e, reason: null };
    const n = NOT_CALCULATED[c.category] ?? { status: "NOT_CALCULATED", reason: null };
    return { category: c.category, label: c.label, status: n.status, lbKgCo2e: null, mbKgCo2e: null, reason: n.reason };
  });

  const targets: ReportTarget[] = [
    { name: "Scope 1 and 2 absolute reduction", coverage: { kind: "ABSOLUTE", coversScope1: true, scope2Method: "MARKET_BASED", scope3Categories: [] }, coverageText: "Scope 1 + Scope 2 (market-based)", reduction: "42", milestones: [{ year: 2027, reductionPercent: "20" }], unit: "kgCO2e" },
    { name: "GHG intensity per net revenue, all scopes", coverage: { kind: "INTENSITY", coversScope1: true, scope2Method: "LOCATION_BASED", scope3Categories: [1, 2, 3, 5, 6, 7] }, coverageText: "Scope 1 + Scope 2 (location-based) + Scope 3 categories 1, 2, 3, 5, 6, 7", reduction: "55", milestones: [], unit: "kgCO2e per EUR" },
  ].map((t) => {
    const cov: TargetCoverage = t.coverage as TargetCoverage;
    const def: TargetDefinition = { ...cov, baseYear: 2023, baseValue: coveredValue(cov, base.e16, REVENUE[2023]) ?? "0", targetYear: 2030, reductionPercent: t.reduction, milestones: t.milestones };
    return {
      name: t.name, kind: cov.kind, coverage: t.coverageText, baseYear: 2023, baseValue: def.baseValue, unit: t.unit, baseSource: "PERIOD", baseEvidence: null, targetYear: 2030,
      reductionPercent: t.reduction, milestones: t.milestones, trajectory: trajectory(def), progress: progress(def, 2025, coveredValue(cov, e16, REVENUE[2025])),
    } satisfies ReportTarget;
  });

  const covered = new Map<string, Dec>();
  for (const l of current.lines) if (l.instrumentId) covered.set(l.instrumentId, (covered.get(l.instrumentId) ?? ZERO).plus(dec(l.activityQuantity)));
  const instruments = [...current.instruments].map(([id, inst], i) => ({
    type: inst.type, certificateId: `${inst.market}-GO-2025-${String(104_233 + i * 17).padStart(8, "0")}`, market: `${inst.market} (${inst.site})`, vintage: "2025", appliedMwh: text((covered.get(id) ?? ZERO).div(1000)), status: "CANCELLED",
  }));

  const restatements = Array.from({ length: scale.restatements }, (_, i) => {
    const cat = [1, 2, 3, 5, 6, 7][i % 6];
    const fig = e16.scope3ByCategory.find((c) => c.category === cat);
    const current = i === 0 ? e16.scope2MbKgCo2e : (fig?.mbKgCo2e ?? "0");
    return {
      datapoint: i === 0 ? "E1-6.scope2.market-based" : `E1-6.scope3.cat${cat}.market-based`, previousNumber: 1 + (i % 3), previousKgCo2e: text(dec(current).times(i % 2 ? "1.043" : "0.987")), currentKgCo2e: current,
      reason: i === 0 ? "AIB residual mix for Poland corrected in version 1.1 of the 2024 dataset" : i % 5 === 4 ? null : `Late supplier invoices for ${["Q3", "Q4", "November", "December"][i % 4]} entered after the earlier version`,
      note: i % 3 === 0 ? "Reviewed by the controller; evidence attached to the import." : null,
    };
  });

  const unresolved = current.lines.filter((l) => l.status === "UNRESOLVED");
  const estimated = current.lines.filter((l) => l.nature === "ESTIMATED" && l.emissionsKgCo2e !== null).reduce((s, l) => s.plus(dec(l.emissionsKgCo2e ?? "0")), ZERO);
  const signed = status === "SIGNED_OFF";
  const content: ReportContent = {
    schema: REPORT_SCHEMA,
    organization: { name: "Nordwind Sensorik S.A.", slug: "nordwind", consolidationApproach: "OPERATIONAL_CONTROL", reportingCurrency: "EUR" },
    period: { id: "3f0c6a52-8d1e-4c1b-9a57-2f1f0a9d6e21", name: "FY2025", startDate: "2025-01-01", endDate: "2025-12-31", netRevenue: REVENUE[2025], netRevenueCurrency: "EUR" },
    calculation: { versionId: "a41d2b7e-5c3f-4e8a-b0d9-7c6e5f4a3b21", number: 7, engineVersion: "scopebook-ghg 1.4.0", calculatedAt: "2026-02-09T18:03:11.000Z", linesSha256: sha256Hex(canonicalJson(current.lines.map((l) => l.emissionsKgCo2e))) },
    signoff: {
      preparedBy: { name: "Agnieszka Wróblewska-Kowalczyk", email: "a.wroblewska@nordwind.example" },
      submittedAt: "2026-02-10T09:12:00.000Z",
      approvedBy: signed ? { name: "Jonas Keller", email: "j.keller@nordwind.example" } : null,
      approvedAt: signed ? "2026-02-12T15:40:00.000Z" : null,
    },
    e16,
    e15: energyMix(current.lines, current.factors),
    e16Extras: extras,
    scope1EtsPercent: "0",
    previous,
    base,
    scope3Categories,
    monthly: series(current.lines, (l) => l.month).sort((a, b) => a.key.localeCompare(b.key)),
    bySite: series(current.lines, (l) => l.site),
    byProject: series(current.lines, (l) => l.project),
    bySource: series(current.lines, (l) => l.source),
    targets,
    instruments,
    methodology: [
      "The inventory follows the GHG Protocol Corporate Standard (2004) and its Scope 2 Guidance (2015); Scope 3 follows the Corporate Value Chain (Scope 3) Standard.",
      "Each ledger line is activity quantity × emission factor, computed exactly and summed before rounding; figures are shown in tonnes of CO₂e, half-up to three decimals.",
      "Scope 2 location-based uses the grid-average factor of the site's country and year; market-based uses contractual instruments where they exist and the AIB residual mix otherwise.",
      "Cloud emissions are the providers' own carbon exports (Google Cloud Carbon Footprint, AWS Customer Carbon Footprint Tool), reported in Scope 3 category 1 (cloud computing and data-centre services).",
      "Machine-learning training runs in colocation data centres are measured with CodeCarbon and priced with the data centre's country grid factor.",
      "Business travel and employee commuting are estimated from spend and survey data with spend-based factors; they are flagged as estimates.",
    ],
    boundary: {
      approach: "Operational control",
      gwpBasis: ["IPCC Sixth Assessment Report (AR6), 100-year global warming potentials", "Refrigerant R-410A: GWP-100 of 2,088 (AR4 blend value as published by DESNZ 2025)"],
      exclusions: ["District heating of the Berlin office in November (84.2 GJ, no factor for GJ in Germany): unresolved, not in the totals", "Fugitive emissions of small split air-conditioning units below 3 kg charge: de minimis, below 0.1 % of Scope 1"],
    },
    factorSources: factorSources(scale.factorSources),
    restatements,
    dataQuality: {
      resolvedLines: e16.resolvedLines,
      unresolvedLines: e16.unresolvedLines,
      unresolvedAcknowledged: signed,
      unresolved: unresolved.map((l) => ({ label: `${l.scope === "SCOPE_2" ? "Scope 2" : `Scope 3 category ${l.scope3Category}`}: ${l.activityQuantity} ${l.activityUnit}${l.site ? ` at ${l.site}` : ""} (${l.month}) — no emission factor for unit ${l.activityUnit}`, lines: l.lines })),
      fallbackLines: current.lines.filter((l) => l.qualityFlags.includes(FLAGS.yearFallback) || l.qualityFlags.includes(FLAGS.gridInsteadOfResidual)).reduce((s, l) => s + l.lines, 0),
      estimatedKgCo2e: text(estimated),
      primaryScope3Percent: extras.scope3PrimaryMbPct,
    },
  };
  const seal = signed ? { number: 2, sha256: sha256Hex(canonicalJson(content)), auditHeadSeq: 48_213, auditHeadHash: sha256Hex("audit-head-48213") } : null;
  return { status, content, seal };
}
