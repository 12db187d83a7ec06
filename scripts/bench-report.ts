// npm run bench:report — render time of the ESRS E1 PDF (lib/pdf/render-e1-report.ts) from a report version: the
// demo-like year and a year as large as 10M ledger lines give. The content is aggregated, so "large" is many sites,
// projects, factor sources, instruments and restatements (test/helpers/report-document.ts, LARGE_SCALE).
// One warm-up, then RUNS timed runs each; prints median and max, pages and bytes. Target: < 2 s each.
import { performance } from "node:perf_hooks";
import { renderE1ReportPdf } from "@/lib/pdf/render-e1-report";
import { buildReportDocument, DEMO_SCALE, LARGE_SCALE, type FixtureScale } from "@/test/helpers/report-document";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 2000;

function pagesOf(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

async function bench(name: string, scale: FixtureScale) {
  const doc = buildReportDocument({ status: "SIGNED_OFF", scale });
  const warm = await renderE1ReportPdf(doc);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await renderE1ReportPdf(doc);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const max = times[times.length - 1];
  const verdict = max < TARGET_MS ? "ok" : "OVER TARGET";
  console.log(`${name.padEnd(44)} pages ${String(pagesOf(warm)).padStart(3)}  ${String(Math.round(warm.length / 1024)).padStart(5)} KiB  median ${median.toFixed(0).padStart(5)} ms  max ${max.toFixed(0).padStart(5)} ms  (${RUNS} runs, target < ${TARGET_MS} ms: ${verdict})`);
}

console.log(`bench:report — ESRS E1 PDF from a report version, ${RUNS} runs after one warm-up`);
await bench(`demo year (${DEMO_SCALE.sites} sites, ${DEMO_SCALE.projects} projects)`, DEMO_SCALE);
await bench(`10M-line year (${LARGE_SCALE.sites} sites, ${LARGE_SCALE.projects} projects, ${LARGE_SCALE.factorSources} factor sources)`, LARGE_SCALE);
