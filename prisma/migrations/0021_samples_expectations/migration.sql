-- Issue 14: the auditor's analytical-review rows (expectations, explanations) and reproducible samples with their items' results.
CREATE TYPE "SampleMethod" AS ENUM ('ATTRIBUTE', 'MUS');

CREATE TYPE "SampleSelection" AS ENUM ('KEY_ITEM', 'STATISTICAL');

CREATE TYPE "SampleResult" AS ENUM ('AGREED', 'EXCEPTION');

CREATE TABLE "analytic_review_rows" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "period_id" UUID NOT NULL,
  "view" TEXT NOT NULL,
  "row_key" TEXT NOT NULL,
  "expectation_kg_co2e" NUMERIC,
  "expectation_note" TEXT,
  "explanation" TEXT,
  "inquiry_id" TEXT,
  "evidence_file_id" UUID,
  "updated_by_id" UUID,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL,
  CONSTRAINT "analytic_review_rows_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "audit_samples" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "period_id" UUID NOT NULL,
  "calculation_version_id" UUID NOT NULL,
  "report_version_number" INTEGER,
  "number" INTEGER NOT NULL,
  "name" TEXT NOT NULL,
  "method" "SampleMethod" NOT NULL,
  "population" JSONB NOT NULL,
  "population_size" INTEGER NOT NULL,
  "population_kg_co2e" NUMERIC NOT NULL,
  "population_sha256" CHARACTER(64) NOT NULL,
  "statistical_size" INTEGER NOT NULL,
  "statistical_kg_co2e" NUMERIC NOT NULL,
  "key_item_threshold_kg_co2e" NUMERIC,
  "key_site_ids" UUID[] NOT NULL,
  "confidence" NUMERIC NOT NULL,
  "tolerable_rate" NUMERIC,
  "tolerable_misstatement_kg_co2e" NUMERIC,
  "sample_size" INTEGER NOT NULL,
  "interval_kg_co2e" NUMERIC,
  "random_start_kg_co2e" NUMERIC,
  "seed" TEXT NOT NULL,
  "created_by_id" UUID,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "audit_samples_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "audit_sample_items" (
  "sample_id" UUID NOT NULL,
  "organization_id" UUID NOT NULL,
  "position" INTEGER NOT NULL,
  "line_id" TEXT NOT NULL,
  "selection" "SampleSelection" NOT NULL,
  "hits" INTEGER NOT NULL,
  "book_kg_co2e" NUMERIC,
  "result" "SampleResult",
  "misstatement_kg_co2e" NUMERIC,
  "note" TEXT,
  "evidence_file_id" UUID,
  "result_by_id" UUID,
  "result_at" TIMESTAMP(3) WITHOUT TIME ZONE,
  CONSTRAINT "audit_sample_items_pkey" PRIMARY KEY ("sample_id", "position")
);


CREATE UNIQUE INDEX "analytic_review_rows_organization_id_period_id_view_row_key_key" ON "analytic_review_rows"("organization_id", "period_id", "view", "row_key");

CREATE INDEX "audit_samples_organization_id_period_id_idx" ON "audit_samples"("organization_id", "period_id");

CREATE UNIQUE INDEX "audit_samples_organization_id_period_id_number_key" ON "audit_samples"("organization_id", "period_id", "number");

CREATE INDEX "audit_sample_items_organization_id_idx" ON "audit_sample_items"("organization_id");


ALTER TABLE "audit_sample_items" ADD CONSTRAINT "audit_sample_items_sample_id_fkey" FOREIGN KEY ("sample_id") REFERENCES "audit_samples"("id") ON DELETE CASCADE ON UPDATE CASCADE;
