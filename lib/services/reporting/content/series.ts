// The version's figures by month, site, project and source kind, from its rollups joined to their resolutions
// (never its lines): exact sums per scope and method, for the report's charts and tables.
import type { Db } from "../../../db/client";
import type { ReportSeriesRow } from "../../../reporting/content";
import { num } from "../../inventory/ledger/load-calculation-input";

type Row = { key: string | null; s1: string | null; s2lb: string | null; s2mb: string | null; s3lb: string | null; s3mb: string | null };

const SOURCE_LABELS: Record<string, string> = { RUN: "Tracker runs", MEASUREMENT: "Tracker runs", PROVIDER_RECORD: "Cloud provider exports", ACTIVITY: "Activity data", INSTRUMENT: "Contractual instruments" };

export async function versionSeries(db: Db, organizationId: string, versionId: string): Promise<{ monthly: ReportSeriesRow[]; bySite: ReportSeriesRow[]; byProject: ReportSeriesRow[]; bySource: ReportSeriesRow[] }> {
  const query = (keySql: "month" | "site" | "project" | "source") =>
    db.$queryRawUnsafe<Row[]>(
      `SELECT ${KEY[keySql]} AS key,
              sum(u.emissions_kg_co2e) FILTER (WHERE r.scope = 'SCOPE_1')::text AS s1,
              sum(u.emissions_kg_co2e) FILTER (WHERE r.scope = 'SCOPE_2' AND r.method <> 'MARKET_BASED')::text AS s2lb,
              sum(u.emissions_kg_co2e) FILTER (WHERE r.scope = 'SCOPE_2' AND r.method <> 'LOCATION_BASED')::text AS s2mb,
              sum(u.emissions_kg_co2e) FILTER (WHERE r.scope = 'SCOPE_3' AND r.method <> 'MARKET_BASED')::text AS s3lb,
              sum(u.emissions_kg_co2e) FILTER (WHERE r.scope = 'SCOPE_3' AND r.method <> 'LOCATION_BASED')::text AS s3mb
         FROM ledger_rollups u
         JOIN ledger_resolutions r ON r.id = u.resolution_id AND r.organization_id = u.organization_id
         LEFT JOIN sites s ON s.id = u.site_id AND s.organization_id = u.organization_id
         LEFT JOIN projects p ON p.id = u.project_id AND p.organization_id = u.organization_id
        WHERE u.organization_id = $1::uuid AND u.calculation_version_id = $2::uuid AND r.status = 'RESOLVED'
        GROUP BY 1 ORDER BY 1`,
      organizationId,
      versionId,
    );
  const [monthly, bySite, byProject, bySource] = await Promise.all([query("month"), query("site"), query("project"), query("source")]);
  const rows = (list: Row[], label: (k: string | null) => string) =>
    list.map((r) => ({
      key: label(r.key),
      scope1KgCo2e: num(r.s1) ?? "0",
      scope2LbKgCo2e: num(r.s2lb) ?? "0",
      scope2MbKgCo2e: num(r.s2mb) ?? "0",
      scope3LbKgCo2e: num(r.s3lb) ?? "0",
      scope3MbKgCo2e: num(r.s3mb) ?? "0",
    }));
  return {
    monthly: rows(monthly, (k) => k ?? "?"),
    bySite: rows(bySite, (k) => k ?? "No site (cloud and trackers)"),
    byProject: rows(byProject, (k) => k ?? "No project"),
    bySource: rows(bySource, (k) => SOURCE_LABELS[k ?? ""] ?? k ?? "?"),
  };
}

const KEY = {
  month: "to_char(u.month, 'YYYY-MM')",
  site: "s.name",
  project: "p.name",
  source: "r.source_kind::text",
} as const;
