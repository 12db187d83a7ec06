// A synthetic Google Cloud Carbon Footprint export (BigQuery CSV, dotted names) for the ingestion benchmark:
// every row a distinct billing account × project × service × location × month, totals that add up, market-based
// Scope 2 empty before 2023. Deterministic; written as a stream (1,000,000 rows ≈ 230 MB).
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { pathToFileURL } from "node:url";

export const GCP_HEADER =
  "usage_month,billing_account_id,project.id,project.number,service.description,service.id,location.location,location.region,carbon_model_version," +
  "carbon_footprint_kgCO2e.scope1,carbon_footprint_kgCO2e.scope2.location_based,carbon_footprint_kgCO2e.scope2.market_based,carbon_footprint_kgCO2e.scope3," +
  "carbon_footprint_total_kgCO2e.location_based,carbon_footprint_total_kgCO2e.market_based,carbon_footprint_total_kgCO2e.after_offsets";

const SERVICES = ["Compute Engine", "Cloud Storage", "BigQuery", "Cloud Run", "Cloud SQL", "Vertex AI", "Cloud Logging", "Kubernetes Engine", "Cloud Functions", "Pub/Sub"];
const REGIONS = ["us-central1", "europe-west4", "asia-east1", "us-east1", "europe-west1", "northamerica-northeast1", "australia-southeast1", "southamerica-east1", "asia-south1", "me-west1"];
const MONTHS = ["2022-11-01", "2022-12-01", "2023-01-01", "2023-02-01", "2023-03-01", "2023-04-01", "2023-05-01", "2023-06-01", "2023-07-01", "2023-08-01"];

/** Hundredths as decimal text: 12345 → "123.45" (exact, so the totals add up). */
const cents = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, "0")}`;

export async function generateGcpCsv(file: string, { rows }: { rows: number }): Promise<number> {
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  let bytes = 0;
  let chunk = `${GCP_HEADER}\n`;
  for (let i = 0; i < rows; i++) {
    const month = MONTHS[i % MONTHS.length];
    const region = REGIONS[Math.floor(i / 10) % REGIONS.length];
    const service = SERVICES[Math.floor(i / 100) % SERVICES.length];
    const project = Math.floor(i / 1000);
    const s1 = (i * 7) % 500;
    const s2lb = (i * 13) % 90_000;
    const s2mb = month < "2023-01-01" ? null : (i * 3) % 9_000;
    const s3 = (i * 11) % 20_000;
    chunk +=
      `${month},BA-${String(project % 50).padStart(6, "0")},proj-${project},${100000 + project},${service},SVC-${Math.floor(i / 100) % SERVICES.length},${region}-a,${region},14,` +
      `${cents(s1)},${cents(s2lb)},${s2mb === null ? "" : cents(s2mb)},${cents(s3)},${cents(s1 + s2lb + s3)},${s2mb === null ? "" : cents(s1 + s2mb + s3)},\n`;
    if (chunk.length > 1 << 20) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  bytes += Buffer.byteLength(chunk);
  out.end(chunk);
  await once(out, "finish");
  return bytes;
}

// As a script (the benchmark runs it in a child process, so that generating the file leaves no garbage in the
// measured process): tsx scripts/bench/generate-gcp-csv.ts <file> <rows> — prints the size in bytes.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  generateGcpCsv(process.argv[2], { rows: Number(process.argv[3]) }).then((bytes) => console.log(bytes));
}
