// The inventory of a reporting period as screens see it: E1-6 and E1-5 datapoints, the lines behind a figure with
// their factor and source, restatements and SCI. Exact decimals as text; built by lib/services/inventory/.
import type { E16 } from "../ghg/aggregate";
import type { CalculationDetails } from "../ghg/calculate";
import type { E16Extras } from "../ghg/e16-extras";
import type { E15 } from "../ghg/energy-mix";
import type { DatapointChange } from "../ghg/restatement";

/** The methodology notes (E1-6 item 8) shown beside the figures, as lib/ghg states them. */
export { METHODOLOGY } from "../ghg/methodology";

export interface LineView {
  id: string;
  scope: string;
  scope3Category: number | null;
  method: string;
  status: string;
  activityQuantity: string;
  activityUnit: string;
  factorValue: string | null;
  factorUnit: string | null;
  emissionsKgCo2e: string | null;
  month: string;
  nature: string;
  qualityFlags: string[];
  resolution: string;
  factor: { id: string; dataset: string; publisher: string; version: string; year: number | null; keyType: string; key: string; sourceValue: string | null; sourceUnit: string | null } | null;
  instrument: { id: string; type: string; certificateId: string | null; market: string } | null;
  source: { kind: string; id: string; label: string; importFile: string | null; importId: string | null; rowNumber: number | null; trackerEmissionsKgCo2e: string | null; trackerRatio: string | null };
}

export interface InventoryData {
  /** scope1Ets…: Scope 1 under a regulated ETS (E1-6 §48 (b)) as stored (kg) and as entered (t); null: not entered. */
  period: { id: string; name: string; startDate: string; endDate: string; status: string; netRevenue: string | null; netRevenueCurrency: string | null; scope1EtsKgCo2e: string | null; scope1EtsTCo2e: string | null };
  version: { id: string; number: number; createdAt: string; engineVersion: string } | null;
  e16: E16 | null;
  e15: E15 | null;
  /** E1-6 biogenic CO2, % of Scope 3 from primary data, contractual instruments (docs/decisions/0020). */
  e16Extras: E16Extras | null;
  /** Factor datasets the version's lines used (their attribution goes with the figures). */
  datasetIds: string[];
  unresolved: { lines: LineView[]; total: number };
  fallbacks: { lines: LineView[]; total: number };
  instruments: (CalculationDetails["instruments"][number] & { type: string; certificateId: string | null; market: string; vintage: string })[];
  reconciliation: (CalculationDetails["reconciliation"][number] & { projectName: string })[];
  allocations: CalculationDetails["allocations"];
  excludedEstimates: CalculationDetails["excludedEstimates"];
  restatement: { previousNumber: number; changes: (DatapointChange & { reason: string | null; note: string | null })[] } | null;
  sci: { projectId: string; projectName: string; functionalUnit: string; functionalUnits: string; energyKwh: string; operationalKgCo2e: string; embodiedKgCo2e: string; sciKgCo2ePerUnit: string | null }[];
}
