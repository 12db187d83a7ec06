// Tracker runs, set-based: millions of runs share a few distinct keys (where they ran, month, site PUE). One scan
// groups the period's runs by their raw columns (cloud, provider, region, country, site, PUE 1 or not, energy or not,
// month, project); the rules of lib/ghg are applied once per group (runTemplates), and Postgres multiplies
// energy × factor for every run in one INSERT … SELECT that joins runs to their templates on those raw columns
// (numeric multiplication is exact). Runs the rules need one by one — cloud runs covered by a provider export
// (allocation, reconciliation) and own-hardware runs in a market with contractual instruments (allocation order) —
// go through lib/ghg with the rest. test/integration/run-lines-sql.test.ts proves both paths give identical lines.
import { createHash } from "node:crypto";
import type { Tx } from "../../../db/client";
import { Prisma } from "../../../generated/prisma/client";
import { dec, text } from "../../../ghg/decimal";
import type { RunInput, SiteInput } from "../../../ghg/inputs";
import { FactorIndex } from "../../../ghg/resolve-factor";
import { runKeyOf, runTemplates, type LineTemplate } from "../../../ghg/run-keys";
import { monthOf, num } from "./load-calculation-input";
import { withParallelPlans } from "./version-table";

export interface RunScope {
  organizationId: string;
  from: string;
  to: string;
  /** Project × month × provider covered by counted provider rows ("CCF" covers every provider). */
  covered: { projectId: string; month: string; provider: string }[];
  /** Markets with at least one contractual instrument of the organization. */
  instrumentMarkets: string[];
}

const NO_SITE = "00000000-0000-0000-0000-000000000000";

/** The raw columns runs are grouped and joined by ('' / NO_SITE for NULL: hash joins need equality). */
interface RawKey {
  onCloud: boolean;
  provider: string;
  region: string;
  country: string;
  site: string;
  pueOne: boolean;
  hasEnergy: boolean;
  month: string;
}

interface RunGroup extends RawKey {
  projectId: string;
  runs: number;
  energyKwh: string;
  hash: string;
}

/** When a run counts: its last measurement, else its start, else when it was recorded. */
const runTime = Prisma.sql`coalesce(r.last_measured_at, r.started_at, r.created_at)`;
const runMonth = Prisma.sql`date_trunc('month', ${runTime})::date`;

const inPeriod = (s: RunScope) => Prisma.sql`
  r.organization_id = ${s.organizationId}::uuid AND ${runTime} >= ${s.from}::date AND ${runTime} < ${s.to}::date + 1`;

/** The raw key of a run `r`, as expressions and the names groupRuns gives them (RawKey's fields, in order). */
const RAW_KEY: [Prisma.Sql, string][] = [
  [Prisma.sql`coalesce(r.on_cloud, false)`, "on_cloud"],
  [Prisma.sql`coalesce(r.cloud_provider, '')`, "provider"],
  [Prisma.sql`coalesce(r.cloud_region, '')`, "region"],
  [Prisma.sql`coalesce(r.country_iso_code, '')::text`, "country"],
  [Prisma.sql`coalesce(r.site_id, ${NO_SITE}::uuid)`, "site"],
  [Prisma.sql`coalesce(r.pue = 1, false)`, "pue_one"],
  [Prisma.sql`r.energy_kwh IS NOT NULL`, "has_energy"],
  [runMonth, "month"],
];
const rawColumns = Prisma.join(RAW_KEY.map(([e]) => e));

/**
 * The period's runs grouped by raw key and project: count, energy and a sum of per-run hashes (the fingerprint that
 * makes an unchanged recalculation write nothing). One parallel scan with a hash aggregate (the planner cannot
 * estimate the period filter and would otherwise sort every run).
 */
async function groupRuns(tx: Tx, s: RunScope): Promise<RunGroup[]> {
  await tx.$queryRaw`SELECT set_config('enable_sort', 'off', true)`;
  const rows = await withParallelPlans(tx, () => tx.$queryRaw<{ on_cloud: boolean; provider: string; region: string; country: string; site: string; pue_one: boolean; has_energy: boolean; month: Date; project_id: string; n: bigint; e: string | null; h: string }[]>`
    SELECT ${Prisma.join(RAW_KEY.map(([e, name]) => Prisma.sql`${e} AS ${Prisma.raw(name)}`))}, r.project_id, count(*) AS n, sum(r.energy_kwh)::text AS e,
           sum(uuid_hash_extended(r.id, 1) # uuid_hash_extended(r.project_id, 2) # coalesce(uuid_hash_extended(r.first_import_id, 3), 0)
               # coalesce(hash_numeric_extended(r.energy_kwh, 5), 0))::text AS h
      FROM runs r WHERE ${inPeriod(s)}
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`);
  await tx.$queryRaw`SELECT set_config('enable_sort', 'on', true)`;
  return rows
    .map((r) => ({
      onCloud: r.on_cloud, provider: r.provider, region: r.region, country: r.country, site: r.site, pueOne: r.pue_one, hasEnergy: r.has_energy, month: monthOf(r.month),
      projectId: r.project_id, runs: Number(r.n), energyKwh: num(r.e) ?? "0", hash: r.h,
    }))
    .sort((a, b) => (groupKey(a) < groupKey(b) ? -1 : groupKey(a) > groupKey(b) ? 1 : 0));
}

const rawKeyText = (k: RawKey) => JSON.stringify([k.onCloud, k.provider, k.region, k.country, k.site, k.pueOne, k.hasEnergy, k.month]);
const groupKey = (g: RunGroup) => `${rawKeyText(g)}|${g.projectId}`;

/** A run of the raw key, as lib/ghg sees it (for runKeyOf: the key follows from these columns and the site). */
function sampleRun(k: RawKey): RunInput {
  return {
    id: "", projectId: "", importId: null, siteId: k.site === NO_SITE ? null : k.site, month: k.month, energyKwh: k.hasEnergy ? "1" : null, pue: k.pueOne ? "1" : null,
    trackerEmissionsKgCo2e: null, onCloud: k.onCloud, cloudProvider: k.provider || null, cloudRegion: k.region || null, countryIsoCode: k.country || null,
  };
}

export interface FastTemplate {
  raw: RawKey;
  /** Energy × multiplier = the line's quantity (the site PUE for runs recorded with PUE 1, else 1). */
  multiplier: string;
  t: LineTemplate;
}

export interface FastRunPlan {
  scope: RunScope;
  templates: FastTemplate[];
  /** Rollups of the fast runs' lines, per template index (set to resolution ids when written). */
  rollups: { template: number; projectId: string; siteId: string | null; month: string; lines: number; activityQuantity: string; emissionsKgCo2e: string }[];
  /** Raw keys × projects going through lib/ghg one by one. */
  slow: RunGroup[];
  /** sha256 over the fast runs' inputs and templates: part of the version's hash (idempotence). */
  sha256: string;
  runs: number;
}

/**
 * Groups the period's runs (one scan), applies the rules once per raw key, and splits the groups into fast (set-based
 * lines) and slow (one by one through lib/ghg).
 */
export async function planRuns(tx: Tx, s: RunScope, index: FactorIndex, sites: SiteInput[]): Promise<FastRunPlan> {
  const groups = await groupRuns(tx, s);
  const siteById = new Map(sites.map((x) => [x.id, x]));
  const covered = new Set(s.covered.map((c) => `${c.projectId}|${c.month}|${c.provider}`));
  const instrumentMarkets = new Set(s.instrumentMarkets);
  const templates: FastTemplate[] = [];
  const templateOf = new Map<string, { main: number; mb: number | null }>();
  const plan: FastRunPlan = { scope: s, templates, rollups: [], slow: [], sha256: "", runs: 0 };
  const h = createHash("sha256");
  for (const g of groups) {
    const run = sampleRun(g);
    const key = runKeyOf(run, run.siteId ? siteById.get(run.siteId) : undefined);
    const provider = g.provider.toUpperCase();
    const slow = g.onCloud
      ? covered.has(`${g.projectId}|${g.month}|CCF`) || covered.has(`${g.projectId}|${g.month}|${provider}`)
      : key.market !== null && instrumentMarkets.has(key.market);
    if (slow) {
      plan.slow.push(g);
      continue;
    }
    const raw = rawKeyText(g);
    let tpl = templateOf.get(raw);
    if (!tpl) {
      const { main, uncoveredMb } = runTemplates(key, index);
      const multiplier = key.sitePue ?? "1";
      templates.push({ raw: g, multiplier, t: main });
      tpl = { main: templates.length - 1, mb: null };
      if (uncoveredMb && key.hasEnergy) {
        templates.push({ raw: g, multiplier, t: uncoveredMb });
        tpl.mb = templates.length - 1;
      }
      templateOf.set(raw, tpl);
    }
    const quantity = text(dec(g.energyKwh).times(templates[tpl.main].multiplier));
    for (const i of [tpl.main, tpl.mb]) {
      if (i === null) continue;
      const t = templates[i].t;
      const kg = t.status === "RESOLVED" && t.factorValue !== null ? text(dec(quantity).times(t.factorValue)) : "0";
      plan.rollups.push({ template: i, projectId: g.projectId, siteId: g.site === NO_SITE ? null : g.site, month: g.month, lines: g.runs, activityQuantity: quantity, emissionsKgCo2e: kg });
    }
    plan.runs += g.runs;
    h.update(`${groupKey(g)}|${g.runs}|${g.energyKwh}|${g.hash}|${tpl.main}|${tpl.mb}\n`);
  }
  h.update(JSON.stringify(templates.map((x) => [x.multiplier, x.t])));
  plan.sha256 = h.digest("hex");
  return plan;
}

/** Runs that go through lib/ghg one by one: those of the plan's slow groups. */
export async function slowRuns(tx: Tx, plan: FastRunPlan): Promise<RunInput[]> {
  if (plan.slow.length === 0) return [];
  const g = plan.slow;
  const rows = await tx.$queryRaw<{ id: string; project_id: string; first_import_id: string | null; site_id: string | null; month: Date; energy: string | null; pue: string | null; on_cloud: boolean; cloud_provider: string | null; cloud_region: string | null; country_iso_code: string | null }[]>`
    SELECT r.id, r.project_id, r.first_import_id, r.site_id, ${runMonth} AS month,
           r.energy_kwh::text AS energy, r.pue::text AS pue, coalesce(r.on_cloud, false) AS on_cloud, r.cloud_provider, r.cloud_region, r.country_iso_code
      FROM runs r
      JOIN unnest(${g.map((x) => x.onCloud)}::boolean[], ${g.map((x) => x.provider)}::text[], ${g.map((x) => x.region)}::text[], ${g.map((x) => x.country)}::text[],
                  ${g.map((x) => x.site)}::uuid[], ${g.map((x) => x.pueOne)}::boolean[], ${g.map((x) => x.hasEnergy)}::boolean[], ${g.map((x) => x.month)}::date[],
                  ${g.map((x) => x.projectId)}::uuid[]) AS t(on_cloud, provider, region, country, site, pue_one, has_energy, month, project_id)
        ON (${rawColumns}, r.project_id) = (t.on_cloud, t.provider, t.region, t.country, t.site, t.pue_one, t.has_energy, t.month, t.project_id)
     WHERE ${inPeriod(plan.scope)}`;
  return rows.map((r) => ({
    id: r.id, projectId: r.project_id, importId: r.first_import_id, siteId: r.site_id, month: monthOf(r.month), energyKwh: num(r.energy), pue: num(r.pue),
    trackerEmissionsKgCo2e: null, onCloud: r.on_cloud, cloudProvider: r.cloud_provider, cloudRegion: r.cloud_region, countryIsoCode: r.country_iso_code,
  }));
}

/**
 * The fast runs' lines as a SELECT of ledger_lines' columns (version-table.ts creates the version's table from it):
 * runs joined to their templates on the raw columns, quantity = energy × multiplier, emissions = quantity × factor.
 */
export function fastRunLines(plan: FastRunPlan, ids: { versionId: string; resolutionIds: number[] }): Prisma.Sql {
  const t = plan.templates;
  const columns = (q: Prisma.Sql) => Prisma.sql`${plan.scope.organizationId}::uuid AS organization_id, ${ids.versionId}::uuid AS calculation_version_id, ${q}`;
  if (plan.runs === 0 || t.length === 0) {
    return Prisma.sql`SELECT ${columns(Prisma.sql`NULL::int AS resolution_id, NULL::uuid AS source_record_id, NULL::uuid AS import_id, NULL::uuid AS project_id, NULL::uuid AS site_id,
                                                   NULL::date AS month, NULL::numeric AS activity_quantity, NULL::numeric AS emissions_kg_co2e`)} WHERE false`;
  }
  const col = <T>(f: (x: FastTemplate, i: number) => T) => t.map(f);
  // Covered cloud runs share a raw key with uncovered ones of other projects or months: excluded by project × month
  // × provider, the rule planRuns applied to their groups.
  const c = plan.scope.covered;
  return Prisma.sql`
    SELECT ${columns(Prisma.sql`t.resolution_id, r.id AS source_record_id, r.first_import_id AS import_id, r.project_id, r.site_id, t.month, q.qty AS activity_quantity,
           CASE WHEN t.factor_value IS NOT NULL THEN q.qty * t.factor_value END AS emissions_kg_co2e`)}
      FROM runs r
      JOIN unnest(${col((x) => x.raw.onCloud)}::boolean[], ${col((x) => x.raw.provider)}::text[], ${col((x) => x.raw.region)}::text[], ${col((x) => x.raw.country)}::text[],
                  ${col((x) => x.raw.site)}::uuid[], ${col((x) => x.raw.pueOne)}::boolean[], ${col((x) => x.raw.hasEnergy)}::boolean[], ${col((x) => x.raw.month)}::date[],
                  ${col((_, i) => ids.resolutionIds[i])}::int[], ${col((x) => (x.t.status === "RESOLVED" ? x.t.factorValue : null))}::numeric[], ${col((x) => x.multiplier)}::numeric[])
           AS t(on_cloud, provider, region, country, site, pue_one, has_energy, month, resolution_id, factor_value, multiplier)
        ON (${rawColumns}) = (t.on_cloud, t.provider, t.region, t.country, t.site, t.pue_one, t.has_energy, t.month)
      CROSS JOIN LATERAL (SELECT coalesce(trim_scale(r.energy_kwh * t.multiplier), 0) AS qty) q
     WHERE ${inPeriod(plan.scope)}
       ${c.length === 0 ? Prisma.empty : Prisma.sql`AND NOT (t.on_cloud AND EXISTS (
             SELECT 1 FROM unnest(${c.map((x) => x.projectId)}::uuid[], ${c.map((x) => x.month)}::date[], ${c.map((x) => x.provider)}::text[]) AS c(project_id, month, provider)
              WHERE c.project_id = r.project_id AND c.month = t.month AND (c.provider = 'CCF' OR c.provider = upper(t.provider))))`}`;
}
