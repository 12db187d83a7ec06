-- Issue 13 (decision 0024): the officer's year.
-- A period goes OPEN (or CLOSED) → IN_REVIEW (its preparer submits) → SIGNED_OFF (a second person approves).
-- Sign-off freezes a report version: every datapoint as canonical JSON with its sha256 and the audit chain's head,
-- append-only like the audit trail. Scope 3 categories without a figure carry the officer's reason. Targets (E1-4).
ALTER TYPE "PeriodStatus" ADD VALUE 'IN_REVIEW' BEFORE 'SIGNED_OFF';

ALTER TABLE "reporting_periods"
  ADD COLUMN "submitted_by_id" UUID,
  ADD COLUMN "submitted_at" TIMESTAMP(3),
  ADD COLUMN "unresolved_acknowledged" BOOLEAN NOT NULL DEFAULT false;

CREATE TYPE "Scope3Relevance" AS ENUM ('NOT_RELEVANT', 'NOT_CALCULATED');
CREATE TYPE "TargetKind" AS ENUM ('ABSOLUTE', 'INTENSITY');
CREATE TYPE "TargetBaseSource" AS ENUM ('PERIOD', 'ENTERED');

CREATE TABLE "report_versions" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "period_id" UUID NOT NULL,
  "calculation_version_id" UUID NOT NULL,
  "number" INTEGER NOT NULL,
  "content" TEXT NOT NULL,
  "sha256" CHARACTER(64) NOT NULL,
  "audit_head_seq" INTEGER NOT NULL,
  "audit_head_hash" CHARACTER(64) NOT NULL,
  "prepared_by_id" UUID NOT NULL,
  "submitted_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL,
  "approved_by_id" UUID NOT NULL,
  "approved_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "report_versions_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "scope3_category_notes" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "period_id" UUID NOT NULL,
  "category" SMALLINT NOT NULL,
  "relevance" "Scope3Relevance" NOT NULL,
  "reason" TEXT NOT NULL,
  "updated_by_id" UUID,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL,
  CONSTRAINT "scope3_category_notes_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "emission_targets" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "name" TEXT NOT NULL,
  "kind" "TargetKind" NOT NULL,
  "covers_scope1" BOOLEAN NOT NULL,
  "scope2_method" "Scope2Method",
  "scope3_categories" INTEGER[] NOT NULL,
  "base_year" INTEGER NOT NULL,
  "base_source" "TargetBaseSource" NOT NULL,
  "base_period_id" UUID,
  "base_value" NUMERIC(65,30) NOT NULL,
  "base_evidence" TEXT,
  "target_year" INTEGER NOT NULL,
  "reduction_percent" NUMERIC(65,30) NOT NULL,
  "milestones" JSONB NOT NULL,
  "created_by_id" UUID,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL,
  CONSTRAINT "emission_targets_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "report_versions_calculation_version_id_idx" ON "report_versions"("calculation_version_id");
CREATE UNIQUE INDEX "report_versions_organization_id_period_id_number_key" ON "report_versions"("organization_id", "period_id", "number");
CREATE UNIQUE INDEX "scope3_category_notes_organization_id_period_id_category_key" ON "scope3_category_notes"("organization_id", "period_id", "category");
CREATE UNIQUE INDEX "emission_targets_organization_id_name_key" ON "emission_targets"("organization_id", "name");
ALTER TABLE "report_versions" ADD CONSTRAINT "report_versions_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_versions" ADD CONSTRAINT "report_versions_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_versions" ADD CONSTRAINT "report_versions_calculation_version_id_fkey" FOREIGN KEY ("calculation_version_id") REFERENCES "calculation_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scope3_category_notes" ADD CONSTRAINT "scope3_category_notes_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scope3_category_notes" ADD CONSTRAINT "scope3_category_notes_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "emission_targets" ADD CONSTRAINT "emission_targets_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What was signed is never changed or removed: a reopened period is signed again as the next version.
CREATE FUNCTION scopebook_report_versions_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'report_versions is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER report_versions_no_update_delete
  BEFORE UPDATE OR DELETE ON "report_versions"
  FOR EACH ROW EXECUTE FUNCTION scopebook_report_versions_append_only();

CREATE TRIGGER report_versions_no_truncate
  BEFORE TRUNCATE ON "report_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION scopebook_report_versions_append_only();

ALTER TABLE "scope3_category_notes" ADD CONSTRAINT "scope3_category_notes_category_check" CHECK ("category" BETWEEN 1 AND 15);
ALTER TABLE "emission_targets" ADD CONSTRAINT "emission_targets_years_check" CHECK ("target_year" > "base_year");
ALTER TABLE "emission_targets" ADD CONSTRAINT "emission_targets_reduction_check" CHECK ("reduction_percent" > 0 AND "reduction_percent" <= 100);
