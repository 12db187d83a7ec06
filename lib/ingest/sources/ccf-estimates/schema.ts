// Cloud Carbon Footprint estimates (formats.md §6): the /footprint JSON — [{ timestamp, serviceEstimates: [{
// cloudProvider, accountId, accountName, serviceName, region, kilowattHours, co2e (metric tons), cost,
// usesAverageCPUConstant }] }] — and the same fields as a flat CSV, one estimate a row.
import type { CloudColumn } from "../cloud/columns";

export const CCF_COLUMNS: readonly CloudColumn[] = [
  { key: "timestamp", names: ["timestamp", "date"], required: true },
  { key: "cloudProvider", names: ["cloudProvider"], required: true },
  { key: "accountId", names: ["accountId"] },
  { key: "accountName", names: ["accountName"] },
  { key: "serviceName", names: ["serviceName"] },
  { key: "region", names: ["region"] },
  { key: "kilowattHours", names: ["kilowattHours"] },
  { key: "co2e", names: ["co2e"], required: true },
  { key: "cost", names: ["cost"] },
  { key: "usesAverageCPUConstant", names: ["usesAverageCPUConstant"] },
];

export const looksLikeCcfJson = (head: string) => /^\s*[[{]/.test(head) && head.includes('"serviceEstimates"');

export function looksLikeCcfCsv(headerLine: string): boolean {
  const h = headerLine.toLowerCase();
  return h.includes("cloudprovider") && h.includes("co2e") && h.includes("kilowatthours");
}
