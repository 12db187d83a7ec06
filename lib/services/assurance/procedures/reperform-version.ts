// Use case: re-perform a period's version (issue 14) — every ledger line recomputed from its stored inputs
// (quantity × the factor re-read from the library or the instrument; reported kgCO2e as is; lib/assurance/reperform.ts)
// and every E1-6 datapoint from the recomputed lines, compared exactly with what was reported (the signed version's
// content, else the current calculation's). Set-wise in Postgres; the differing lines are paged.
import { z } from "zod";
import { authorize, type ServiceContext } from "../../../auth/context";
import { prisma } from "../../../db/client";
import { compareDatapoints, type RecomputedGroup } from "../../../assurance/reperform";
import { num } from "../../inventory/ledger/load-calculation-input";
import { parseInput } from "../../../parse-input";
import type { ReperformLine, ReperformResult } from "../../../views/assurance-procedures";
import { recomputedLinesSql } from "./reperform-sql";
import { sourceQuantityChecks } from "./reperform-sources-sql";
import { reportedDatapoints, targetVersion } from "./target-version";

const Input = z.object({
  periodId: z.string(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export async function reperformVersion({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<ReperformResult> {
  authorize(ctx, "report:read");
  const t = await targetVersion(ctx, input);
  const q = parseInput(Input, input);
  const o = ctx.organization.id;
  const lines = recomputedLinesSql(o, t.calculationVersionId);
  const [groups, reported, sources] = await Promise.all([
    prisma.$queryRaw<{ scope: RecomputedGroup["scope"]; cat: number | null; method: RecomputedGroup["method"]; status: RecomputedGroup["status"]; kg: string | null; lines: bigint; differing: bigint }[]>`
      SELECT x.scope::text AS scope, x.scope3_category AS cat, x.method::text AS method, x.status::text AS status,
             sum(x.recomputed)::text AS kg, count(*) AS lines, count(*) FILTER (WHERE x.recomputed IS DISTINCT FROM x.stored) AS differing
        FROM (${lines}) x GROUP BY 1, 2, 3, 4`,
    reportedDatapoints(ctx, t),
    sourceQuantityChecks(o, t.calculationVersionId, t.period),
  ]);
  const rows: RecomputedGroup[] = groups.map((g) => ({ scope: g.scope, scope3Category: g.cat, method: g.method, status: g.status, emissionsKgCo2e: g.status === "RESOLVED" ? (num(g.kg) ?? "0") : null, lines: Number(g.lines), differing: Number(g.differing) }));
  const datapoints = compareDatapoints(rows, reported, t.period.netRevenue);
  const differingTotal = rows.reduce((n, g) => n + g.differing, 0);
  const page = differingTotal === 0 ? [] : await differingLines(lines, q.pageSize, (q.page - 1) * q.pageSize);
  return {
    period: { id: t.period.id, name: t.period.name },
    calculationNumber: t.calculationNumber,
    reportVersionNumber: t.reportVersionNumber,
    lines: rows.reduce((n, g) => n + (g.lines ?? 0), 0),
    differingLines: differingTotal,
    allEqual: differingTotal === 0 && datapoints.every((d) => d.equal) && sources.activityDiffering === 0 && sources.runDiffering === 0,
    datapoints,
    sources,
    differing: { page: q.page, pageSize: q.pageSize, lines: page },
  };
}

async function differingLines(lines: ReturnType<typeof recomputedLinesSql>, take: number, skip: number): Promise<ReperformLine[]> {
  const rows = await prisma.$queryRaw<{ id: number; source_record_id: string; month: string; scope: string; cat: number | null; method: string; status: string; q: string; unit: string; stated_factor: string | null; factor: string | null; factor_unit: string | null; stored: string | null; recomputed: string | null }[]>`
    SELECT x.id, x.source_record_id::text, to_char(x.month, 'YYYY-MM-DD') AS month, x.scope::text AS scope, x.scope3_category AS cat, x.method::text AS method, x.status::text AS status,
           x.activity_quantity::text AS q, x.activity_unit AS unit, x.stated_factor::text, x.factor::text, x.factor_unit, x.stored::text, x.recomputed::text
      FROM (${lines}) x WHERE x.recomputed IS DISTINCT FROM x.stored
     ORDER BY x.id, x.source_record_id, x.month LIMIT ${take} OFFSET ${skip}`;
  return rows.map((r) => ({
    lineId: `${r.id}:${r.source_record_id}:${r.month}`,
    scope: r.scope, scope3Category: r.cat, method: r.method, status: r.status,
    activityQuantity: num(r.q) ?? "0", activityUnit: r.unit, statedFactorValue: num(r.stated_factor), libraryFactorValue: num(r.factor), factorUnit: r.factor_unit,
    storedKgCo2e: num(r.stored), recomputedKgCo2e: num(r.recomputed),
  }));
}
