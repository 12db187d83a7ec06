// A live tracker's emissions on a run whose month lies in a period already calculated change that period's inputs
// without an audit event of their own (decision 0005). So that the period shows "Inputs changed since these figures
// were calculated" (decision 0017 reads the audit chain), such a run gets ONE `run.measurements-added` event after
// each calculation of its period — not one per emission (decision 0021):
// - the emission writer's statement tells, per run of its batch, whether the run's month lies in a calculated period
//   (current version) with no marker of this run since that calculation (STALE_RUNS_SQL, no extra round trip);
// - only then markRunChanged writes the event, re-checking under the organization's audit lock (two requests of the
//   same run racing write one marker). A run whose last measurement moves it into another month is marked for both
//   months (the period it left and the one it entered).
import type { ApiTokenContext } from "../../auth/api-token";
import { lockAuditChain, recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";

/**
 * True when the run × month `c` (run_id, organization_id, month) lies in a calculated period (current version) with
 * no marker of this run for a month of that period since the seq the calculation vouches for (a check: the seq it
 * saw before recalculating) — exactly what the staleness query (staleness/input-changes.ts) would not yet see.
 */
const needsMarker = (c: string) => `EXISTS (
      SELECT 1 FROM reporting_periods p
        JOIN calculation_versions v ON v.period_id = p.id AND v.organization_id = p.organization_id AND v.is_current
       WHERE p.organization_id = ${c}.organization_id
         AND ${c}.month >= date_trunc('month', p.start_date) AND ${c}.month <= p.end_date
         AND NOT EXISTS (
           SELECT 1 FROM audit_events m
            WHERE m.organization_id = ${c}.organization_id AND m.entity_type = 'Run' AND m.entity_id = ${c}.run_id::text
              AND m.action = 'run.measurements-added'
              AND (m.after->>'month')::date >= date_trunc('month', p.start_date) AND (m.after->>'month')::date <= p.end_date
              AND m.seq > coalesce((
                SELECT max(CASE WHEN k.action = 'period.checked' THEN (k.after->>'checkedThroughSeq')::int ELSE k.seq END)
                  FROM audit_events k
                 WHERE k.organization_id = ${c}.organization_id AND k.entity_type = 'CalculationVersion' AND k.entity_id = v.id::text
                   AND k.action IN ('period.recalculated', 'period.restated', 'period.checked')), 0)))`;

/**
 * The body of the emission writer's `marks` CTE: per run the batch changed (its `totals`), the months to mark — the
 * run's month now (of its last measurement) and, when the batch moved it, its month before (from `valid`, read
 * before the update): a run crossing into the next period makes both periods stale.
 */
export const STALE_RUNS_SQL = `
    SELECT c.run_id, array_agg(to_char(c.month, 'YYYY-MM-DD') ORDER BY c.month) AS months
      FROM (SELECT t.id AS run_id, t.organization_id, date_trunc('month', t.last_measured_at)::date AS month FROM totals t
            UNION
            SELECT v.run_id, v.org_id, date_trunc('month', v.prev_measured_at)::date FROM valid v JOIN totals t ON t.id = v.run_id
             WHERE v.prev_measured_at IS NOT NULL) c
     WHERE ${needsMarker("c")}
     GROUP BY c.run_id`;

const RECHECK_SQL = `SELECT 1 AS needed FROM (SELECT $1::uuid AS run_id, $2::uuid AS organization_id, $3::date AS month) c WHERE ${needsMarker("c")}`;

/** Writes the run's markers still needed, one per month (never throws: the emissions are committed; a failure is logged). */
export async function markRunChanged(ctx: ApiTokenContext, runId: string, months: string[]): Promise<number> {
  try {
    return await prisma.$transaction(async (tx) => {
      // Re-checked under the chain's lock: a marker another request wrote meanwhile is seen.
      await lockAuditChain(tx, ctx.organization.id);
      let written = 0;
      for (const month of months) {
        const needed = await tx.$queryRawUnsafe<unknown[]>(RECHECK_SQL, runId, ctx.organization.id, month);
        if (needed.length === 0) continue;
        await recordAudit(tx, ctx, { action: "run.measurements-added", entityType: "Run", entityId: runId, after: { runId, month, projectId: ctx.projectId } });
        written++;
      }
      return written;
    });
  } catch (err) {
    console.error(`[scopebook] marking run ${runId} changed failed; its period may not show as stale`, err);
    return 0;
  }
}
