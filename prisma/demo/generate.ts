// The demo year's files, generated deterministically (a seeded PRNG, fixed dates, exact decimals): the same bytes
// on every machine and every start, so an import of them twice is recognised by its sha256 and changes nothing.
// Each file is in the exact layout of the tool that writes it — CodeCarbon 2.7's emissions.csv (the 32 columns of
// test/fixtures/codecarbon/codecarbon-2.7.4-eo-college.csv), Google Cloud's Carbon Footprint BigQuery CSV with dotted
// names and AWS's carbon emissions Data Export (test/fixtures/gcp, test/fixtures/aws), Scopebook's activity and
// instruments templates — and goes through the same upload → preview → confirm services as a user's file.
// Pure: no I/O, no clock. `npx tsx prisma/demo/write-files.ts <dir>` writes them out to look at them.
import Decimal from "decimal.js";

export const DEMO_YEARS = [2024, 2025] as const;
export type DemoYear = (typeof DEMO_YEARS)[number];

export const SITES = {
  lodz: { name: "Łódź plant", countryIsoCode: "POL", market: "POL", legalEntity: "Zielona Energia sp. z o.o." },
  berlin: { name: "Berlin office", countryIsoCode: "DEU", market: "DEU", legalEntity: "Zielona Energia GmbH" },
} as const;

/** The three ML projects that run CodeCarbon, and the cloud project that only the GCP export knows. */
export const ML_PROJECTS = {
  forecast: "demand-forecast",
  vision: "defect-vision",
  llm: "quality-llm",
} as const;
export const DATA_PLATFORM_PROJECT = "data-platform";

export const GCP_BILLING_ACCOUNT = "01A7F3-5C22D9-7E41B0";
export const GCP_PROJECTS = { forecast: "zielona-demand-forecast", platform: "zielona-data-platform" } as const;
export const AWS_PAYER_ACCOUNT = "109876543210";
export const AWS_USAGE_ACCOUNT = "210987654321";

export interface DemoFile {
  fileName: string;
  text: string;
}

/** mulberry32: a small seeded PRNG; the same seed gives the same sequence everywhere. */
export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer from lo to hi inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  /** An index 0..weights.length-1, with probability proportional to its (integer) weight. */
  weighted(weights: readonly number[]): number {
    let r = this.int(1, weights.reduce((a, b) => a + b, 0));
    for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) <= 0) return i;
    return weights.length - 1;
  }
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16));
    hex[12] = "4";
    hex[16] = ((this.int(0, 3) | 8) >>> 0).toString(16);
    const h = hex.join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

const D = (v: Decimal.Value) => new Decimal(v);
/** n per mille as an exact decimal (1150 → 1.15). */
const permille = (n: number) => D(n).div(1000);
const pad = (n: number) => String(n).padStart(2, "0");
const csv = (rows: readonly (readonly (string | number)[])[]) =>
  rows.map((r) => r.map((c) => (typeof c === "string" && /[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : String(c))).join(",")).join("\n") + "\n";
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthStart = (year: number, month: number) => `${year}-${pad(month)}-01`;
const monthEnd = (year: number, month: number) => `${year}-${pad(month)}-${pad(lastDay(year, month))}`;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

// ---------------------------------------------------------------------------------------------------------------
// CodeCarbon runs: one emissions.csv per ML project (both years), one row per run (its final cumulative totals).

interface RunProfile {
  project: string;
  /** Runs per year: more ML work in 2025. */
  runs: Record<DemoYear, number>;
  experiments: string[];
  seconds: [number, number];
  cpuW: [number, number];
  gpuW: [number, number];
  ramW: string;
  /** The intensity CodeCarbon itself would use (kgCO2e/kWh): its tracker-reported emissions, never summed. */
  trackerKgPerKwh: string;
  country: [string, string];
  region: string;
  cloud: [string, string] | null;
  os: string;
  cpuCount: number;
  cpuModel: string;
  gpuCount: number;
  gpuModel: string;
  lonLat: [string, string];
  ramGb: string;
}

export const RUN_PROFILES: readonly RunProfile[] = [
  {
    project: ML_PROJECTS.forecast,
    runs: { 2024: 850, 2025: 1050 },
    experiments: ["lstm-baseline", "tft-hourly", "tft-quantile", "nbeats-ensemble"],
    seconds: [5400, 30600],
    cpuW: [38, 47],
    gpuW: [900, 1250],
    ramW: "31.875",
    trackerKgPerKwh: "0.723",
    country: ["Poland", "POL"],
    region: "europe-central2",
    cloud: ["gcp", "europe-central2"],
    os: "Linux-5.15.0-1054-gcp-x86_64-with-glibc2.35",
    cpuCount: 12,
    cpuModel: "Intel(R) Xeon(R) CPU @ 2.20GHz",
    gpuCount: 4,
    gpuModel: "4 x NVIDIA A100-SXM4-40GB",
    lonLat: ["", ""],
    ramGb: "85.0",
  },
  {
    project: ML_PROJECTS.vision,
    runs: { 2024: 750, 2025: 950 },
    experiments: ["yolov8-weld-seams", "effnet-surface-scratch", "sam-finetune"],
    seconds: [2700, 21600],
    cpuW: [30, 42],
    gpuW: [380, 560],
    ramW: "72.0",
    trackerKgPerKwh: "0.381",
    country: ["Germany", "DEU"],
    region: "eu-central-1",
    cloud: ["aws", "eu-central-1"],
    os: "Linux-6.1.72-96.166.amzn2023.x86_64-x86_64-with-glibc2.34",
    cpuCount: 48,
    cpuModel: "AMD EPYC 7R32",
    gpuCount: 4,
    gpuModel: "4 x NVIDIA A10G",
    lonLat: ["", ""],
    ramGb: "192.0",
  },
  {
    project: ML_PROJECTS.llm,
    runs: { 2024: 400, 2025: 850 },
    experiments: ["qlora-defect-reports", "rag-eval", "distil-7b"],
    seconds: [1200, 19800],
    cpuW: [95, 140],
    gpuW: [380, 560],
    ramW: "96.0",
    trackerKgPerKwh: "0.661926",
    country: ["Poland", "POL"],
    region: "łódzkie",
    cloud: null,
    os: "Linux-6.8.0-45-generic-x86_64-with-glibc2.39",
    cpuCount: 64,
    cpuModel: "AMD Ryzen Threadripper PRO 5975WX 32-Cores",
    gpuCount: 2,
    gpuModel: "2 x NVIDIA RTX A6000",
    lonLat: ["19.5", "51.8"],
    ramGb: "256.0",
  },
];

const CODECARBON_HEADER = [
  "timestamp", "project_name", "run_id", "experiment_id", "duration", "emissions", "emissions_rate", "cpu_power", "gpu_power", "ram_power",
  "cpu_energy", "gpu_energy", "ram_energy", "energy_consumed", "country_name", "country_iso_code", "region", "cloud_provider", "cloud_region",
  "os", "python_version", "codecarbon_version", "cpu_count", "cpu_model", "gpu_count", "gpu_model", "longitude", "latitude", "ram_total_size",
  "tracking_mode", "on_cloud", "pue",
];

/** Share of a year's runs per month (ML work picks up over the year, dips in August and at Christmas). */
const RUN_MONTH_WEIGHTS = [7, 7, 8, 8, 9, 9, 8, 5, 9, 10, 10, 7];

export interface DemoRun {
  project: string;
  year: DemoYear;
  month: number;
  energyKwh: Decimal;
}

function kwh(watts: Decimal, seconds: number): Decimal {
  return watts.times(seconds).div(3_600_000).toDecimalPlaces(12, Decimal.ROUND_HALF_EVEN);
}

/** Every run of the demo, in file order per project (chronological). */
export function demoRuns(): { profile: RunProfile; rows: string[][]; runs: DemoRun[] }[] {
  return RUN_PROFILES.map((p, i) => {
    const rng = new Prng(20240101 + i * 7919);
    const experimentIds = p.experiments.map(() => rng.uuid());
    const drafts: { at: string; row: string[]; run: DemoRun }[] = [];
    for (const year of DEMO_YEARS) {
      for (let n = 0; n < p.runs[year]; n++) {
        const month = rng.weighted(RUN_MONTH_WEIGHTS) + 1;
        const at = `${year}-${pad(month)}-${pad(rng.int(1, lastDay(year, month)))}T${pad(rng.int(6, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}`;
        const seconds = rng.int(p.seconds[0], p.seconds[1]);
        const cpuW = permille(rng.int(p.cpuW[0] * 1000, p.cpuW[1] * 1000));
        const gpuW = permille(rng.int(p.gpuW[0] * 1000, p.gpuW[1] * 1000));
        const ramW = D(p.ramW);
        const cpu = kwh(cpuW, seconds);
        const gpu = kwh(gpuW, seconds);
        const ram = kwh(ramW, seconds);
        const energy = cpu.plus(gpu).plus(ram);
        const emissions = energy.times(p.trackerKgPerKwh).toDecimalPlaces(15);
        const duration = D(seconds).plus(permille(rng.int(0, 999)));
        const experiment = experimentIds[rng.weighted(p.experiments.map((_, k) => p.experiments.length - k))];
        const row = [
          at, p.project, rng.uuid(), experiment, duration.toFixed(), emissions.toFixed(), emissions.div(duration).toDecimalPlaces(18).toFixed(),
          cpuW.toFixed(), gpuW.toFixed(), ramW.toFixed(), cpu.toFixed(), gpu.toFixed(), ram.toFixed(), energy.toFixed(),
          p.country[0], p.country[1], p.region, p.cloud?.[0] ?? "", p.cloud?.[1] ?? "", p.os, year === 2024 ? "3.11.9" : "3.12.7", year === 2024 ? "2.7.4" : "2.8.3",
          String(p.cpuCount), p.cpuModel, String(p.gpuCount), p.gpuModel, p.lonLat[0], p.lonLat[1], p.ramGb, "machine", p.cloud ? "Y" : "N", "1.0",
        ];
        drafts.push({ at, row, run: { project: p.project, year, month, energyKwh: energy } });
      }
    }
    drafts.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return { profile: p, rows: drafts.map((d) => d.row), runs: drafts.map((d) => d.run) };
  });
}

export function codecarbonFiles(runs = demoRuns()): DemoFile[] {
  return runs.map(({ profile, rows }) => ({ fileName: `emissions-${profile.project}.csv`, text: csv([CODECARBON_HEADER, ...rows]) }));
}

/** Σ energy (kWh) of a project's runs per year and month. */
function monthlyEnergy(runs: readonly DemoRun[], project: string, year: DemoYear): Decimal[] {
  const out = MONTHS.map(() => D(0));
  for (const r of runs) if (r.project === project && r.year === year) out[r.month - 1] = out[r.month - 1].plus(r.energyKwh);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Google Cloud Carbon Footprint export, one file per year (12 months), kgCO2e with the provider's scope split.

const GCP_HEADER = [
  "usage_month", "billing_account_id", "project.id", "project.number", "service.description", "service.id", "location.location", "location.region",
  "carbon_model_version", "carbon_footprint_kgCO2e.scope1", "carbon_footprint_kgCO2e.scope2.location_based", "carbon_footprint_kgCO2e.scope2.market_based",
  "carbon_footprint_kgCO2e.scope3", "carbon_footprint_total_kgCO2e.location_based", "carbon_footprint_total_kgCO2e.market_based",
  "carbon_footprint_total_kgCO2e.after_offsets",
];

function gcpRow(year: number, month: number, project: [string, string], service: [string, string], location: [string, string], s2Lb: Decimal, mbShare: Decimal, rng: Prng): string[] {
  const kg = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
  const lb = kg(s2Lb);
  const mb = kg(lb.times(mbShare));
  const s1 = kg(lb.times(permille(rng.int(2, 4))));
  const s3 = kg(lb.times(permille(rng.int(160, 210))));
  return [
    monthStart(year, month), GCP_BILLING_ACCOUNT, project[0], project[1], service[0], service[1], location[0], location[1], year === 2024 ? "12" : "14",
    s1.toFixed(2), lb.toFixed(2), mb.toFixed(2), s3.toFixed(2), s1.plus(lb).plus(s3).toFixed(2), s1.plus(mb).plus(s3).toFixed(2), "",
  ];
}

export function gcpFile(year: DemoYear, runs: readonly DemoRun[]): DemoFile {
  const rng = new Prng(31000 + year);
  const energy = monthlyEnergy(runs, ML_PROJECTS.forecast, year);
  const forecast: [string, string] = [GCP_PROJECTS.forecast, "802583874831"];
  const platform: [string, string] = [GCP_PROJECTS.platform, "802583874907"];
  const rows: string[][] = [];
  for (const m of MONTHS) {
    // Compute Engine: what the tracked training runs drew, plus idle and provisioned capacity the trackers don't see.
    const compute = energy[m - 1].times("0.723").times(permille(rng.int(1120, 1210)));
    rows.push(gcpRow(year, m, forecast, ["Compute Engine", "6F81-5844-456A"], ["europe-central2-b", "europe-central2"], compute, permille(rng.int(560, 640)), rng));
    rows.push(gcpRow(year, m, forecast, ["Cloud Storage", "95FF-2EF5-5EA1"], ["europe-central2", "europe-central2"], permille(rng.int(21_000, 34_000)), permille(rng.int(560, 640)), rng));
    rows.push(gcpRow(year, m, platform, ["BigQuery", "24E6-581D-38E5"], ["europe-west3", "europe-west3"], permille(rng.int(year === 2024 ? 88_000 : 96_000, year === 2024 ? 121_000 : 132_000)), permille(rng.int(380, 450)), rng));
    rows.push(gcpRow(year, m, platform, ["Cloud Run", "152E-C115-5142"], ["europe-west3", "europe-west3"], permille(rng.int(14_000, 23_000)), permille(rng.int(380, 450)), rng));
  }
  return { fileName: `gcp-carbon-footprint-${year}.csv`, text: csv([GCP_HEADER, ...rows]) };
}

// ---------------------------------------------------------------------------------------------------------------
// AWS carbon emissions Data Export (original columns), one file per year, MTCO2e.

const AWS_HEADER = [
  "last_refresh_timestamp", "location", "model_version", "payer_account_id", "product_code", "region_code", "total_lbm_emissions_value",
  "total_lbm_emissions_unit", "total_mbm_emissions_value", "total_mbm_emissions_unit", "usage_account_id", "usage_period_start", "usage_period_end",
];

export function awsFile(year: DemoYear, runs: readonly DemoRun[]): DemoFile {
  const rng = new Prng(47000 + year);
  const energy = monthlyEnergy(runs, ML_PROJECTS.vision, year);
  const refresh = year === 2024 ? "2025-01-21 04:12:09Z" : "2026-01-20 05:48:31Z";
  const t = (kg: Decimal) => kg.div(1000).toDecimalPlaces(3, Decimal.ROUND_HALF_EVEN);
  const rows: string[][] = [];
  for (const m of MONTHS) {
    const start = `${monthStart(year, m)} 00:00:00Z`;
    const end = m === 12 ? `${year + 1}-01-01 00:00:00Z` : `${monthStart(year, m + 1)} 00:00:00Z`;
    const row = (location: string, product: string, region: string, lbKg: Decimal, mbShare: Decimal) => {
      const lb = t(lbKg);
      return [refresh, location, "v2.0.0", AWS_PAYER_ACCOUNT, product, region, lb.toFixed(3), "MTCO2e", lb.times(mbShare).toDecimalPlaces(3, Decimal.ROUND_HALF_EVEN).toFixed(3), "MTCO2e", AWS_USAGE_ACCOUNT, start, end];
    };
    // EC2: the training runs plus the always-on inference fleet behind the line cameras.
    const ec2 = energy[m - 1].times("0.381").times(permille(rng.int(1180, 1290))).plus(permille(rng.int(70_000, 105_000)));
    rows.push(row("EU (Frankfurt)", "AmazonEC2", "eu-central-1", ec2, permille(rng.int(70, 120))));
    rows.push(row("EU (Frankfurt)", "AmazonS3", "eu-central-1", permille(rng.int(4_000, 8_000)), permille(rng.int(50, 150))));
    rows.push(row("Global", "AmazonCloudFront", "", permille(rng.int(1_000, 2_400)), D(0)));
  }
  return { fileName: `aws-carbon-emissions-${year}.csv`, text: csv([AWS_HEADER, ...rows]) };
}

// ---------------------------------------------------------------------------------------------------------------
// Activity data (Scopebook's template): monthly bills and statements per site, both years.

const ACTIVITY_HEADER = ["period_start", "period_end", "site", "category", "activity_type", "quantity", "unit", "supplier_factor_value", "supplier_factor_unit", "evidence_reference", "note"];

/** Heating-season profile of the plant's gas (per mille of a mean month). */
const GAS_PROFILE = [1620, 1480, 1250, 930, 640, 470, 430, 450, 610, 950, 1300, 1570];
/** The plant's electricity by month (working days, summer shutdown week in August). */
const PLANT_PROFILE = [1010, 980, 1040, 990, 1000, 1010, 980, 880, 1030, 1050, 1020, 1010];
/** The office: more lighting and heat-pump support in winter. */
const OFFICE_PROFILE = [1120, 1080, 1030, 960, 920, 930, 950, 880, 950, 1010, 1070, 1100];

export function activityFile(year: DemoYear): DemoFile {
  const rng = new Prng(52000 + year);
  const rows: (string | number)[][] = [];
  const { lodz, berlin } = SITES;
  // Mean monthly quantities: FY2025 a little less electricity (LED retrofit in the plant), less gas, one more van.
  const plantKwh = year === 2024 ? 126_000 : 124_000;
  const officeKwh = year === 2024 ? 10_000 : 9_800;
  const gasKwh = year === 2024 ? 26_800 : 25_300;
  const dieselL = year === 2024 ? 2_540 : 2_630;
  const jitter = (mean: number, profile: number, spread: number) => Math.round((mean * profile * rng.int(1000 - spread, 1000 + spread)) / 1_000_000);
  for (const m of MONTHS) {
    const [from, to] = [monthStart(year, m), monthEnd(year, m)];
    const ym = `${year}-${pad(m)}`;
    rows.push([from, to, lodz.name, "electricity", "grid", jitter(plantKwh, PLANT_PROFILE[m - 1], 30), "kWh", "", "", `PGE-LDZ-${ym}`, "monthly bill, main meter (the server room is sub-metered and tracked by CodeCarbon)"]);
    rows.push([from, to, berlin.name, "electricity", "grid", jitter(officeKwh, OFFICE_PROFILE[m - 1], 40), "kWh", "", "", `VATTENFALL-BER-${ym}`, "monthly bill"]);
    rows.push([from, to, lodz.name, "fuel", "natural-gas", jitter(gasKwh, GAS_PROFILE[m - 1], 50), "kWh", "", "", `PGNIG-LDZ-${ym}`, "process heat and space heating"]);
    rows.push([from, to, lodz.name, "fuel", "diesel", jitter(dieselL, 1000, 90), "L", "", "", `DKV-FLEET-${ym}`, "fuel cards, delivery vans and forklifts"]);
    const short = year === 2024 ? 34_000 : 31_000;
    rows.push([from, to, lodz.name, "travel", "air-short-haul", jitter(short * 0.6, 1000, 250), "passenger-km", "", "", `TRAVEL-${ym}-LDZ`, "travel agency statement (LOD/WAW–BER, FRA, MUC, CPH)"]);
    rows.push([from, to, berlin.name, "travel", "air-short-haul", jitter(short * 0.4, 1000, 250), "passenger-km", "", "", `TRAVEL-${ym}-BER`, "travel agency statement"]);
    const rail = year === 2024 ? 4_200 : 6_100;
    rows.push([from, to, berlin.name, "travel", "rail", jitter(rail, 1000, 200), "passenger-km", "", "", `DB-BAHN-${ym}`, "Deutsche Bahn business account (Berlin–Łódź, Berlin–Hamburg)"]);
    if (m % 3 === 2) rows.push([from, to, berlin.name, "travel", "air-long-haul", jitter(year === 2024 ? 38_000 : 33_000, 1000, 150), "passenger-km", "", "", `TRAVEL-${ym}-LH`, "trade fairs and customer visits (Chicago, Shanghai)"]);
  }
  const hardware = year === 2024
    ? [["2024-02-12", lodz.name, "laptop", 28, "PO-2024-0112", "laptop refresh, first wave"], ["2024-02-12", berlin.name, "laptop", 12, "PO-2024-0112", "laptop refresh, first wave"], ["2024-06-03", berlin.name, "laptop", 14, "PO-2024-0388", "new hires"], ["2024-10-21", lodz.name, "laptop", 8, "PO-2024-0701", "new hires"], ["2024-03-18", lodz.name, "desktop", 12, "PO-2024-0197", "CAD workstations"]]
    : [["2025-03-10", lodz.name, "laptop", 22, "PO-2025-0154", "laptop refresh, second wave"], ["2025-09-15", berlin.name, "laptop", 16, "PO-2025-0622", "new hires"], ["2025-05-05", lodz.name, "desktop", 8, "PO-2025-0301", "line-side terminals"]];
  for (const [day, site, type, n, po, note] of hardware) rows.push([day, day, site, "hardware", type, n, "item", "", "", po, note]);
  const refrigerant = year === 2024
    ? [["2024-06-12", berlin.name, "R-410A", "4.5", "SVC-BER-2024-06", "split AC top-up after leak repair (annual F-gas check)"]]
    : [["2025-07-03", lodz.name, "R-32", "2.0", "SVC-LDZ-2025-07", "heat pump service, top-up"], ["2025-09-18", berlin.name, "R-410A", "1.8", "SVC-BER-2025-09", "split AC top-up (annual F-gas check)"]];
  for (const [day, site, gas, kg, ref, note] of refrigerant) rows.push([day, day, site, "refrigerant", gas, kg, "kg", "", "", ref, note]);
  return { fileName: `activity-${year}.csv`, text: csv([ACTIVITY_HEADER, ...rows]) };
}

// ---------------------------------------------------------------------------------------------------------------
// Contractual instruments: a Guarantee of Origin for part of the plant's electricity each year (bigger in 2025).

const INSTRUMENT_HEADER = ["type", "volume_mwh", "market", "vintage_start", "vintage_end", "tracking_system", "certificate_id", "retired_on_behalf", "supplier_emission_rate_kg_co2e_per_kwh", "site", "bundled"];

export const GO_MWH: Record<DemoYear, string> = { 2024: "500", 2025: "540" };

export function instrumentsFile(): DemoFile {
  const rows = DEMO_YEARS.map((y) => ["go", GO_MWH[y], "POL", `${y}-01-01`, `${y}-12-31`, "TGE-RGP", `PL-GO-${y}-00${y === 2024 ? "31187" : "40562"}`, "yes", "0", SITES.lodz.name, "no"]);
  return { fileName: "instruments-guarantees-of-origin.csv", text: csv([INSTRUMENT_HEADER, ...rows]) };
}

/** Every generated demo file, in the order the seed imports them. */
export function demoFiles(): { codecarbon: DemoFile[]; gcp: DemoFile[]; aws: DemoFile[]; activity: DemoFile[]; instruments: DemoFile } {
  const runs = demoRuns();
  const all = runs.flatMap((r) => r.runs);
  return {
    codecarbon: codecarbonFiles(runs),
    gcp: DEMO_YEARS.map((y) => gcpFile(y, all)),
    aws: DEMO_YEARS.map((y) => awsFile(y, all)),
    activity: DEMO_YEARS.map((y) => activityFile(y)),
    instruments: instrumentsFile(),
  };
}
