// The dashboard's sums: a version's rollups (per resolution × project × site × month, decision 0019) joined to their
// resolutions, in one method's view, grouped by one dimension and summed in SQL as exact numeric (text out; never a
// float). The dimension expressions below are also what the ledger lines page filters on (get-ledger-lines.ts), so a
// bar and the lines it opens are the same set by construction. Every query carries the organization in its WHERE,
// on every joined table too.
import type { Db } from "../../../db/client";
import { Prisma } from "../../../generated/prisma/client";
import type { LedgerSource } from "../../../generated/prisma/enums";
import type { DashboardMethod, DashboardSource } from "../../../views/dashboard";

/** Ledger source kinds per dashboard source (tracker runs, provider exports, activity data). */
export const SOURCE_KINDS: Record<DashboardSource, LedgerSource[]> = {
  tracker: ["RUN", "MEASUREMENT"],
  provider: ["PROVIDER_RECORD"],
  activity: ["ACTIVITY", "INSTRUMENT"],
};

/** Lines counted in a method's figure: LB excludes market-based lines, MB location-based ones (decision 0014). */
export const methodExcludes = (method: DashboardMethod): "MARKET_BASED" | "LOCATION_BASED" => (method === "location" ? "MARKET_BASED" : "LOCATION_BASED");

const SOURCE_KEY = Prisma.raw(
  `CASE ${Object.entries(SOURCE_KINDS).map(([k, kinds]) => `WHEN r.source_kind::text IN (${kinds.map((x) => `'${x}'`).join(", ")}) THEN '${k}'`).join(" ")} END`,
);

/**
 * Where a line's emissions arise: its site's country, else the grid its factor names (a country, a cloud region, a
 * grid region); "none" for lines that name neither (provider exports — their rows' regions are not in the ledger —,
 * supplier rates, fuels). Needs `s` (the site) and `f` (the factor) joined as in FROM_ROLLUPS.
 */
export const LOCATION_KEY = Prisma.raw(`CASE
  WHEN s.country_iso_code IS NOT NULL THEN 'country:' || s.country_iso_code
  WHEN f.key_type::text = 'COUNTRY' THEN 'country:' || f.key
  WHEN f.key_type::text = 'CLOUD_REGION' THEN 'cloud-region:' || f.key
  WHEN f.key_type::text = 'GRID_REGION' THEN 'grid-region:' || f.key
  ELSE 'none' END`);

/** The rollups of some versions of the organization with their resolution, site, factor (and `join`). */
export function fromRollups(organizationId: string, versionIds: string[], method: DashboardMethod | undefined, join: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`
      FROM ledger_rollups u
      JOIN ledger_resolutions r ON r.id = u.resolution_id AND r.organization_id = u.organization_id AND r.calculation_version_id = u.calculation_version_id
      LEFT JOIN sites s ON s.id = u.site_id AND s.organization_id = u.organization_id
      LEFT JOIN emission_factors f ON f.id = r.factor_id AND (f.organization_id IS NULL OR f.organization_id = u.organization_id)
      ${join}
     WHERE u.organization_id = ${organizationId}::uuid AND u.calculation_version_id = ANY(${versionIds}::uuid[])
       ${method ? Prisma.sql`AND r.method::text <> ${methodExcludes(method)}` : Prisma.empty}`;
}

/** Σ kg CO2e of resolved lines (unresolved rollups carry 0 anyway), exact numeric. */
export const KG = Prisma.sql`coalesce(sum(u.emissions_kg_co2e) FILTER (WHERE r.status::text = 'RESOLVED'), 0)`;
/** The exact sum as text and Σ lines (resolved and unresolved). */
const SUMS = Prisma.sql`${KG}::text AS kg, coalesce(sum(u.lines), 0)::bigint AS lines`;

export type Dimension = "month-scope" | "category" | "project" | "site" | "source" | "location";

interface DimensionSql {
  /** key1, key2 (text or null), label (text or null); grouped by key1 and key2. */
  select: Prisma.Sql;
  join?: Prisma.Sql;
  where?: Prisma.Sql;
  order: Prisma.Sql;
}

const DIMENSIONS: Record<Dimension, DimensionSql> = {
  "month-scope": { select: Prisma.sql`to_char(u.month, 'YYYY-MM') AS key1, r.scope::text AS key2, NULL::text AS label`, order: Prisma.sql`1, 2` },
  category: { select: Prisma.sql`r.scope3_category::text AS key1, NULL::text AS key2, NULL::text AS label`, where: Prisma.sql`AND r.scope::text = 'SCOPE_3'`, order: Prisma.sql`min(r.scope3_category) NULLS LAST` },
  project: {
    select: Prisma.sql`u.project_id::text AS key1, NULL::text AS key2, min(p.name) AS label`,
    join: Prisma.sql`LEFT JOIN projects p ON p.id = u.project_id AND p.organization_id = u.organization_id`,
    order: Prisma.sql`${KG} DESC, 3`,
  },
  site: { select: Prisma.sql`u.site_id::text AS key1, NULL::text AS key2, min(s.name) AS label`, order: Prisma.sql`${KG} DESC, 3` },
  source: { select: Prisma.sql`${SOURCE_KEY} AS key1, NULL::text AS key2, NULL::text AS label`, order: Prisma.sql`${KG} DESC, 1` },
  location: { select: Prisma.sql`${LOCATION_KEY} AS key1, NULL::text AS key2, NULL::text AS label`, order: Prisma.sql`${KG} DESC, 1` },
};

export interface DimensionRow {
  key1: string | null;
  key2: string | null;
  label: string | null;
  kg: string;
  lines: bigint;
}

/** One version's sums by one dimension, in one method's view. */
export async function sumsBy(db: Db, organizationId: string, versionId: string, method: DashboardMethod, dimension: Dimension): Promise<DimensionRow[]> {
  const d = DIMENSIONS[dimension];
  return db.$queryRaw<DimensionRow[]>`
    SELECT ${d.select}, ${SUMS}
    ${fromRollups(organizationId, [versionId], method, d.join)} ${d.where ?? Prisma.empty}
     GROUP BY 1, 2 ORDER BY ${d.order}`;
}

export interface MoverRow {
  scope: string;
  cat: number | null;
  source: string;
  kg: string;
  prev_kg: string;
  delta: string;
}

/** Σ kg CO2e per (scope, Scope 3 category, source) of two versions side by side, the changed groups by delta. */
export async function sumsAgainst(db: Db, organizationId: string, versionId: string, previousVersionId: string, method: DashboardMethod): Promise<MoverRow[]> {
  const cur = Prisma.sql`coalesce(sum(u.emissions_kg_co2e) FILTER (WHERE r.status::text = 'RESOLVED' AND u.calculation_version_id = ${versionId}::uuid), 0)`;
  const prev = Prisma.sql`coalesce(sum(u.emissions_kg_co2e) FILTER (WHERE r.status::text = 'RESOLVED' AND u.calculation_version_id = ${previousVersionId}::uuid), 0)`;
  return db.$queryRaw<MoverRow[]>`
    SELECT r.scope::text AS scope, r.scope3_category AS cat, ${SOURCE_KEY} AS source, ${cur}::text AS kg, ${prev}::text AS prev_kg, (${cur} - ${prev})::text AS delta
    ${fromRollups(organizationId, [versionId, previousVersionId], method)}
     GROUP BY 1, 2, 3 HAVING ${cur} <> ${prev} ORDER BY ${cur} - ${prev} DESC, 1, 2, 3`;
}

/** The (resolution, site) pairs of a version whose lines are at `location` (LOCATION_KEY): what the lines page reads. */
export async function locationPairs(db: Db, organizationId: string, versionId: string, location: string): Promise<{ resolutionId: number; siteId: string | null }[]> {
  const rows = await db.$queryRaw<{ resolution_id: number; site_id: string | null }[]>`
    SELECT DISTINCT u.resolution_id, u.site_id::text AS site_id ${fromRollups(organizationId, [versionId], undefined)} AND ${LOCATION_KEY} = ${location}
     ORDER BY 1, 2`;
  return rows.map((r) => ({ resolutionId: r.resolution_id, siteId: r.site_id }));
}
