// Use case: draw and store a sample of a period's version's ledger lines (assurance:work; issue 14): attribute or
// monetary-unit sampling, the population's definition, size, total and sha256, the key items tested in full, the
// confidence, tolerable rate or misstatement and the seed — everything to draw it again (redraw-sample.ts).
// Bad input names its field: confidence outside (0, 1), a tolerable misstatement ≤ 0, a sample larger than the population.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../../../audit/record";
import { authorize, type ServiceContext } from "../../../auth/context";
import { prisma } from "../../../db/client";
import { inOrg, isUuid } from "../../../db/scope";
import { invalid } from "../../../errors";
import { dec, text } from "../../../ghg/decimal";
import { parseInput } from "../../../parse-input";
import { drawSample, type DrawPlan } from "./draw-sample";
import { targetVersion } from "./target-version";

const decimalText = z.string().trim().regex(/^\d+(\.\d+)?$/, "must be a positive decimal number");
const fraction = (field: string) => decimalText.refine((v) => dec(v).gt(0) && dec(v).lt(1), `${field} must be between 0 and 1 (exclusive), e.g. 0.95`);

const Input = z.object({
  periodId: z.string(),
  name: z.string().trim().min(1, "required").max(200),
  method: z.enum(["ATTRIBUTE", "MUS"]),
  population: z
    .object({
      scope: z.enum(["SCOPE_1", "SCOPE_2", "SCOPE_3"]).optional(),
      category: z.coerce.number().int().min(1).max(15).optional(),
      view: z.enum(["lb", "mb"]).optional(),
      siteId: z.string().refine(isUuid, "must be a site id").optional(),
      projectId: z.string().refine(isUuid, "must be a project id").optional(),
    })
    .default({}),
  confidence: fraction("confidence"),
  tolerableRate: fraction("tolerable rate").optional(),
  tolerableMisstatementTCo2e: decimalText.refine((v) => dec(v).gt(0), "must be greater than 0").optional(),
  keyItemThresholdTCo2e: decimalText.refine((v) => dec(v).gt(0), "must be greater than 0").optional(),
  keySiteIds: z.array(z.string().refine(isUuid, "must be a site id")).max(100).default([]),
  seed: z.string().trim().min(1).max(200).optional(),
});

const tToKg = (t: string | undefined) => (t === undefined ? null : text(dec(t).times(1000)));

export async function createSample({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  authorize(ctx, "assurance:work");
  const t = await targetVersion(ctx, input);
  const q = parseInput(Input, input);
  if (q.method === "ATTRIBUTE" && !q.tolerableRate) throw invalid("Attribute sampling needs a tolerable deviation rate.", [{ field: "tolerableRate", reason: "required for attribute sampling, e.g. 0.05" }]);
  if (q.method === "MUS" && !q.tolerableMisstatementTCo2e) throw invalid("Monetary-unit sampling needs a tolerable misstatement.", [{ field: "tolerableMisstatementTCo2e", reason: "required for monetary-unit sampling, in tCO2e" }]);
  const siteIds = [...new Set(q.keySiteIds)];
  const wantedSites = [...siteIds, ...(q.population.siteId ? [q.population.siteId] : [])];
  const sites = await prisma.site.count({ where: { ...inOrg(ctx), id: { in: wantedSites } } });
  if (sites !== new Set(wantedSites).size) throw invalid("A site named is not a site of this organization.", [{ field: q.population.siteId ? "population.siteId" : "keySiteIds", reason: "unknown site" }]);
  if (q.population.projectId && !(await prisma.project.findFirst({ where: { ...inOrg(ctx), id: q.population.projectId }, select: { id: true } })))
    throw invalid("The project is not a project of this organization.", [{ field: "population.projectId", reason: "unknown project" }]);
  const plan: DrawPlan = {
    method: q.method, population: q.population, keyItems: { thresholdKgCo2e: tToKg(q.keyItemThresholdTCo2e), siteIds: siteIds.sort() }, confidence: q.confidence,
    tolerableRate: q.method === "ATTRIBUTE" ? q.tolerableRate! : null, tolerableMisstatementKgCo2e: q.method === "MUS" ? tToKg(q.tolerableMisstatementTCo2e) : null,
    seed: q.seed ?? randomBytes(16).toString("hex"),
  };
  const drawn = await drawSample(ctx.organization.id, t.calculationVersionId, plan);
  return prisma.$transaction(async (tx) => {
    const last = await tx.auditSample.findFirst({ where: { ...inOrg(ctx), periodId: t.period.id }, orderBy: { number: "desc" }, select: { number: true } });
    const sample = await tx.auditSample.create({
      data: {
        organizationId: ctx.organization.id, periodId: t.period.id, calculationVersionId: t.calculationVersionId, reportVersionNumber: t.reportVersionNumber, number: (last?.number ?? 0) + 1,
        name: q.name, method: q.method, population: { ...plan.population }, populationSize: drawn.populationSize, populationKgCo2e: drawn.populationKgCo2e, populationSha256: drawn.populationSha256,
        statisticalSize: drawn.statisticalSize, statisticalKgCo2e: drawn.statisticalKgCo2e, keyItemThresholdKgCo2e: plan.keyItems.thresholdKgCo2e, keySiteIds: plan.keyItems.siteIds,
        confidence: plan.confidence, tolerableRate: plan.tolerableRate, tolerableMisstatementKgCo2e: plan.tolerableMisstatementKgCo2e, sampleSize: drawn.sampleSize,
        intervalKgCo2e: drawn.intervalKgCo2e, randomStartKgCo2e: drawn.randomStartKgCo2e, seed: plan.seed, createdById: ctx.userId,
      },
    });
    await tx.auditSampleItem.createMany({ data: drawn.items.map((it, i) => ({ sampleId: sample.id, organizationId: ctx.organization.id, position: i + 1, lineId: it.lineId, selection: it.selection, hits: it.hits, bookKgCo2e: it.bookKgCo2e })) });
    await recordAudit(tx, ctx, {
      action: "sample.created", entityType: "audit_sample", entityId: sample.id,
      after: { period: t.period.name, number: sample.number, name: q.name, method: q.method, population: { ...plan.population }, populationSize: drawn.populationSize, populationSha256: drawn.populationSha256, sampleSize: drawn.sampleSize, items: drawn.items.length, seed: plan.seed },
    });
    return { id: sample.id, number: sample.number, sampleSize: drawn.sampleSize, items: drawn.items.length, populationSha256: drawn.populationSha256 };
  });
}
