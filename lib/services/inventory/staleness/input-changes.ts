// What makes a period's figures stale: an audited change to an input the calculation reads, committed after the
// audit event of the current version's last calculation (or check). The audit chain is the change log: every
// mutation writes its event in its own transaction, and `seq` orders events as they committed (the chain is
// appended under a per-organization lock), deletions included. Docs: docs/decisions/0017.
import type { Db } from "../../../db/client";

/** Audit actions of changes to what a recalculation reads (lib/services/inventory/ledger/load-calculation-input.ts, runs). */
export const INPUT_ACTIONS = [
  "import.committed", // any source: runs, measurements, provider rows, activity and instrument CSVs
  "run.created", // live trackers
  "run.measurements-added", // a live tracker's emissions on a run already calculated (decision 0021)
  "activity.created",
  "activity.updated",
  "activity.deleted",
  "instrument.created",
  "instrument.updated",
  "instrument.deleted",
  "site.updated",
  "factor-dataset.imported",
  "factor-dataset.version-created",
  "factor.custom-added",
  "factor.deleted",
  "cloudMapping.created", // moves provider rows between projects
  "cloudMapping.deleted",
] as const;

/** Events that say "the current version's figures were calculated (or found unchanged) from the inputs as of now". */
export const CALCULATION_ACTIONS = ["period.recalculated", "period.restated", "period.checked"] as const;

export interface InputChange {
  action: string;
  changedAt: Date;
  seq: number;
}

/** The organization's latest audit seq: what a check may vouch for when it starts (0: no event yet). */
export async function latestAuditSeq(db: Db, organizationId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ seq: number | null }[]>`SELECT max(seq) AS seq FROM audit_events WHERE organization_id = ${organizationId}::uuid`;
  return row?.seq ?? 0;
}

/**
 * The latest input change after the version was last calculated, or null. Activity entries whose dates (before or
 * after an edit) do not overlap the period are not its inputs (the recalculation reads the records overlapping it),
 * nor are a live run's emissions whose run lies in another month (the run's month is its last measurement's).
 */
export async function latestInputChange(
  db: Db,
  organizationId: string,
  version: { id: string; createdAt: Date },
  period: { startDate: Date; endDate: Date },
): Promise<InputChange | null> {
  const rows = await db.$queryRaw<{ action: string; created_at: Date; seq: number }[]>`
    WITH calc AS (
      -- A check vouches for the events up to the seq it saw before recalculating, not for its own position.
      SELECT max(CASE WHEN action = 'period.checked' THEN (after->>'checkedThroughSeq')::int ELSE seq END) AS seq FROM audit_events
       WHERE organization_id = ${organizationId}::uuid AND entity_type = 'CalculationVersion' AND entity_id = ${version.id}
         AND action = ANY(${[...CALCULATION_ACTIONS]}::text[]))
    SELECT e.action, e.created_at, e.seq FROM audit_events e, calc
     WHERE e.organization_id = ${organizationId}::uuid
       -- seq as a range on the (organization_id, seq) index: only the events after the calculation are read.
       AND e.seq > coalesce(calc.seq, 0) AND (calc.seq IS NOT NULL OR e.created_at > ${version.createdAt})
       AND e.action = ANY(${[...INPUT_ACTIONS]}::text[])
       AND NOT (e.action LIKE 'activity.%' AND NOT (
             coalesce((e.after->>'periodStart')::date <= ${period.endDate}::date AND coalesce(e.after->>'periodEnd', e.after->>'periodStart')::date >= ${period.startDate}::date, false)
          OR coalesce((e.before->>'periodStart')::date <= ${period.endDate}::date AND coalesce(e.before->>'periodEnd', e.before->>'periodStart')::date >= ${period.startDate}::date, false)))
       AND NOT (e.action = 'run.measurements-added' AND (e.after->>'month')::date NOT BETWEEN date_trunc('month', ${period.startDate}::date) AND ${period.endDate}::date)
     ORDER BY e.seq DESC LIMIT 1`;
  return rows[0] ? { action: rows[0].action, changedAt: rows[0].created_at, seq: rows[0].seq } : null;
}
