// A synthetic CodeCarbon 3.x emissions.csv for the ingestion benchmark: the 38 columns the tracker writes, values
// in its own float formatting (scientific notation for small numbers), runs of cumulative rows, a few projects
// and experiments. Deterministic (seeded), written as a stream: a 1,000,000-row file is ~370 MB.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { pathToFileURL } from "node:url";

export const HEADER_3X =
  "timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power," +
  "cpu_energy,gpu_energy,ram_energy,energy_consumed,water_consumed,country_name,country_iso_code,region," +
  "cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model," +
  "longitude,latitude,ram_total_size,tracking_mode,cpu_utilization_percent,gpu_utilization_percent," +
  "ram_utilization_percent,ram_used_gb,on_cloud,pue,wue";

/** mulberry32: a small deterministic PRNG, so two runs of the benchmark read the same bytes. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Python's float repr, as pandas writes it: scientific notation below 1e-4 with a two-digit exponent. */
function py(x: number): string {
  if (x !== 0 && Math.abs(x) < 1e-4) return x.toExponential().replace(/e([+-])(\d)$/, "e$10$2");
  const s = String(x);
  return s.includes(".") || s.includes("e") ? s : `${s}.0`;
}

function uuidFrom(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const MACHINES = [
  "France,FRA,île-de-france,,,Linux-6.8.0-x86_64-with-glibc2.39,3.11.7,3.3.0,16,AMD EPYC 7R13,1,NVIDIA A10G,2.35,48.86,62.7,machine",
  "Germany,DEU,hesse,aws,eu-central-1,Linux-5.10-x86_64-with-glibc2.31,3.12.4,3.3.0,8,Intel Xeon 8375C,0,,8.68,50.11,31.1,machine",
  "Poland,POL,łódzkie,,,macOS-14.5-arm64-arm-64bit,3.11.9,3.2.1,10,Apple M2 Pro,1,Apple M2 Pro,19.46,51.76,16.0,process",
];

export interface GenerateOptions {
  rows: number;
  rowsPerRun?: number;
  seed?: number;
}

/** Writes the file; resolves with its size in bytes. */
export async function generateCodecarbonCsv(file: string, opts: GenerateOptions): Promise<number> {
  const rand = prng(opts.seed ?? 42);
  const rowsPerRun = opts.rowsPerRun ?? 100;
  const experiments = Array.from({ length: 20 }, () => uuidFrom(rand));
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  let bytes = 0;
  let buffer = HEADER_3X + "\n";
  let runId = "";
  let project = "";
  let experiment = "";
  let machine = "";
  let t0 = Date.UTC(2025, 0, 1, 8, 0, 0);
  let duration = 0;
  let cpuE = 0;
  let gpuE = 0;
  let ramE = 0;
  let water = 0;
  for (let i = 0; i < opts.rows; i++) {
    if (i % rowsPerRun === 0) {
      runId = uuidFrom(rand);
      project = `project-${Math.floor(rand() * 8)}`;
      experiment = experiments[Math.floor(rand() * experiments.length)];
      machine = MACHINES[Math.floor(rand() * MACHINES.length)];
      t0 += 3_600_000;
      duration = cpuE = gpuE = ramE = water = 0;
    }
    // Cumulative within a run: each row is the run's totals so far (formats.md §1).
    const step = 15 + rand();
    duration += step;
    // Powers as trackers report them: a few decimals (RAPL / TDP estimates), RAM power a constant per machine.
    const cpuP = Math.round((20 + rand() * 60) * 1e4) / 1e4;
    const gpuP = rand() < 0.5 ? 0 : Math.round(rand() * 150 * 1e3) / 1e3;
    const ramP = 20;
    cpuE += (cpuP * step) / 3.6e6;
    gpuE += (gpuP * step) / 3.6e6;
    ramE += (ramP * step) / 3.6e6;
    water += rand() * 1e-5;
    const energy = cpuE + gpuE + ramE;
    const emissions = energy * 0.056;
    const ts = new Date(t0 + duration * 1000).toISOString().slice(0, 19);
    buffer +=
      `${ts},${project},${runId},${experiment},${py(duration)},${py(emissions)},${py(emissions / duration)},${py(cpuP)},` +
      `${py(gpuP)},${py(ramP)},${py(cpuE)},${py(gpuE)},${py(ramE)},${py(energy)},${py(water)},${machine},` +
      `${(rand() * 100).toFixed(1)},${(rand() * 100).toFixed(1)},${(rand() * 100).toFixed(1)},${(rand() * 30).toFixed(2)},N,1.0,0.0\n`;
    if (buffer.length > 1 << 20) {
      bytes += Buffer.byteLength(buffer);
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  bytes += Buffer.byteLength(buffer);
  out.end(buffer);
  await once(out, "finish");
  return bytes;
}

// As a script (bench-ingest runs it in a child process, so that generating 400 MB of text leaves no garbage in the
// measured process): tsx scripts/bench/generate-codecarbon-csv.ts <file> <rows> — prints the size in bytes.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  generateCodecarbonCsv(process.argv[2], { rows: Number(process.argv[3]) }).then((bytes) => console.log(bytes));
}
