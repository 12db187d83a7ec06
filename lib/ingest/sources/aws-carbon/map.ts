// One row of an AWS carbon emissions export → a provider record, or row errors. Pure; never throws.
// Every value is converted to kg by the unit its own row states (MTCO2e × 1000, exactly); an unknown unit is a
// row error. Totals are checked against the scope split when the file has it. A row is superseded by a later
// refresh (last_refresh_timestamp, then model_version) of the same account × product × region × period.
import type { Cells, MapContext, MapResult } from "../cloud/columns";
import { instant, requiredText, text } from "../cloud/cells";
import { NO_SCOPE_SPLIT, withHashes } from "../cloud/record";
import { RowProblems, dateCell, isoDate, nextMonth, quantityKg, totalsDiffer, versionRank } from "../cloud/values";

function kg(cells: Cells, key: string, column: string, p: RowProblems, ctx: MapContext): string | null {
  const unit = text(cells(`${key}_unit`));
  if (unit) ctx.units.add(unit);
  return quantityKg(cells(`${key}_value`), `${column}_value`, unit, `${column}_unit`, p);
}

export function mapAwsRow(cells: Cells, rowNumber: number, ctx: MapContext): MapResult {
  const p = new RowProblems(rowNumber);
  const refreshedAt = instant(cells("last_refresh_timestamp"), "last_refresh_timestamp", p);
  const modelVersion = requiredText(cells("model_version"), "model_version", p, "a model version");
  const payer = requiredText(cells("payer_account_id"), "payer_account_id", p, "a payer account id");
  const usage = requiredText(cells("usage_account_id"), "usage_account_id", p, "a usage account id");
  const start = dateCell(cells("usage_period_start"), "usage_period_start", p);
  const end = dateCell(cells("usage_period_end"), "usage_period_end", p);
  if (start && end && isoDate(end) <= isoDate(start)) p.add("usage_period_end", cells("usage_period_end") ?? null, "must be after usage_period_start");
  const totalLb = kg(cells, "total_lbm", "total_lbm_emissions", p, ctx);
  const totalMb = kg(cells, "total_mbm", "total_mbm_emissions", p, ctx);
  const scope1 = kg(cells, "scope1", "total_scope_1_emissions", p, ctx);
  const scope2Lb = kg(cells, "scope2_lbm", "total_scope_2_lbm_emissions", p, ctx);
  const scope2Mb = kg(cells, "scope2_mbm", "total_scope_2_mbm_emissions", p, ctx);
  const scope3Lb = kg(cells, "scope3_lbm", "total_scope_3_lbm_emissions", p, ctx);
  const scope3Mb = kg(cells, "scope3_mbm", "total_scope_3_mbm_emissions", p, ctx);
  if (!p.errors.length && totalLb === null && totalMb === null) p.add("total_lbm_emissions_value", null, "the row states no emissions at all");
  if (p.errors.length || !refreshedAt || !modelVersion || !payer || !usage || !start || !end) return { errors: p.errors };

  const split = scope1 !== null || scope2Lb !== null || scope2Mb !== null;
  const hasScope3 = cells("scope3_lbm_value") !== undefined;
  const units = [...new Set([cells("total_lbm_unit"), cells("total_mbm_unit")].map(text).filter(Boolean))];
  return {
    record: withHashes({
      rowNumber,
      versionRank: `${refreshedAt}|${versionRank(modelVersion)}`,
      provider: "AWS",
      nature: "PROVIDER_REPORTED",
      billingAccountId: payer,
      accountId: usage,
      cloudProjectId: null,
      service: text(cells("product_code")),
      location: text(cells("location")),
      region: text(cells("region_code")),
      periodStart: isoDate(start),
      periodEnd: isoDate(end),
      modelVersion,
      refreshedAt,
      energyKwh: null,
      scope1KgCo2e: scope1,
      scope2LbKgCo2e: scope2Lb,
      scope2MbKgCo2e: scope2Mb,
      scope3KgCo2e: null,
      scope3LbKgCo2e: scope3Lb,
      scope3MbKgCo2e: scope3Mb,
      totalLbKgCo2e: totalLb,
      totalMbKgCo2e: totalMb,
      totalsMismatch:
        split &&
        (totalsDiffer(totalLb, hasScope3 ? [scope1, scope2Lb, scope3Lb] : [scope1, scope2Lb]) ||
          totalsDiffer(totalMb, hasScope3 ? [scope1, scope2Mb, scope3Mb] : [scope1, scope2Mb])),
      sourceUnit: units.join(", ") || null,
      tags: null,
    }),
  };
}

/** The retired Customer Carbon Footprint Tool CSV: monthly, market-based only, tonnes (strings). */
export function mapCcftRow(cells: Cells, rowNumber: number, ctx: MapContext): MapResult {
  const p = new RowProblems(rowNumber);
  const account = requiredText(cells("accountId"), "accountId", p, "an account id");
  const product = requiredText(cells("paceProductCode"), "paceProductCode", p, "a product code");
  const month = dateCell(cells("startDate"), "startDate", p);
  if (month && month.day !== 1) p.add("startDate", cells("startDate") ?? null, "must be the first day of a month (the tool is monthly)");
  ctx.units.add("MTCO2e");
  const totalMb = quantityKg(cells("mbmCarbon"), "mbmCarbon", "MTCO2e", "mbmCarbon", p);
  if (!p.errors.length && totalMb === null) p.add("mbmCarbon", null, "the row states no emissions");
  if (p.errors.length || !account || !product || !month) return { errors: p.errors };
  return {
    record: withHashes({
      rowNumber,
      versionRank: "ccft",
      provider: "AWS",
      nature: "PROVIDER_REPORTED",
      billingAccountId: null,
      accountId: account,
      cloudProjectId: null,
      service: product,
      location: text(cells("regionCode")),
      region: null,
      periodStart: isoDate(month),
      periodEnd: nextMonth(month),
      modelVersion: "Customer Carbon Footprint Tool",
      refreshedAt: null,
      energyKwh: null,
      ...NO_SCOPE_SPLIT,
      totalLbKgCo2e: null,
      totalMbKgCo2e: totalMb,
      totalsMismatch: false,
      sourceUnit: "MTCO2e",
      tags: null,
    }),
  };
}
