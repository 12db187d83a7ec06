// What crosses from the dashboard service (lib/services/inventory/get-dashboard.ts) to the dashboard page and the
// JSON API: plain data, every quantity an exact decimal string (kg CO2e, kWh), rounded only when shown (lib/format.ts,
// decision 0004). Also the pure builders the page needs: Scope 3 category labels and the link from a figure to the
// ledger lines behind it (/[org]/inventory/[period]/lines with the same filters the service summed by).

/** Location-based (grid averages) or market-based (contractual instruments, residual mix) Scope 2. */
export type DashboardMethod = "location" | "market";
export const DASHBOARD_METHODS: readonly DashboardMethod[] = ["market", "location"];
/** Market-based by default: what reduction targets (and the demo's −42 % Scope 1 + 2 target) are usually set on. */
export const DEFAULT_DASHBOARD_METHOD: DashboardMethod = "market";
export const METHOD_LABELS: Record<DashboardMethod, string> = { location: "Location-based", market: "Market-based" };
/** The ledger lines page's `view` for a method (lb: lines counted in the location-based figure). */
export const METHOD_VIEW: Record<DashboardMethod, "lb" | "mb"> = { location: "lb", market: "mb" };

/** Where a ledger line comes from, as the dashboard groups it. */
export type DashboardSource = "tracker" | "provider" | "activity";
export const SOURCE_LABELS: Record<DashboardSource, string> = { tracker: "Tracker runs", provider: "Provider exports", activity: "Activity data" };

export type ScopeKey = "SCOPE_1" | "SCOPE_2" | "SCOPE_3";

/** GHG Protocol Scope 3 categories 1–15 (the ESRS E1-6 rows). */
export const SCOPE3_CATEGORY_LABELS: Record<number, string> = {
  1: "Purchased goods and services",
  2: "Capital goods",
  3: "Fuel- and energy-related activities",
  4: "Upstream transportation and distribution",
  5: "Waste generated in operations",
  6: "Business travel",
  7: "Employee commuting",
  8: "Upstream leased assets",
  9: "Downstream transportation and distribution",
  10: "Processing of sold products",
  11: "Use of sold products",
  12: "End-of-life treatment of sold products",
  13: "Downstream leased assets",
  14: "Franchises",
  15: "Investments",
};
export const scope3CategoryLabel = (c: number | null): string => (c === null ? "Scope 3, no category" : `${c}. ${SCOPE3_CATEGORY_LABELS[c] ?? "Unknown category"}`);

/**
 * The filters of the ledger lines page (lib/services/inventory/get-ledger-lines.ts) that select exactly the lines a
 * dashboard figure sums. `project` and `site` are ids or "none"; `month` is "YYYY-MM"; `location` a location key
 * (country:DEU, cloud-region:gcp:europe-west4, grid-region:DE-LU, none).
 */
export interface LinesFilter {
  view: "lb" | "mb";
  scope?: ScopeKey;
  category?: number;
  status?: "RESOLVED" | "UNRESOLVED";
  month?: string;
  project?: string;
  site?: string;
  source?: DashboardSource;
  location?: string;
}

const FILTER_ORDER: (keyof LinesFilter)[] = ["scope", "view", "category", "status", "month", "project", "site", "source", "location"];

/** The ledger lines page for a filter: /[org]/inventory/[period]/lines?scope=…&view=… (parameters in a fixed order). */
export function linesHref(org: string, periodId: string, filter: LinesFilter): string {
  const q = new URLSearchParams();
  for (const k of FILTER_ORDER) if (filter[k] !== undefined) q.set(k, String(filter[k]));
  return `/${org}/inventory/${periodId}/lines?${q.toString()}`;
}

/** A figure of the selected period beside the previous period's (N-1). */
export interface DashboardFigure {
  kgCo2e: string;
  /** The same figure of the previous period (null: no previous period, or not calculated). */
  previousKgCo2e: string | null;
  /** (current − previous) / previous × 100, 30 significant digits; null when there is no previous figure or it is 0. */
  changePct: string | null;
  lines: LinesFilter;
}

/** One bar of a breakdown (a category, a project, a site, a source, a location), with the lines behind it. */
export interface DashboardBar {
  key: string;
  label: string;
  kgCo2e: string;
  /** Ledger lines behind the bar (resolved and unresolved: what the lines page lists for `filter`). */
  lines: number;
  filter: LinesFilter;
}

/** One month of the scope split. Σ of the three scopes = total; Σ of the months = the period's total. */
export interface DashboardMonth {
  /** "YYYY-MM". */
  month: string;
  scope1KgCo2e: string;
  scope2KgCo2e: string;
  scope3KgCo2e: string;
  totalKgCo2e: string;
  lines: number;
}

/** A change against N-1 of one (scope, Scope 3 category, source) group. */
export interface DashboardMover {
  key: string;
  label: string;
  kgCo2e: string;
  previousKgCo2e: string;
  deltaKgCo2e: string;
  changePct: string | null;
  filter: LinesFilter;
}

/**
 * Progress against the target's trajectory (ESRS E1-4). Filled by the targets service (lib/services/targets/…);
 * the dashboard renders it when present.
 */
export interface DashboardTargetProgress {
  name: string;
  /** e.g. "Scope 1 + 2 market-based". */
  coverage: string;
  targetYear: number;
  /** What the trajectory allows for the selected period, and what was stated (kg CO2e, exact). */
  trajectoryKgCo2e: string;
  actualKgCo2e: string;
  /** Reduction achieved since the base year, % (exact decimal text); null when unknown. */
  reductionPct: string | null;
  onTrack: boolean | null;
}

export interface DashboardPeriodOption {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  status: string;
  calculated: boolean;
}

export interface DashboardStaleness {
  stale: boolean;
  inputsChangedAt: string | null;
  lastChange: string | null;
}

/** The inventory of the selected period, in the selected method. */
export interface InventoryDashboard {
  period: DashboardPeriodOption & { versionNumber: number; versionCreatedAt: string };
  /** The previous period by start date (N-1): null when there is none; `calculated` false when it has no figures. */
  previous: (DashboardPeriodOption & { versionNumber: number | null }) | null;
  method: DashboardMethod;
  cards: {
    total: DashboardFigure;
    scope1: DashboardFigure;
    scope2: DashboardFigure;
    scope3: DashboardFigure;
    /** % of Scope 3 (this method) from primary data (E1-6; lib/ghg/e16-extras.ts isPrimary); null when Scope 3 is 0. */
    scope3PrimaryPct: string | null;
    unresolvedLines: number;
    unresolvedFilter: LinesFilter;
    staleness: DashboardStaleness;
  };
  monthly: DashboardMonth[];
  scope3ByCategory: DashboardBar[];
  byProject: DashboardBar[];
  bySite: DashboardBar[];
  bySource: DashboardBar[];
  byLocation: DashboardBar[];
  /** Top 5 increases and decreases against N-1 by Scope 3 category × source; null without a calculated N-1. */
  movers: { up: DashboardMover[]; down: DashboardMover[] } | null;
}

/** Tracker runs (CodeCarbon): energy and tracker-reported emissions, every run counted once with its final totals. */
export interface TrackerEnergy {
  totals: { energyKwh: string; trackerEmissionsKgCo2e: string; runs: number; projects: number; imports: number };
  series: { bucket: string; energyKwh: string; trackerEmissionsKgCo2e: string }[];
  granularity: "day" | "month";
}

/** The dashboard's inventory part: the period picker, the method, the figures (null until a period is calculated). */
export interface DashboardInventoryData {
  /** Every period of the organization, latest start first (the period picker). */
  periods: DashboardPeriodOption[];
  /** The period asked for, else the latest calculated one; null when no period is calculated. */
  selectedPeriodId: string | null;
  method: DashboardMethod;
  inventory: InventoryDashboard | null;
  /** Filled by the targets service when a target covers the period (null until then). */
  targetProgress: DashboardTargetProgress | null;
}

/** The dashboard as the API returns it: the inventory part and the tracker panel at the top level (its earlier shape). */
export type DashboardData = TrackerEnergy & DashboardInventoryData;
