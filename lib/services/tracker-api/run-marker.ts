// A live tracker's emissions on a run whose month lies in a period already calculated change that period's inputs
// without an audit event of their own (decision 0005). So that the period shows "Inputs changed since these figures
// were calculated" (decision 0017 reads the audit chain), such a run gets ONE `run.measurements-added` event after
// each calculation of its period — not one per emission (decision 0021):
// - the emission writer's statement tells, per run of its batch, whether the run's month lies in a period calculated
//   (current version) since the run's latest marker (STALE_RUNS_SQL, no extra round trip; the calculated periods are
//   read once per statement, the marker's seq is on the run: no audit lookup per emission);
// - only then markRunChanged writes the event, re-checking under the organization's audit lock (two requests of the
//   same run racing write one marker). A run whose last measurement moves it into another month is marked for both
//   months (the period it left and the one it entered).
import type { ApiTokenContext } from "../../auth/api-token";
import { lockAuditChain, recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";

/**
 * The calculated periods (current version) of the organizations `orgs` selects, with the seq each calculation vouches
 * for (a check: the seq it saw before recalculating, as the staleness query reads it) — once per statement.
 */
const calculatedPeriods = (orgs: string) => `
    SELECT p.organization_id, date_trunc('month', p.start_date)::date AS first_month, p.end_date,
           coalesce((SELECT max(CASE WHEN k.action = 'period.checked' THEN (k.after->>'checkedThroughSeq')::int ELSE k.seq END)
                       FROM audit_events k
                      WHERE k.organization_id = p.organization_id AND k.entity_type = 'CalculationVersion' AND k.entity_id = v.id::text
                        AND k.action IN ('period.recalculated', 'period.restated', 'period.checked')), 0) AS seq
      FROM reporting_periods p
      JOIN calculation_versions v ON v.period_id = p.id AND v.organization_id = p.organization_id AND v.is_current
     WHERE p.organization_id IN (${orgs})`;

/**
 * True when the run × month `c` (organization_id, month, marked_seq: the run's latest marker) lies in a calculated
 * period (`calc`) calculated at or after that marker — a change the staleness query (staleness/input-changes.ts) would
 * not yet see. The run carries its marker's seq (runs.staleness_marked_seq), so no emission looks up the audit log.
 */
const unmarked = (c: string) => `EXISTS (
      SELECT 1 FROM calc k
       WHERE k.organization_id = ${c}.organization_id AND ${c}.month BETWEEN k.first_month AND k.end_date
         AND coalesce(${c}.marked_seq, 0) <= k.seq)`;

/**
 * The body of the emission writer's `marks` CTE: per run the batch changed (its `totals`), the months to mark — the
 * run's month now (of its last measurement) and, when the batch moved it, its month before (from `valid`, read
 * before the update): a run crossing into the next period makes both periods stale.
 */
export const STALE_RUNS_SQL = `
    WITH calc AS MATERIALIZED (${calculatedPeriods("SELECT organization_id FROM totals")})
    SELECT c.run_id, array_agg(to_char(c.month, 'YYYY-MM-DD') ORDER BY c.month) AS months
      FROM (SELECT t.id AS run_id, t.organization_id, date_trunc('month', t.last_measured_at)::date AS month, t.staleness_marked_seq AS marked_seq FROM totals t
            UNION
            SELECT v.run_id, v.org_id, date_trunc('month', v.prev_measured_at)::date, t.staleness_marked_seq FROM valid v JOIN totals t ON t.id = v.run_id
             WHERE v.prev_measured_at IS NOT NULL) c
     WHERE ${unmarked("c")}
     GROUP BY c.run_id`;

const RECHECK_SQL = `
    WITH calc AS MATERIALIZED (${calculatedPeriods("$2::uuid")})
    SELECT 1 AS needed
      FROM (SELECT r.organization_id, $3::date AS month, r.staleness_marked_seq AS marked_seq FROM runs r WHERE r.id = $1::uuid AND r.organization_id = $2::uuid) c
     WHERE ${unmarked("c")}`;

/** Writes the run's markers still needed, one per month (never throws: the emissions are committed; a failure is logged). */
export async function markRunChanged(ctx: ApiTokenContext, runId: string, months: string[]): Promise<number> {
  try {
    return await prisma.$transaction(async (tx) => {
      // Re-checked under the chain's lock: a marker another request wrote meanwhile is seen. All months are checked
      // before any is written (a marker moves the run's marked seq past every calculation).
      await lockAuditChain(tx, ctx.organization.id);
      const needed: string[] = [];
      for (const month of months) if ((await tx.$queryRawUnsafe<unknown[]>(RECHECK_SQL, runId, ctx.organization.id, month)).length) needed.push(month);
      let seq: number | null = null;
      for (const month of needed)
        seq = (await recordAudit(tx, ctx, { action: "run.measurements-added", entityType: "Run", entityId: runId, after: { runId, month, projectId: ctx.projectId } })).seq;
      if (seq !== null) await tx.run.updateMany({ where: { id: runId, organizationId: ctx.organization.id }, data: { stalenessMarkedSeq: seq } });
      return needed.length;
    });
  } catch (err) {
    console.error(`[scopebook] marking run ${runId} changed failed; its period may not show as stale`, err);
    return 0;
  }
}
