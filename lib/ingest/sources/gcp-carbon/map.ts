// One row of a Google Cloud Carbon Footprint export → a provider record, or row errors. Pure; never throws.
// Scope 2 market-based is empty before 2023: kept empty (null), never 0. Totals are checked against the scopes
// (location-based = scope 1 + scope 2 LB + scope 3; market-based likewise) and flagged, not fixed.
import type { Cells, MapResult } from "../cloud/columns";
import { withHashes } from "../cloud/record";
import { RowProblems, dateCell, isoDate, nextMonth, quantity, totalsDiffer, versionRank } from "../cloud/values";

const text = (v: string | null | undefined) => (v === null || v === undefined || v.trim() === "" ? null : v.trim());

export function mapGcpRow(cells: Cells, rowNumber: number): MapResult {
  const p = new RowProblems(rowNumber);
  const month = dateCell(cells("usage_month"), "usage_month", p);
  if (month && month.day !== 1) p.add("usage_month", cells("usage_month") ?? null, "must be the first day of a month (the export is monthly)");
  const billingAccountId = text(cells("billing_account_id"));
  if (!billingAccountId) p.add("billing_account_id", null, "a billing account id is required");
  const versionText = text(cells("carbon_model_version"));
  if (!versionText) p.add("carbon_model_version", null, "a model version is required (it orders restatements)");
  else if (!/^\d{1,9}$/.test(versionText)) p.add("carbon_model_version", versionText, "not a whole number");
  const scope1 = quantity(cells("scope1"), "carbon_footprint_kgCO2e.scope1", p);
  const scope2Lb = quantity(cells("scope2_lb"), "carbon_footprint_kgCO2e.scope2.location_based", p);
  const scope2Mb = quantity(cells("scope2_mb"), "carbon_footprint_kgCO2e.scope2.market_based", p);
  const scope3 = quantity(cells("scope3"), "carbon_footprint_kgCO2e.scope3", p);
  const totalLb = quantity(cells("total_lb"), "carbon_footprint_total_kgCO2e.location_based", p);
  const totalMb = quantity(cells("total_mb"), "carbon_footprint_total_kgCO2e.market_based", p);
  if (!p.errors.length && scope1 === null && scope2Lb === null && scope2Mb === null && scope3 === null && totalLb === null && totalMb === null)
    p.add("carbon_footprint_total_kgCO2e.location_based", null, "the row states no emissions at all");
  if (p.errors.length || !month || !billingAccountId || !versionText) return { errors: p.errors };

  const service = text(cells("service_description"));
  const record = withHashes(
    {
      rowNumber,
      versionRank: versionRank(versionText),
      provider: "GCP",
      nature: "PROVIDER_REPORTED",
      billingAccountId,
      accountId: null,
      cloudProjectId: text(cells("project_id")) ?? text(cells("project_number")),
      service,
      location: text(cells("location")),
      region: text(cells("region")),
      periodStart: isoDate(month),
      periodEnd: nextMonth(month),
      modelVersion: versionText,
      refreshedAt: null,
      energyKwh: null,
      scope1KgCo2e: scope1,
      scope2LbKgCo2e: scope2Lb,
      scope2MbKgCo2e: scope2Mb,
      scope3KgCo2e: scope3,
      scope3LbKgCo2e: null,
      scope3MbKgCo2e: null,
      totalLbKgCo2e: totalLb,
      totalMbKgCo2e: totalMb,
      totalsMismatch: totalsDiffer(totalLb, [scope1, scope2Lb, scope3]) || totalsDiffer(totalMb, [scope1, scope2Mb, scope3]),
      sourceUnit: "kgCO2e",
      tags: null,
    },
    { service: text(cells("service_id")) ?? service },
  );
  return { record };
}
