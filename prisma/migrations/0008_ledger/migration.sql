-- 0008_ledger: the accounting engine's persistence (docs/decisions/0013–0015).

-- A run in one of the organization's own data centres: its grid region, market and officer-set PUE.
ALTER TABLE "runs" ADD COLUMN "site_id" UUID;
ALTER TABLE "runs" ADD CONSTRAINT "runs_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Market-based lines covered by an instrument name it.
ALTER TABLE "ledger_lines" ADD COLUMN "instrument_id" UUID;
ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_instrument_id_fkey" FOREIGN KEY ("instrument_id") REFERENCES "contractual_instruments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Idempotent recalculation (same lines → same hash → nothing written) and what the inventory shows beside the lines.
ALTER TABLE "calculation_versions"
  ADD COLUMN "lines_sha256" CHARACTER(64),
  ADD COLUMN "details" JSONB;

CREATE TABLE "ledger_rollups" (
  "id" BIGSERIAL NOT NULL,
  "organization_id" UUID NOT NULL,
  "calculation_version_id" UUID NOT NULL,
  "scope" "Scope" NOT NULL,
  "scope3_category" SMALLINT,
  "method" "Scope2Method" NOT NULL,
  "status" "LedgerStatus" NOT NULL,
  "source_kind" "LedgerSource" NOT NULL,
  "project_id" UUID,
  "site_id" UUID,
  "month" DATE NOT NULL,
  "emissions_kg_co2e" NUMERIC(65,30) NOT NULL,
  "lines" INTEGER NOT NULL,
  CONSTRAINT "ledger_rollups_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ledger_rollups_organization_id_calculation_version_id_idx" ON "ledger_rollups"("organization_id", "calculation_version_id");
ALTER TABLE "ledger_rollups" ADD CONSTRAINT "ledger_rollups_calculation_version_id_fkey" FOREIGN KEY ("calculation_version_id") REFERENCES "calculation_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "restatement_notes" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "calculation_version_id" UUID NOT NULL,
  "datapoint" TEXT NOT NULL,
  "reason" "RestatementReason" NOT NULL,
  "note" TEXT,
  "created_by_id" UUID,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "restatement_notes_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "restatement_notes_organization_id_idx" ON "restatement_notes"("organization_id");
CREATE UNIQUE INDEX "restatement_notes_calculation_version_id_datapoint_key" ON "restatement_notes"("calculation_version_id", "datapoint");
ALTER TABLE "restatement_notes" ADD CONSTRAINT "restatement_notes_calculation_version_id_fkey" FOREIGN KEY ("calculation_version_id") REFERENCES "calculation_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- SCI per project: the engineer's functional unit, units per run and embodied emissions per run.
ALTER TABLE "projects"
  ADD COLUMN "sci_functional_unit" TEXT,
  ADD COLUMN "sci_units_per_run" NUMERIC(65,30),
  ADD COLUMN "sci_embodied_kg_co2e_per_run" NUMERIC(65,30);
