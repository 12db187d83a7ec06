// Shapes of the assurance area (issue 14): engagements, the member's access log, a signed version's datapoints.
export interface EngagementView {
  id: string;
  name: string;
  firm: string;
  startDate: string;
  endDate: string;
  status: "OPEN" | "CONCLUDED";
  /** Materiality in kg CO2e (stored) and tCO2e (as entered), exact decimal text. */
  overallMaterialityKgCo2e: string;
  performanceMaterialityKgCo2e: string;
  clearlyTrivialKgCo2e: string;
  overallTCo2e: string;
  performanceTCo2e: string;
  clearlyTrivialTCo2e: string;
  periods: { id: string; name: string; startDate: string; endDate: string; status: string }[];
  auditors: { membershipId: string; email: string; name: string | null }[];
  conclusion: string | null;
}

export interface AccessLogEntryView {
  id: string;
  actor: string;
  role: string;
  action: string;
  entityType: string;
  entityId: string | null;
  periodId: string | null;
  periodName: string | null;
  requestId: string;
  createdAt: string;
}

/** A datapoint of a covered period's report, with the ledger-lines filter that lists its lines (null: none). */
export interface AssuranceDatapoint {
  name: string;
  esrsReference: string;
  label: string;
  value: string | null;
  unit: string;
  /** Query string for /inventory/[period]/lines (e.g. "scope=SCOPE_2&view=mb"), or null when not line-backed. */
  linesQuery: string | null;
}

export interface AssurancePeriod {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  status: string;
  signed: { number: number; sha256: string; preparedBy: string | null; approvedBy: string | null; approvedAt: string | null } | null;
  datapoints: AssuranceDatapoint[];
}
