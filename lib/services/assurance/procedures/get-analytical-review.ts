// Use case: the analytical review of a period's version (issue 14) — rows per scope, Scope 3 category, site and
// project with N-1, the expectation (default prior × activity change, or the auditor's entered value), actual,
// difference and the threshold from the performance materiality of the engagement covering the period
// (lib/assurance/analytics.ts). Figures from the rollups (a few hundred rows for millions of lines).
import { z } from "zod";
import { authorize, type ServiceContext } from "../../../auth/context";
import { prisma } from "../../../db/client";
import { inOrg } from "../../../db/scope";
import { defaultExpectation, variance, type UnitFigures } from "../../../assurance/analytics";
import { Dec, ZERO, dec, text } from "../../../ghg/decimal";
import { csvLine } from "../../../ingest/pipeline/bad-rows";
import { parseInput } from "../../../parse-input";
import type { AnalyticReview, AnalyticRow } from "../../../views/assurance-procedures";
import { priorVersion, targetVersion } from "./target-version";

const Input = z.object({ periodId: z.string(), view: z.enum(["lb", "mb"]).default("lb") });

type Dimension = AnalyticRow["dimension"];
/** rowKey → unit → sums */
type Figures = Map<string, Map<string, { q: Dec; kg: Dec }>>;

async function rowFigures(organizationId: string, versionId: string, view: "lb" | "mb"): Promise<Figures> {
  const excluded = view === "lb" ? "MARKET_BASED" : "LOCATION_BASED";
  const rows = await prisma.$queryRaw<{ scope: string; cat: number | null; site_id: string | null; project_id: string | null; unit: string; q: string; kg: string }[]>`
    SELECT r.scope::text AS scope, r.scope3_category AS cat, u.site_id::text, u.project_id::text, r.activity_unit AS unit,
           sum(u.activity_quantity)::text AS q, sum(u.emissions_kg_co2e)::text AS kg
      FROM ledger_rollups u JOIN ledger_resolutions r ON r.id = u.resolution_id AND r.organization_id = u.organization_id
     WHERE u.organization_id = ${organizationId}::uuid AND u.calculation_version_id = ${versionId}::uuid AND r.status = 'RESOLVED' AND r.method::text <> ${excluded}
     GROUP BY 1, 2, 3, 4, 5`;
  const out: Figures = new Map();
  const add = (key: string, unit: string, q: string, kg: string) => {
    const units = out.get(key) ?? new Map<string, { q: Dec; kg: Dec }>();
    const s = units.get(unit) ?? { q: ZERO, kg: ZERO };
    units.set(unit, { q: s.q.plus(q), kg: s.kg.plus(kg) });
    out.set(key, units);
  };
  for (const r of rows) {
    add(`scope:${r.scope}`, r.unit, r.q, r.kg);
    if (r.scope === "SCOPE_3" && r.cat !== null) add(`category:${r.cat}`, r.unit, r.q, r.kg);
    if (r.site_id) add(`site:${r.site_id}`, r.unit, r.q, r.kg);
    if (r.project_id) add(`project:${r.project_id}`, r.unit, r.q, r.kg);
  }
  return out;
}

const asUnits = (m: Map<string, { q: Dec; kg: Dec }> | undefined): UnitFigures[] => [...(m ?? new Map()).entries()].map(([unit, s]) => ({ unit, quantity: text(s.q), kgCo2e: text(s.kg) }));

/** The thresholds of the engagements covering the period (the lowest when several do). */
export async function periodThresholds(ctx: ServiceContext, periodId: string): Promise<{ performanceKgCo2e: string; clearlyTrivialKgCo2e: string } | null> {
  const eps = await prisma.engagementPeriod.findMany({ where: { ...inOrg(ctx), periodId, engagement: inOrg(ctx) }, select: { engagement: { select: { performanceMaterialityKgCo2e: true, clearlyTrivialKgCo2e: true } } } });
  if (eps.length === 0) return null;
  const min = (xs: Dec[]) => xs.reduce((a, b) => (b.lt(a) ? b : a));
  return {
    performanceKgCo2e: text(min(eps.map((e) => dec(e.engagement.performanceMaterialityKgCo2e.toFixed())))),
    clearlyTrivialKgCo2e: text(min(eps.map((e) => dec(e.engagement.clearlyTrivialKgCo2e.toFixed())))),
  };
}

const SCOPE_LABEL: Record<string, string> = { SCOPE_1: "Scope 1", SCOPE_2: "Scope 2", SCOPE_3: "Scope 3" };
const DIM_ORDER: Dimension[] = ["scope", "category", "site", "project"];

export async function getAnalyticalReview({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<AnalyticReview> {
  authorize(ctx, "report:read");
  const t = await targetVersion(ctx, input);
  const q = parseInput(Input, input);
  const prior = await priorVersion(ctx, t);
  const [now, before, thresholds, stored] = await Promise.all([
    rowFigures(ctx.organization.id, t.calculationVersionId, q.view),
    prior ? rowFigures(ctx.organization.id, prior.calculationVersionId, q.view) : Promise.resolve(null),
    periodThresholds(ctx, t.period.id),
    prisma.analyticReviewRow.findMany({ where: { ...inOrg(ctx), periodId: t.period.id, view: q.view } }),
  ]);
  const storedByKey = new Map(stored.map((s) => [s.rowKey, s]));
  const keys = [...new Set([...now.keys(), ...(before?.keys() ?? [])])];
  const ids = (dim: string) => keys.filter((k) => k.startsWith(`${dim}:`)).map((k) => k.slice(dim.length + 1));
  const [sites, projects] = await Promise.all([
    prisma.site.findMany({ where: { ...inOrg(ctx), id: { in: ids("site") } }, select: { id: true, name: true } }),
    prisma.project.findMany({ where: { ...inOrg(ctx), id: { in: ids("project") } }, select: { id: true, name: true } }),
  ]);
  const names = new Map<string, string>([...sites.map((s) => [`site:${s.id}`, `Site ${s.name}`] as const), ...projects.map((p) => [`project:${p.id}`, `Project ${p.name}`] as const)]);
  const rows = keys.map((rowKey): AnalyticRow => {
    const dimension = rowKey.split(":")[0] as Dimension;
    const id = rowKey.slice(dimension.length + 1);
    const label = dimension === "scope" ? SCOPE_LABEL[id] : dimension === "category" ? `Scope 3, category ${id}` : (names.get(rowKey) ?? rowKey);
    const current = asUnits(now.get(rowKey));
    const actual = text(current.reduce((s, u) => s.plus(u.kgCo2e), ZERO));
    const def = defaultExpectation({ current, prior: before ? asUnits(before.get(rowKey)) : null });
    const s = storedByKey.get(rowKey);
    const entered = s?.expectationKgCo2e ? s.expectationKgCo2e.toFixed() : null;
    const expectation = entered !== null ? text(dec(entered)) : def.expectationKgCo2e;
    const v = variance(actual, expectation, thresholds);
    return {
      rowKey, dimension, label, priorKgCo2e: def.priorKgCo2e, expectationKgCo2e: expectation, expectationSource: entered !== null ? "ENTERED" : expectation !== null ? "DEFAULT" : "NONE",
      expectationNote: s?.expectationNote ?? null, activityRatio: def.activityRatio, actualKgCo2e: actual, ...v,
      explanation: s?.explanation ?? null, inquiryId: s?.inquiryId ?? null, evidenceFileId: s?.evidenceFileId ?? null,
      needsExplanation: v.status === "FLAGGED" && !s?.explanation,
    };
  });
  rows.sort((a, b) => DIM_ORDER.indexOf(a.dimension) - DIM_ORDER.indexOf(b.dimension) || a.label.localeCompare(b.label, "en", { numeric: true }));
  return {
    period: { id: t.period.id, name: t.period.name }, reportVersionNumber: t.reportVersionNumber, priorPeriod: prior?.periodName ?? null, view: q.view,
    performanceMaterialityKgCo2e: thresholds?.performanceKgCo2e ?? null, clearlyTrivialKgCo2e: thresholds?.clearlyTrivialKgCo2e ?? null, rows,
  };
}

export function analyticalReviewCsv(r: AnalyticReview): string {
  const head = ["period", "view", "row", "label", "prior_kg_co2e", "expectation_kg_co2e", "expectation_source", "expectation_note", "activity_ratio", "actual_kg_co2e", "difference_kg_co2e", "difference_percent", "threshold_kg_co2e", "clearly_trivial_kg_co2e", "status", "explanation", "inquiry_id", "evidence_file_id"];
  return [csvLine(head), ...r.rows.map((x) => csvLine([r.period.name, r.view, x.rowKey, x.label, x.priorKgCo2e, x.expectationKgCo2e, x.expectationSource, x.expectationNote, x.activityRatio, x.actualKgCo2e, x.differenceKgCo2e, x.differencePercent, r.performanceMaterialityKgCo2e, r.clearlyTrivialKgCo2e, x.status, x.explanation, x.inquiryId, x.evidenceFileId]))].join("");
}
