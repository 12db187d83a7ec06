// A live tracker's emissions on a run whose month lies in a period already calculated change that period's inputs
// without an audit event of their own (decision 0005). So that the period shows "Inputs changed since these figures
// were calculated" (decision 0017 reads the audit chain), such a run gets ONE `run.measurements-added` event after
// each calculation of its period — not one per emission (decision 0021):
// - the emission writer's statement tells, per run of its batch, whether the run's month lies in a calculated period
//   (current version) with no marker of this run since that calculation (STALE_RUNS_SQL, no extra round trip);
// - only then markRunChanged writes the event, re-checking under the organization's audit lock (two requests of the
//   same run racing write one marker).
// Limit: a run whose last measurement moves it into the next period marks the new period only.
import type { ApiTokenContext } from "../../auth/api-token";
import { lockAuditChain, recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";

/** True when run `r` (id, organization_id, last_measured_at) lies in a calculated period with no marker since. */
const needsMarker = (r: string) => `EXISTS (
      SELECT 1 FROM reporting_periods p
        JOIN calculation_versions v ON v.period_id = p.id AND v.organization_id = p.organization_id AND v.is_current
       WHERE p.organization_id = ${r}.organization_id
         AND ${r}.last_measured_at >= date_trunc('month', p.start_date) AND ${r}.last_measured_at < p.end_date + 1
         AND NOT EXISTS (
           SELECT 1 FROM audit_events m
            WHERE m.organization_id = ${r}.organization_id AND m.entity_type = 'Run' AND m.entity_id = ${r}.id::text
              AND m.action = 'run.measurements-added'
              -- after the seq the calculation vouches for (a check: the seq it saw before recalculating), as staleness reads it
              AND m.seq > coalesce((
                SELECT max(CASE WHEN c.action = 'period.checked' THEN (c.after->>'checkedThroughSeq')::int ELSE c.seq END)
                  FROM audit_events c
                 WHERE c.organization_id = ${r}.organization_id AND c.entity_type = 'CalculationVersion' AND c.entity_id = v.id::text
                   AND c.action IN ('period.recalculated', 'period.restated', 'period.checked')), 0)))`;

const monthOf = (r: string) => `to_char(date_trunc('month', ${r}.last_measured_at), 'YYYY-MM-DD')`;

/** The body of the emission writer's `marks` CTE, over its `totals` (the runs the batch changed). */
export const STALE_RUNS_SQL = `SELECT t.id AS run_id, ${monthOf("t")} AS month FROM totals t WHERE ${needsMarker("t")}`;

const RECHECK_SQL = `SELECT ${monthOf("r")} AS month FROM runs r WHERE r.id = $1::uuid AND r.organization_id = $2::uuid AND ${needsMarker("r")}`;

/** Writes the run's marker when it is still needed (never throws: the emissions are committed; a failure is logged). */
export async function markRunChanged(ctx: ApiTokenContext, runId: string): Promise<boolean> {
  try {
    return await prisma.$transaction(async (tx) => {
      // Re-checked under the chain's lock: a marker another request wrote meanwhile is seen.
      await lockAuditChain(tx, ctx.organization.id);
      const [row] = await tx.$queryRawUnsafe<{ month: string }[]>(RECHECK_SQL, runId, ctx.organization.id);
      if (!row) return false;
      await recordAudit(tx, ctx, { action: "run.measurements-added", entityType: "Run", entityId: runId, after: { runId, month: row.month, projectId: ctx.projectId } });
      return true;
    });
  } catch (err) {
    console.error(`[scopebook] marking run ${runId} changed failed; its period may not show as stale`, err);
    return false;
  }
}
