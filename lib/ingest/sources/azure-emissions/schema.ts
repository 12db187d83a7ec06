// Azure emissions export as the Emissions Impact Dashboard / Carbon Optimization portal writes it (formats.md §5,
// the documented EnrollmentEmission schema): one row per month × enrollment × subscription × service × sub-service ×
// region × scope, totalEmissions in tonnes CO2e. Built from the documentation: its fixture is constructed.
import type { CloudColumn } from "../cloud/columns";

export const AZURE_COLUMNS: readonly CloudColumn[] = [
  { key: "dateKey", names: ["dateKey"], required: true },
  { key: "enrollmentId", names: ["enrollmentId"] },
  { key: "orgName", names: ["orgName"] },
  { key: "subscriptionId", names: ["subscriptionId"], required: true },
  { key: "subscriptionName", names: ["subscriptionName"] },
  { key: "azureServiceName", names: ["azureServiceName"] },
  { key: "subService", names: ["subService"] },
  { key: "azureRegionName", names: ["azureRegionName"] },
  { key: "scope", names: ["scope"], required: true },
  { key: "scopeId", names: ["scopeId"] },
  { key: "totalEmissions", names: ["totalEmissions"], required: true },
];

export function looksLikeAzure(headerLine: string): boolean {
  const h = headerLine.toLowerCase();
  return h.includes("datekey") && h.includes("totalemissions") && h.includes("subscriptionid");
}
