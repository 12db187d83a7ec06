-- Issue 13 (decision 0026): long work shows progress where it runs. A recalculation writes its phase here, outside
-- its own transaction, so the period page can poll it while the work runs (as an import's progress is on its row).
CREATE TABLE "recalculation_progress" (
  "period_id" UUID NOT NULL,
  "organization_id" UUID NOT NULL,
  "started_by_id" UUID,
  "phase" TEXT NOT NULL,
  "step" INTEGER NOT NULL,
  "steps" INTEGER NOT NULL,
  "started_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL,
  "updated_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL,
  "finished_at" TIMESTAMP(3) WITHOUT TIME ZONE,
  "error" TEXT,
  CONSTRAINT "recalculation_progress_pkey" PRIMARY KEY ("period_id")
);

CREATE INDEX "recalculation_progress_organization_id_idx" ON "recalculation_progress"("organization_id");

ALTER TABLE "recalculation_progress" ADD CONSTRAINT "recalculation_progress_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "recalculation_progress" ADD CONSTRAINT "recalculation_progress_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- E1-6 §48 (b): the Scope 1 emissions of the period covered by a regulated emission trading scheme (the verified
-- emissions of the installations, as the officer enters them); the report states them as % of gross Scope 1.
ALTER TABLE "reporting_periods" ADD COLUMN "scope1_ets_kg_co2e" NUMERIC(65,30);
