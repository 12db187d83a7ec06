// Use case: search the factors an organization can use (shipped and its own) by key type, key, year, method and
// dataset, a page at a time.
import { z } from "zod";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { isUuid, shippedOrInOrg } from "../../db/scope";
import { FACTOR_KEY_TYPES, FACTOR_METHODS } from "../../factors/types";
import { parseInput } from "../../parse-input";
import type { FactorSearchResult } from "../../views/factors";

export const FACTORS_PAGE_SIZE = 50;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const SearchFactorsInput = z.object({
  keyType: z.preprocess(blankToUndefined, z.enum(FACTOR_KEY_TYPES).optional()),
  key: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
  year: z.preprocess(blankToUndefined, z.coerce.number().int("must be a year").min(1900, "must be a year").max(2100, "must be a year").optional()),
  method: z.preprocess(blankToUndefined, z.enum(FACTOR_METHODS).optional()),
  datasetId: z.preprocess(blankToUndefined, z.string().refine(isUuid, "must be a dataset id").optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1, "must be 1 or more").max(100000).default(1)),
});

export async function searchFactors({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<FactorSearchResult> {
  authorize(ctx, "org:read");
  const q = parseInput(SearchFactorsInput, input);
  const where = {
    dataset: shippedOrInOrg(ctx),
    ...(q.keyType && { keyType: q.keyType }),
    ...(q.key && { key: { contains: q.key, mode: "insensitive" as const } }),
    ...(q.year !== undefined && { year: q.year }),
    ...(q.method && { method: q.method }),
    ...(q.datasetId && { datasetId: q.datasetId }),
  };
  const [total, rows] = await Promise.all([
    prisma.emissionFactor.count({ where }),
    prisma.emissionFactor.findMany({
      where,
      select: {
        id: true, keyType: true, key: true, year: true, validFrom: true, validTo: true, value: true, unit: true,
        sourceValue: true, sourceUnit: true, method: true, gwpBasis: true, fossilShare: true, nuclearShare: true,
        renewableShare: true, energyKwhPerUnit: true, biogenicKgCo2PerUnit: true, description: true, evidenceFileId: true,
        dataset: { select: { id: true, title: true, version: true, publisher: true, organizationId: true, lockedAt: true } },
      },
      orderBy: [{ keyType: "asc" }, { key: "asc" }, { year: "desc" }, { method: "asc" }, { id: "asc" }],
      skip: (q.page - 1) * FACTORS_PAGE_SIZE,
      take: FACTORS_PAGE_SIZE,
    }),
  ]);
  return {
    query: q,
    total,
    page: q.page,
    pageSize: FACTORS_PAGE_SIZE,
    pages: Math.max(1, Math.ceil(total / FACTORS_PAGE_SIZE)),
    factors: rows.map((f) => ({
      id: f.id,
      keyType: f.keyType,
      key: f.key,
      year: f.year,
      validFrom: f.validFrom?.toISOString().slice(0, 10) ?? null,
      validTo: f.validTo?.toISOString().slice(0, 10) ?? null,
      value: f.value.toFixed(),
      unit: f.unit,
      sourceValue: f.sourceValue?.toFixed() ?? null,
      sourceUnit: f.sourceUnit,
      method: f.method,
      gwpBasis: f.gwpBasis,
      fossilShare: f.fossilShare?.toFixed() ?? null,
      nuclearShare: f.nuclearShare?.toFixed() ?? null,
      renewableShare: f.renewableShare?.toFixed() ?? null,
      energyKwhPerUnit: f.energyKwhPerUnit?.toFixed() ?? null,
      biogenicKgCo2PerUnit: f.biogenicKgCo2PerUnit?.toFixed() ?? null,
      description: f.description,
      hasEvidence: f.evidenceFileId !== null,
      dataset: {
        id: f.dataset.id,
        title: f.dataset.title,
        version: f.dataset.version,
        publisher: f.dataset.publisher,
        shipped: f.dataset.organizationId === null,
        locked: f.dataset.lockedAt !== null,
      },
    })),
  };
}
