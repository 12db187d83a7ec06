// Reading stored samples: one sample with its items and misstatement summary, scoped to the organization and to the
// periods the member's engagements cover. Shared by get-sample, redraw-sample, record-sample-result and the pack rows.
import type { ServiceContext } from "../../../auth/context";
import { prisma } from "../../../db/client";
import { byId, isUuid } from "../../../db/scope";
import { notFound } from "../../../errors";
import { summarizeSample } from "../../../assurance/sampling";
import type { SampleDetail } from "../../../views/assurance-procedures";
import { assertPeriodCovered } from "../engagement-scope";
import type { DrawPlan, PopulationFilter } from "./draw-sample";

const dtext = (d: { toFixed(): string } | null) => (d === null ? null : d.toFixed());

export async function readSample(ctx: ServiceContext, sampleId: unknown): Promise<SampleDetail> {
  if (typeof sampleId !== "string" || !isUuid(sampleId)) throw notFound("Sample");
  const s = await prisma.auditSample.findFirst({ where: byId(ctx, sampleId), include: { items: { orderBy: { position: "asc" } } } });
  if (!s) throw notFound("Sample");
  await assertPeriodCovered(ctx, s.periodId).catch(() => {
    throw notFound("Sample");
  });
  const num = (d: { toFixed(): string }) => d.toFixed().replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  const items = s.items.map((i) => ({
    position: i.position, lineId: i.lineId, selection: i.selection, hits: i.hits, bookKgCo2e: i.bookKgCo2e ? num(i.bookKgCo2e) : null, result: i.result,
    misstatementKgCo2e: i.misstatementKgCo2e ? num(i.misstatementKgCo2e) : null, note: i.note, evidenceFileId: i.evidenceFileId,
  }));
  const detail = {
    id: s.id, periodId: s.periodId, number: s.number, name: s.name, method: s.method, calculationVersionId: s.calculationVersionId, reportVersionNumber: s.reportVersionNumber,
    population: s.population as PopulationFilter, populationSize: s.populationSize, populationKgCo2e: num(s.populationKgCo2e), populationSha256: s.populationSha256,
    statisticalSize: s.statisticalSize, statisticalKgCo2e: num(s.statisticalKgCo2e), keyItemThresholdKgCo2e: s.keyItemThresholdKgCo2e ? num(s.keyItemThresholdKgCo2e) : null,
    keySiteIds: s.keySiteIds, confidence: num(s.confidence), tolerableRate: s.tolerableRate ? num(s.tolerableRate) : null,
    tolerableMisstatementKgCo2e: s.tolerableMisstatementKgCo2e ? num(s.tolerableMisstatementKgCo2e) : null, sampleSize: s.sampleSize,
    intervalKgCo2e: dtext(s.intervalKgCo2e), randomStartKgCo2e: dtext(s.randomStartKgCo2e), seed: s.seed, createdAt: s.createdAt.toISOString(), items,
  };
  return { ...detail, summary: summarizeSample(s.method, items, { intervalKgCo2e: detail.intervalKgCo2e, statisticalKgCo2e: detail.statisticalKgCo2e, confidence: detail.confidence }) };
}

/** The plan a stored sample was drawn with. */
export function planOf(s: SampleDetail): DrawPlan {
  return {
    method: s.method, population: s.population, keyItems: { thresholdKgCo2e: s.keyItemThresholdKgCo2e, siteIds: s.keySiteIds }, confidence: s.confidence,
    tolerableRate: s.tolerableRate, tolerableMisstatementKgCo2e: s.tolerableMisstatementKgCo2e, seed: s.seed,
  };
}
