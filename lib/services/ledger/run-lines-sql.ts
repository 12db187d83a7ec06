// Tracker runs, set-based: millions of runs share a few distinct keys (where they ran, year, site PUE). The rules
// are applied once per key in lib/ghg (runTemplates), and Postgres multiplies energy × factor for every run in one
// INSERT … SELECT (numeric multiplication is exact). Runs the rules need one by one — cloud runs covered by a provider
// export (allocation, reconciliation) and own-hardware runs in a market with contractual instruments (allocation
// order) — are returned to go through lib/ghg with the rest. test/integration/run-lines-sql.test.ts proves both
// paths give identical lines.
import { createHash } from "node:crypto";
import type { Tx } from "../../db/client";
import { Prisma } from "../../generated/prisma/client";
import type { RunInput } from "../../ghg/inputs";
import { FactorIndex } from "../../ghg/resolve-factor";
import { runTemplates, type LineTemplate, type RunKey } from "../../ghg/run-keys";
import { monthOf, num } from "./load-calculation-input";

export interface RunScope {
  organizationId: string;
  from: string;
  to: string;
  /** Project × month × provider covered by counted provider rows ("CCF" covers every provider). */
  covered: { projectId: string; month: string; provider: string }[];
  /** Markets with at least one contractual instrument of the organization. */
  instrumentMarkets: string[];
}

/** The period's runs with their key, and whether they can go set-based (`fast`). */
export function periodRuns(s: RunScope): Prisma.Sql {
  const projects = s.covered.map((c) => c.projectId);
  const months = s.covered.map((c) => c.month);
  const providers = s.covered.map((c) => c.provider);
  return Prisma.sql`
    SELECT k.*, concat_ws('|', k.on_cloud, coalesce(k.cloud_key, '-'), coalesce(k.grid_region, '-'), coalesce(k.country, '-'), coalesce(k.market, '-'),
                          k.year, coalesce(k.site_pue::text, '-'), k.energy_kwh IS NOT NULL) AS key_text,
           NOT (
             (k.on_cloud AND EXISTS (SELECT 1 FROM unnest(${projects}::uuid[], ${months}::date[], ${providers}::text[]) AS g(project_id, month, provider)
                                      WHERE g.project_id = k.project_id AND g.month = k.month AND (g.provider = 'CCF' OR g.provider = upper(coalesce(k.cloud_provider, '')))))
             OR (NOT k.on_cloud AND coalesce(k.market = ANY(${s.instrumentMarkets}::text[]), false))
           ) AS fast
      FROM (
        SELECT r.id, r.project_id, r.first_import_id, r.site_id, r.energy_kwh, r.pue, r.cloud_provider, r.cloud_region, r.country_iso_code,
               date_trunc('month', coalesce(r.last_measured_at, r.started_at, r.created_at))::date AS month,
               extract(year FROM coalesce(r.last_measured_at, r.started_at, r.created_at))::int AS year,
               coalesce(r.on_cloud, false) AS on_cloud,
               CASE WHEN coalesce(r.on_cloud, false) AND r.cloud_provider IS NOT NULL AND r.cloud_region IS NOT NULL THEN lower(r.cloud_provider || ':' || r.cloud_region) END AS cloud_key,
               s.grid_region,
               upper(coalesce(r.country_iso_code, s.country_iso_code)) AS country,
               coalesce(s.market, upper(coalesce(r.country_iso_code, s.country_iso_code))) AS market,
               CASE WHEN r.energy_kwh IS NOT NULL AND s.pue IS NOT NULL AND r.pue = 1 AND s.pue <> 1 THEN s.pue END AS site_pue
          FROM runs r LEFT JOIN sites s ON s.id = r.site_id AND s.organization_id = r.organization_id
         WHERE r.organization_id = ${s.organizationId}::uuid
           AND coalesce(r.last_measured_at, r.started_at, r.created_at) >= ${s.from}::date
           AND coalesce(r.last_measured_at, r.started_at, r.created_at) < ${s.to}::date + 1
      ) k`;
}

/** Runs that go through lib/ghg one by one. */
export async function slowRuns(tx: Tx, s: RunScope): Promise<RunInput[]> {
  const rows = await tx.$queryRaw<{ id: string; project_id: string; first_import_id: string | null; site_id: string | null; month: Date; energy: string | null; pue: string | null; on_cloud: boolean; cloud_provider: string | null; cloud_region: string | null; country_iso_code: string | null }[]>`
    SELECT id, project_id, first_import_id, site_id, month, energy_kwh::text AS energy, pue::text AS pue, on_cloud, cloud_provider, cloud_region, country_iso_code
      FROM (${periodRuns(s)}) pr WHERE NOT fast`;
  return rows.map((r) => ({
    id: r.id, projectId: r.project_id, importId: r.first_import_id, siteId: r.site_id, month: monthOf(r.month), energyKwh: num(r.energy), pue: num(r.pue),
    trackerEmissionsKgCo2e: null, onCloud: r.on_cloud, cloudProvider: r.cloud_provider, cloudRegion: r.cloud_region, countryIsoCode: r.country_iso_code,
  }));
}

export interface FastRunPlan {
  scope: RunScope;
  templates: { keyText: string; kind: "main" | "mb"; t: LineTemplate }[];
  /** sha256 over the fast runs' inputs and the templates: part of the version's hash (idempotence). */
  sha256: string;
  runs: number;
}

/**
 * The distinct keys of the fast runs, their line templates (rules of lib/ghg), and a fingerprint of the inputs (the
 * number of runs and a sum of hashes of their columns) — in one scan of the runs.
 */
export async function planFastRuns(tx: Tx, s: RunScope, index: FactorIndex): Promise<FastRunPlan> {
  const keys = await tx.$queryRaw<{ key_text: string; on_cloud: boolean; cloud_key: string | null; grid_region: string | null; country: string | null; market: string | null; year: number; site_pue: string | null; has_energy: boolean; n: bigint; h: string }[]>`
    SELECT key_text, on_cloud, cloud_key, grid_region, country, market, year, site_pue::text AS site_pue, energy_kwh IS NOT NULL AS has_energy,
           count(*) AS n, sum(hashtextextended(concat_ws('|', id, project_id, first_import_id, site_id, month, energy_kwh, key_text), 7))::text AS h
      FROM (${periodRuns(s)}) pr WHERE fast
     GROUP BY key_text, on_cloud, cloud_key, grid_region, country, market, year, site_pue, energy_kwh IS NOT NULL ORDER BY key_text`;
  const templates: FastRunPlan["templates"] = [];
  let runs = 0;
  let hashSum = 0n;
  for (const k of keys) {
    const key: RunKey = { onCloud: k.on_cloud, cloudKey: k.cloud_key, gridRegion: k.grid_region, country: k.country, market: k.market, year: k.year, sitePue: num(k.site_pue), hasEnergy: k.has_energy };
    const { main, uncoveredMb } = runTemplates(key, index);
    templates.push({ keyText: k.key_text, kind: "main", t: main });
    if (uncoveredMb && key.hasEnergy) templates.push({ keyText: k.key_text, kind: "mb", t: uncoveredMb });
    runs += Number(k.n);
    hashSum += BigInt(k.h);
  }
  // The same fingerprint as one sum over all runs (as before migration 0009): versions stated earlier keep their hash,
  // so an unchanged closed period is not restated after an upgrade.
  const sha256 = createHash("sha256").update(`${runs}|${runs === 0 ? null : hashSum}|`).update(JSON.stringify(templates)).digest("hex");
  return { scope: s, templates, sha256, runs };
}

/** Writes the fast runs' lines into a version: one INSERT … SELECT joining runs to their key's templates. */
export async function writeFastRunLines(tx: Tx, plan: FastRunPlan, ids: { periodId: string; versionId: string }): Promise<void> {
  if (plan.runs === 0 || plan.templates.length === 0) return;
  const t = plan.templates;
  const col = <T>(f: (x: FastRunPlan["templates"][number]) => T) => t.map(f);
  await tx.$executeRaw`
    INSERT INTO ledger_lines (organization_id, period_id, calculation_version_id, scope, scope3_category, method, status, activity_quantity, activity_unit,
                              factor_id, instrument_id, factor_value, factor_unit, dataset_version, emissions_kg_co2e, source_kind, source_record_id, import_id,
                              project_id, site_id, month, nature, quality_flags, resolution)
    SELECT ${plan.scope.organizationId}::uuid, ${ids.periodId}::uuid, ${ids.versionId}::uuid, tp.scope::"Scope", tp.cat, tp.method::"Scope2Method", tp.status::"LedgerStatus",
           q.qty, 'kWh', tp.factor_id, NULL, tp.factor_value, tp.factor_unit, tp.dataset_version,
           CASE WHEN tp.status = 'RESOLVED' THEN q.qty * tp.factor_value END, 'RUN', pr.id::text, pr.first_import_id, pr.project_id, pr.site_id, pr.month,
           'MEASURED', string_to_array(tp.flags, chr(31)), tp.resolution
      FROM (${periodRuns(plan.scope)}) pr
      CROSS JOIN LATERAL (SELECT coalesce(pr.energy_kwh * coalesce(pr.site_pue, 1), 0) AS qty) q
      JOIN unnest(${col((x) => x.keyText)}::text[], ${col((x) => x.t.scope)}::text[], ${col((x) => x.t.scope3Category)}::smallint[], ${col((x) => x.t.method)}::text[],
                  ${col((x) => x.t.status)}::text[], ${col((x) => x.t.factorId)}::uuid[], ${col((x) => x.t.factorValue)}::numeric[], ${col((x) => x.t.factorUnit)}::text[],
                  ${col((x) => x.t.datasetVersion)}::text[], ${col((x) => x.t.qualityFlags.join("\u001f"))}::text[], ${col((x) => x.t.resolution)}::text[])
           AS tp(key_text, scope, cat, method, status, factor_id, factor_value, factor_unit, dataset_version, flags, resolution)
        ON tp.key_text = pr.key_text
     WHERE pr.fast`;
}
