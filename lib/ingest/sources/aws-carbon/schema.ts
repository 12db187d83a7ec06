// AWS carbon emissions Data Export (formats.md §4; AWS Data Exports "Carbon emissions columns"): per payer and
// usage account × product × region × period, in the unit each *_unit column names (MTCO2e today). Later exports add
// scope-split value/unit pairs; both shapes are read. The retired Customer Carbon Footprint Tool CSV
// (accountId, mbmCarbon, paceProductCode, regionCode, startDate; tonnes, market-based only) is read too.
import type { CloudColumn } from "../cloud/columns";

const pair = (key: string, name: string, required = false): CloudColumn[] => [
  { key: `${key}_value`, names: [`${name}_value`, `${name.replace("_emissions", "")}_value`], required },
  { key: `${key}_unit`, names: [`${name}_unit`, `${name.replace("_emissions", "")}_unit`], required },
];

export const AWS_COLUMNS: readonly CloudColumn[] = [
  { key: "last_refresh_timestamp", names: ["last_refresh_timestamp"], required: true },
  { key: "location", names: ["location"] },
  { key: "model_version", names: ["model_version"], required: true },
  { key: "payer_account_id", names: ["payer_account_id"], required: true },
  { key: "product_code", names: ["product_code"] },
  { key: "region_code", names: ["region_code"] },
  { key: "usage_account_id", names: ["usage_account_id"], required: true },
  { key: "usage_period_start", names: ["usage_period_start"], required: true },
  { key: "usage_period_end", names: ["usage_period_end"], required: true },
  ...pair("total_lbm", "total_lbm_emissions", true),
  ...pair("total_mbm", "total_mbm_emissions", true),
  ...pair("scope1", "total_scope_1_emissions"),
  ...pair("scope2_lbm", "total_scope_2_lbm_emissions"),
  ...pair("scope2_mbm", "total_scope_2_mbm_emissions"),
  ...pair("scope3_lbm", "total_scope_3_lbm_emissions"),
  ...pair("scope3_mbm", "total_scope_3_mbm_emissions"),
];

export const CCFT_COLUMNS: readonly CloudColumn[] = [
  { key: "accountId", names: ["accountId"], required: true },
  { key: "mbmCarbon", names: ["mbmCarbon"], required: true },
  { key: "paceProductCode", names: ["paceProductCode"], required: true },
  { key: "regionCode", names: ["regionCode"] },
  { key: "startDate", names: ["startDate"], required: true },
];

export function looksLikeAwsExport(headerLine: string): boolean {
  const h = headerLine.toLowerCase();
  return h.includes("last_refresh_timestamp") && h.includes("total_lbm_emissions");
}

export function looksLikeCcft(headerLine: string): boolean {
  const h = headerLine.toLowerCase();
  return h.includes("mbmcarbon") && h.includes("paceproductcode");
}
