// Google Cloud Carbon Footprint export (BigQuery table; formats.md §3): monthly, per billing account × project ×
// service × location, kg CO2e. Nested fields are flattened with dots or underscores in CSV, nested objects in
// JSON lines; both are matched by loose name (cloud/columns.ts).
import type { CloudColumn } from "../cloud/columns";

export const GCP_COLUMNS = [
  { key: "usage_month", names: ["usage_month"], required: true },
  { key: "billing_account_id", names: ["billing_account_id"], required: true },
  { key: "project_id", names: ["project.id"] },
  { key: "project_number", names: ["project.number"] },
  { key: "service_description", names: ["service.description"] },
  { key: "service_id", names: ["service.id"] },
  { key: "location", names: ["location.location"] },
  { key: "region", names: ["location.region"] },
  { key: "carbon_model_version", names: ["carbon_model_version"], required: true },
  { key: "scope1", names: ["carbon_footprint_kgCO2e.scope1"], required: true },
  { key: "scope2_lb", names: ["carbon_footprint_kgCO2e.scope2.location_based"], required: true },
  { key: "scope2_mb", names: ["carbon_footprint_kgCO2e.scope2.market_based"] },
  { key: "scope3", names: ["carbon_footprint_kgCO2e.scope3"], required: true },
  { key: "total_lb", names: ["carbon_footprint_total_kgCO2e.location_based"], required: true },
  { key: "total_mb", names: ["carbon_footprint_total_kgCO2e.market_based"] },
  { key: "after_offsets", names: ["carbon_footprint_total_kgCO2e.after_offsets"] },
] as const satisfies readonly CloudColumn[];

/** A header line (CSV) or first JSON line of a GCP export: its two distinctive names. */
export function looksLikeGcp(head: string): boolean {
  const h = head.toLowerCase();
  return h.includes("usage_month") && h.includes("carbon_footprint") && h.includes("carbon_model_version");
}
