// Plain rows of the procedures for the evidence pack (issue 14; the pack itself is built in
// lib/services/assurance/pack/): samples.csv, variance.csv, factor-register.csv, factor-changes.csv. Each returns
// the CSV text and the rows as data, read with the caller's context (same permissions and engagement scope).
import type { ServiceContext } from "../../../auth/context";
import { prisma } from "../../../db/client";
import { inOrg } from "../../../db/scope";
import { csvLine } from "../../../ingest/pipeline/bad-rows";
import type { SampleDetail } from "../../../views/assurance-procedures";
import { analyticalReviewCsv, getAnalyticalReview } from "./get-analytical-review";
import { factorChangesCsv, factorRegisterCsv, getFactorRegister } from "./get-factor-register";
import { listSamples } from "./list-samples";
import { getSample } from "./get-sample";

/** Every sample of the period with its items and results, one row per item (samples.csv). */
export async function samplesForPack(ctx: ServiceContext, periodId: string): Promise<{ samples: SampleDetail[]; csv: string }> {
  const { samples } = await listSamples({ ctx, input: { periodId } });
  const details = await Promise.all(samples.map((s) => getSample({ ctx, input: { sampleId: s.id } })));
  details.sort((a, b) => a.number - b.number);
  const head = ["sample", "name", "method", "seed", "population_sha256", "population_size", "population_kg_co2e", "confidence", "tolerable_rate", "tolerable_misstatement_kg_co2e", "sample_size", "interval_kg_co2e", "random_start_kg_co2e", "position", "line_id", "selection", "hits", "book_kg_co2e", "result", "misstatement_kg_co2e", "note", "evidence_file_id"];
  const rows = details.flatMap((s) => s.items.map((i) => csvLine([s.number, s.name, s.method, s.seed, s.populationSha256, s.populationSize, s.populationKgCo2e, s.confidence, s.tolerableRate, s.tolerableMisstatementKgCo2e, s.sampleSize, s.intervalKgCo2e, s.randomStartKgCo2e, i.position, i.lineId, i.selection, i.hits, i.bookKgCo2e, i.result, i.misstatementKgCo2e, i.note, i.evidenceFileId])));
  return { samples: details, csv: [csvLine(head), ...rows].join("") };
}

/** The analytical review, location- and market-based (variance.csv). */
export async function varianceForPack(ctx: ServiceContext, periodId: string): Promise<{ csv: string }> {
  const [lb, mb] = await Promise.all([getAnalyticalReview({ ctx, input: { periodId, view: "lb" } }), getAnalyticalReview({ ctx, input: { periodId, view: "mb" } })]);
  return { csv: analyticalReviewCsv(lb) + analyticalReviewCsv(mb).split("\r\n").slice(1).join("\r\n") };
}

/** factor-register.csv and factor-changes.csv. */
export async function factorsForPack(ctx: ServiceContext, periodId: string): Promise<{ register: string; changes: string }> {
  const r = await getFactorRegister({ ctx, input: { periodId } });
  return { register: factorRegisterCsv(r), changes: factorChangesCsv(r) };
}

/** Whether the period has any sample at all (the pack may skip the section). */
export async function hasSamples(ctx: ServiceContext, periodId: string): Promise<boolean> {
  return (await prisma.auditSample.count({ where: { ...inOrg(ctx), periodId } })) > 0;
}
