-- Issue 6 (decision 0021).
-- Activity records and contractual instruments are edited and deleted. A deletion is soft: the row stays (lines of
-- previously stated versions still link to it, shown as "deleted on … by …"), and the recalculation reads rows whose
-- deleted_at IS NULL. Who deleted it is also in the audit event (before/after).
ALTER TABLE "activity_records" ADD COLUMN "deleted_at" TIMESTAMP(3), ADD COLUMN "deleted_by_id" UUID;
ALTER TABLE "contractual_instruments" ADD COLUMN "deleted_at" TIMESTAMP(3), ADD COLUMN "deleted_by_id" UUID;

-- A live run's latest `run.measurements-added` audit event (its seq): the emission writer compares it with the
-- calculations of the run's period instead of looking markers up in the audit log for every emission.
ALTER TABLE "runs" ADD COLUMN "staleness_marked_seq" INTEGER;
