// The dashboard's inventory figures of one calculated period in one method, from the rollups of its current version
// (and of the previous period's, for N-1): the cards from the version breakdown (the same query and rules as the
// inventory page's E1-6: version-breakdown.ts, lib/ghg/aggregate.ts), the charts from sums by dimension
// (dimensions.ts). Exact decimal text throughout; the only division is a % change (30 significant digits).
import type { Db } from "../../../db/client";
import { aggregateE16, type E16 } from "../../../ghg/aggregate";
import { percentOf, type BreakdownRow } from "../../../ghg/breakdown";
import { ZERO, dec, text, type Dec } from "../../../ghg/decimal";
import { e16Extras } from "../../../ghg/e16-extras";
import {
  METHOD_VIEW, SOURCE_LABELS, scope3CategoryLabel,
  type DashboardBar, type DashboardFigure, type DashboardMethod, type DashboardMonth, type DashboardMover, type DashboardSource, type LinesFilter, type ScopeKey,
} from "../../../views/dashboard";
import { versionBreakdown } from "../version-breakdown";
import { methodExcludes, sumsAgainst, sumsBy, type DimensionRow, type MoverRow } from "./dimensions";

export interface VersionRef {
  organizationId: string;
  versionId: string;
}

/** (current − previous) / previous × 100; null without a previous figure or when it is 0. */
export function changePct(current: string, previous: string | null): string | null {
  return previous === null ? null : percentOf(dec(current).minus(previous), dec(previous));
}

function methodFigures(e: E16, method: DashboardMethod) {
  return method === "location"
    ? { total: e.totalLbKgCo2e, scope1: e.scope1KgCo2e, scope2: e.scope2LbKgCo2e, scope3: e.scope3LbKgCo2e }
    : { total: e.totalMbKgCo2e, scope1: e.scope1KgCo2e, scope2: e.scope2MbKgCo2e, scope3: e.scope3MbKgCo2e };
}

/** The four cards, % primary Scope 3 data and the unresolved lines of the method's view, from version breakdowns. */
export function cardsOf(rows: BreakdownRow[], previousRows: BreakdownRow[] | null, method: DashboardMethod) {
  const view = METHOD_VIEW[method];
  const cur = methodFigures(aggregateE16(rows, null), method);
  const prev = previousRows ? methodFigures(aggregateE16(previousRows, null), method) : null;
  const figure = (k: keyof typeof cur, lines: LinesFilter): DashboardFigure => ({ kgCo2e: cur[k], previousKgCo2e: prev?.[k] ?? null, changePct: changePct(cur[k], prev?.[k] ?? null), lines });
  // % primary needs no factor or instrument attribute: the maps stay empty (their figures are not read here).
  const extras = e16Extras(rows, new Map(), new Map());
  const excluded = methodExcludes(method);
  return {
    total: figure("total", { view }),
    scope1: figure("scope1", { view, scope: "SCOPE_1" }),
    scope2: figure("scope2", { view, scope: "SCOPE_2" }),
    scope3: figure("scope3", { view, scope: "SCOPE_3" }),
    scope3PrimaryPct: method === "location" ? extras.scope3PrimaryLbPct : extras.scope3PrimaryMbPct,
    unresolvedLines: rows.filter((r) => r.status === "UNRESOLVED" && r.method !== excluded).reduce((n, r) => n + r.lines, 0),
    unresolvedFilter: { view, status: "UNRESOLVED" } satisfies LinesFilter,
  };
}

export const cardsQuery = (db: Db, v: VersionRef) => versionBreakdown(db, v.organizationId, v.versionId);

/** The scope split per month: one row per month with lines, Σ scopes = total. */
export async function monthlySplit(db: Db, v: VersionRef, method: DashboardMethod): Promise<DashboardMonth[]> {
  const rows = await sumsBy(db, v.organizationId, v.versionId, method, "month-scope");
  const months = new Map<string, { s: Record<ScopeKey, Dec>; lines: number }>();
  for (const r of rows) {
    const m = months.get(r.key1!) ?? { s: { SCOPE_1: ZERO, SCOPE_2: ZERO, SCOPE_3: ZERO }, lines: 0 };
    m.s[r.key2 as ScopeKey] = m.s[r.key2 as ScopeKey].plus(r.kg);
    m.lines += Number(r.lines);
    months.set(r.key1!, m);
  }
  return [...months].map(([month, m]) => ({
    month,
    scope1KgCo2e: text(m.s.SCOPE_1),
    scope2KgCo2e: text(m.s.SCOPE_2),
    scope3KgCo2e: text(m.s.SCOPE_3),
    totalKgCo2e: text(m.s.SCOPE_1.plus(m.s.SCOPE_2).plus(m.s.SCOPE_3)),
    lines: m.lines,
  }));
}

const bar = (r: DimensionRow, key: string, label: string, filter: LinesFilter): DashboardBar => ({ key, label, kgCo2e: dec(r.kg).isZero() ? "0" : text(dec(r.kg)), lines: Number(r.lines), filter });

export function locationLabel(key: string): string {
  if (key === "none") return "Not located (no site or grid factor)";
  const [kind, ...rest] = key.split(":");
  const name = rest.join(":");
  return kind === "country" ? `${name} (country)` : kind === "cloud-region" ? `${name.replace(":", " ")} (cloud region)` : `${name} (grid region)`;
}

/** The breakdowns by Scope 3 category, project, site, source and location (one query each). */
export async function breakdowns(db: Db, v: VersionRef, method: DashboardMethod) {
  const view = METHOD_VIEW[method];
  const o = v.organizationId, id = v.versionId;
  const [cats, projects, sites, sources, locations] = await Promise.all([
    sumsBy(db, o, id, method, "category"),
    sumsBy(db, o, id, method, "project"),
    sumsBy(db, o, id, method, "site"),
    sumsBy(db, o, id, method, "source"),
    sumsBy(db, o, id, method, "location"),
  ]);
  return {
    scope3ByCategory: cats.map((r) => {
      const c = r.key1 === null ? null : Number(r.key1);
      return bar(r, r.key1 ?? "none", scope3CategoryLabel(c), { view, scope: "SCOPE_3", ...(c === null ? {} : { category: c }) });
    }),
    byProject: projects.map((r) => bar(r, r.key1 ?? "none", r.key1 === null ? "Unassigned" : (r.label ?? r.key1), { view, project: r.key1 ?? "none" })),
    bySite: sites.map((r) => bar(r, r.key1 ?? "none", r.key1 === null ? "No site" : (r.label ?? r.key1), { view, site: r.key1 ?? "none" })),
    bySource: sources.map((r) => bar(r, r.key1!, SOURCE_LABELS[r.key1 as DashboardSource], { view, source: r.key1 as DashboardSource })),
    byLocation: locations.map((r) => bar(r, r.key1!, locationLabel(r.key1!), { view, location: r.key1! })),
  };
}

const SCOPE_LABEL: Record<string, string> = { SCOPE_1: "Scope 1", SCOPE_2: "Scope 2", SCOPE_3: "Scope 3" };

function mover(r: MoverRow, view: "lb" | "mb"): DashboardMover {
  const what = r.scope === "SCOPE_3" ? `Scope 3 · ${scope3CategoryLabel(r.cat)}` : SCOPE_LABEL[r.scope];
  const source = r.source as DashboardSource;
  return {
    key: `${r.scope}:${r.cat ?? ""}:${source}`,
    label: `${what} · ${SOURCE_LABELS[source]}`,
    kgCo2e: text(dec(r.kg)),
    previousKgCo2e: text(dec(r.prev_kg)),
    deltaKgCo2e: text(dec(r.delta)),
    changePct: changePct(r.kg, r.prev_kg),
    filter: { view, scope: r.scope as ScopeKey, ...(r.cat === null ? {} : { category: r.cat }), source },
  };
}

/** The 5 largest increases and decreases against N-1 by (scope, Scope 3 category, source). */
export async function movers(db: Db, v: VersionRef, previousVersionId: string, method: DashboardMethod): Promise<{ up: DashboardMover[]; down: DashboardMover[] }> {
  const rows = await sumsAgainst(db, v.organizationId, v.versionId, previousVersionId, method);
  const view = METHOD_VIEW[method];
  const up = rows.filter((r) => !r.delta.startsWith("-")).slice(0, 5);
  const down = rows.filter((r) => r.delta.startsWith("-")).reverse().slice(0, 5);
  return { up: up.map((r) => mover(r, view)), down: down.map((r) => mover(r, view)) };
}
