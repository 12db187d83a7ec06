// Cloud mappings and the provider rows they attribute, as the cloud mapping page shows them (exact decimals as text).

export interface MappingView {
  id: string;
  provider: string;
  matchType: string;
  matchValue: string;
  projectId: string;
  projectName: string;
}

export interface SourceLine {
  provider: string;
  nature: string;
  billingAccountId: string | null;
  accountId: string | null;
  cloudProjectId: string | null;
  rows: number;
  /** Exact decimal text (kg). */
  totalLbKgCo2e: string;
  totalMbKgCo2e: string;
}

export interface AttributionGroup {
  /** null: Unassigned. */
  projectId: string | null;
  projectName: string;
  rows: number;
  totalLbKgCo2e: string;
  totalMbKgCo2e: string;
  lines: SourceLine[];
}
