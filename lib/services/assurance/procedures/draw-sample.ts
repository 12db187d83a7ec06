// Drawing a sample over a version's ledger lines (lib/assurance/sampling.ts): the population filter in SQL, its
// statistical part's size and total in one aggregate, then one streamed pass in canonical order (resolution id,
// source record id, month; keyset pages of PAGE lines, memory flat for 10M lines) that hashes the population, keeps
// the key items and the statistically selected lines. Used to create a sample and to re-draw it from what was stored.
import { prisma } from "../../../db/client";
import { Prisma } from "../../../generated/prisma/client";
import { attributeSampleSize, attributeSelector, isKeyItem, musSampleSize, musSelector, populationHasher, unitsOf, type KeyItemRule, type PopulationLine, type SampleMethod } from "../../../assurance/sampling";
import { invalid } from "../../../errors";
import { num } from "../../inventory/ledger/load-calculation-input";
import type { PopulationFilter } from "../../../views/assurance-procedures";

export type { PopulationFilter };


export interface DrawPlan {
  method: SampleMethod;
  population: PopulationFilter;
  keyItems: KeyItemRule;
  confidence: string;
  tolerableRate: string | null;
  tolerableMisstatementKgCo2e: string | null;
  seed: string;
}

export interface DrawnItem {
  lineId: string;
  selection: "KEY_ITEM" | "STATISTICAL";
  hits: number;
  bookKgCo2e: string | null;
}

export interface Drawn {
  populationSize: number;
  populationKgCo2e: string;
  populationSha256: string;
  statisticalSize: number;
  statisticalKgCo2e: string;
  sampleSize: number;
  intervalKgCo2e: string | null;
  randomStartKgCo2e: string | null;
  items: DrawnItem[];
}

const PAGE = 20_000;

function filterSql(f: PopulationFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.scope) parts.push(Prisma.sql`r.scope::text = ${f.scope}`);
  if (f.category) parts.push(Prisma.sql`r.scope3_category = ${f.category}`);
  if (f.view === "lb") parts.push(Prisma.sql`r.method <> 'MARKET_BASED'`);
  if (f.view === "mb") parts.push(Prisma.sql`r.method <> 'LOCATION_BASED'`);
  if (f.siteId) parts.push(Prisma.sql`l.site_id = ${f.siteId}::uuid`);
  if (f.projectId) parts.push(Prisma.sql`l.project_id = ${f.projectId}::uuid`);
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

function keySql(k: KeyItemRule): Prisma.Sql {
  const site = k.siteIds.length ? Prisma.sql`l.site_id = ANY(${k.siteIds}::uuid[])` : Prisma.sql`false`;
  const big = k.thresholdKgCo2e !== null ? Prisma.sql`abs(coalesce(l.emissions_kg_co2e, 0)) >= ${k.thresholdKgCo2e}::numeric` : Prisma.sql`false`;
  return Prisma.sql`coalesce(${site} OR ${big}, false)`;
}

export async function drawSample(organizationId: string, versionId: string, plan: DrawPlan): Promise<Drawn> {
  const where = Prisma.sql`l.organization_id = ${organizationId}::uuid AND l.calculation_version_id = ${versionId}::uuid ${filterSql(plan.population)}`;
  const from = Prisma.sql`ledger_lines l JOIN ledger_resolutions r ON r.id = l.resolution_id AND r.organization_id = l.organization_id`;
  const [stat] = await prisma.$queryRaw<{ n: bigint; units: string | null }[]>`
    SELECT count(*) AS n, sum(abs(coalesce(l.emissions_kg_co2e, 0)))::text AS units FROM ${from} WHERE ${where} AND NOT ${keySql(plan.keyItems)}`;
  const statisticalSize = Number(stat.n);
  const statisticalUnits = num(stat.units) ?? "0";
  const n = plan.method === "ATTRIBUTE" ? attributeSampleSize(plan.confidence, plan.tolerableRate!) : statisticalSize === 0 || statisticalUnits === "0" ? 0 : musSampleSize(statisticalUnits, plan.confidence, plan.tolerableMisstatementKgCo2e!);
  const driver = plan.method === "ATTRIBUTE" ? "tolerableRate" : "tolerableMisstatementTCo2e";
  if (statisticalSize === 0 || n > statisticalSize)
    throw invalid(`A sample of ${n} lines is larger than the population of ${statisticalSize} lines outside the key items: test those lines in full (as key items) or widen the population.`, [
      { field: "population", reason: `the sample (${n}) is larger than the population (${statisticalSize} lines)` },
      { field: driver, reason: `gives a sample of ${n} for ${statisticalSize} lines` },
    ]);
  const attr = plan.method === "ATTRIBUTE" ? attributeSelector(plan.seed, statisticalSize, n) : null;
  const mus = plan.method === "MUS" ? musSelector(plan.seed, statisticalUnits, n) : null;
  const hasher = populationHasher();
  const items: DrawnItem[] = [];
  let after: Prisma.Sql = Prisma.empty;
  for (;;) {
    const page = await prisma.$queryRaw<{ rid: number; src: string; month: string; kg: string | null; site_id: string | null }[]>`
      SELECT l.resolution_id AS rid, l.source_record_id::text AS src, to_char(l.month, 'YYYY-MM-DD') AS month, trim_scale(l.emissions_kg_co2e)::text AS kg, l.site_id::text
        FROM ${from} WHERE ${where} ${after}
       ORDER BY l.resolution_id, l.source_record_id, l.month LIMIT ${PAGE}`;
    for (const p of page) {
      const line: PopulationLine = { id: `${p.rid}:${p.src}:${p.month}`, kgCo2e: p.kg, siteId: p.site_id };
      hasher.add(line);
      if (isKeyItem(line, plan.keyItems)) {
        items.push({ lineId: line.id, selection: "KEY_ITEM", hits: 1, bookKgCo2e: num(p.kg) });
        continue;
      }
      const hits = attr ? attr.visit() : mus!.visit(unitsOf(line));
      if (hits > 0) items.push({ lineId: line.id, selection: "STATISTICAL", hits, bookKgCo2e: num(p.kg) });
    }
    if (page.length < PAGE) break;
    const last = page[page.length - 1];
    after = Prisma.sql`AND (l.resolution_id, l.source_record_id, l.month) > (${last.rid}, ${last.src}::uuid, ${last.month}::date)`;
  }
  const pop = hasher.result();
  return {
    populationSize: pop.size, populationKgCo2e: pop.kgCo2e, populationSha256: pop.sha256, statisticalSize, statisticalKgCo2e: statisticalUnits,
    sampleSize: n, intervalKgCo2e: mus?.intervalKgCo2e ?? null, randomStartKgCo2e: mus?.randomStartKgCo2e ?? null, items,
  };
}
