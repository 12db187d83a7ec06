-- 0001_init: the whole data model (drafted from schema.prisma by scripts/draft-migration.ts, reviewed by hand).

CREATE TYPE "Role" AS ENUM ('ADMIN', 'OFFICER', 'ENGINEER', 'AUDITOR');

CREATE TYPE "ConsolidationApproach" AS ENUM ('OPERATIONAL_CONTROL', 'FINANCIAL_CONTROL', 'EQUITY_SHARE');

CREATE TYPE "MeasurementKind" AS ENUM ('CUMULATIVE', 'DELTA');

CREATE TYPE "SourceType" AS ENUM ('CODECARBON_CSV', 'CODECARBON_JSON', 'CODECARBON_API', 'GCP_CARBON_EXPORT', 'AWS_CARBON_EXPORT', 'AZURE_EMISSIONS_EXPORT', 'CCF_ESTIMATES', 'ACTIVITY_CSV', 'INSTRUMENTS_CSV', 'FACTORS_CSV');

CREATE TYPE "ImportStatus" AS ENUM ('PREVIEW', 'PROCESSING', 'COMMITTED', 'CANCELLED', 'FAILED');

CREATE TYPE "ActivityCategory" AS ENUM ('FUEL_COMBUSTION', 'REFRIGERANT_LEAK', 'PURCHASED_ELECTRICITY', 'PURCHASED_HEAT', 'PURCHASED_STEAM', 'PURCHASED_COOLING', 'BUSINESS_TRAVEL', 'HARDWARE_PURCHASE', 'SPEND_PURCHASE');

CREATE TYPE "Scope" AS ENUM ('SCOPE_1', 'SCOPE_2', 'SCOPE_3');

CREATE TYPE "CloudProvider" AS ENUM ('GCP', 'AWS', 'AZURE', 'CCF');

CREATE TYPE "RecordNature" AS ENUM ('MEASURED', 'PROVIDER_REPORTED', 'ESTIMATED');

CREATE TYPE "MappingMatch" AS ENUM ('BILLING_ACCOUNT', 'CLOUD_PROJECT', 'ACCOUNT', 'TAG');

CREATE TYPE "FactorKeyType" AS ENUM ('COUNTRY', 'GRID_REGION', 'CLOUD_REGION', 'FUEL', 'REFRIGERANT', 'ACTIVITY', 'SPEND');

CREATE TYPE "FactorMethod" AS ENUM ('LOCATION_GRID_AVERAGE', 'RESIDUAL_MIX', 'SUPPLIER_SPECIFIC', 'ACTIVITY_AVERAGE');

CREATE TYPE "InstrumentType" AS ENUM ('REC', 'GUARANTEE_OF_ORIGIN', 'PPA', 'GREEN_TARIFF', 'SUPPLIER_SPECIFIC');

CREATE TYPE "PeriodStatus" AS ENUM ('OPEN', 'CLOSED', 'SIGNED_OFF');

CREATE TYPE "RestatementReason" AS ENUM ('FACTOR_UPDATE', 'DATA_CORRECTION', 'BOUNDARY_CHANGE', 'LATE_DATA');

CREATE TYPE "Scope2Method" AS ENUM ('LOCATION_BASED', 'MARKET_BASED', 'NOT_APPLICABLE');

CREATE TYPE "LedgerSource" AS ENUM ('RUN', 'MEASUREMENT', 'PROVIDER_RECORD', 'ACTIVITY', 'INSTRUMENT');

CREATE TYPE "LedgerStatus" AS ENUM ('RESOLVED', 'UNRESOLVED');

CREATE TYPE "ReportKind" AS ENUM ('SUMMARY', 'ESRS_E1', 'VSME_B3');

CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'SIGNED_OFF');

CREATE TYPE "BudgetKind" AS ENUM ('BUDGET', 'TARGET');

CREATE TABLE "organizations" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "slug" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "reporting_currency" CHARACTER(3) NOT NULL DEFAULT 'EUR',
  "fiscal_year_start_month" SMALLINT NOT NULL DEFAULT 1,
  "consolidation_approach" "ConsolidationApproach" NOT NULL DEFAULT 'OPERATIONAL_CONTROL',
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL,
  CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "users" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "email" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "password_hash" TEXT NOT NULL,
  "disabled_at" TIMESTAMP(3) WITHOUT TIME ZONE,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL,
  CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "memberships" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "user_id" UUID NOT NULL,
  "role" "Role" NOT NULL,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL,
  CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "api_tokens" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "project_id" UUID,
  "name" TEXT NOT NULL,
  "token_hash" TEXT NOT NULL,
  "token_prefix" TEXT NOT NULL,
  "created_by_id" UUID,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "last_used_at" TIMESTAMP(3) WITHOUT TIME ZONE,
  "revoked_at" TIMESTAMP(3) WITHOUT TIME ZONE,
  CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "projects" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "name" TEXT NOT NULL,
  "description" TEXT,
  "owner_id" UUID,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL,
  CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "experiments" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "project_id" UUID NOT NULL,
  "external_id" TEXT,
  "name" TEXT NOT NULL,
  "description" TEXT,
  "country_name" TEXT,
  "country_iso_code" CHARACTER VARYING(3),
  "region" TEXT,
  "on_cloud" BOOLEAN,
  "cloud_provider" TEXT,
  "cloud_region" TEXT,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "experiments_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "runs" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "project_id" UUID NOT NULL,
  "experiment_id" UUID,
  "external_run_id" TEXT,
  "identity_known" BOOLEAN NOT NULL DEFAULT true,
  "first_import_id" UUID,
  "started_at" TIMESTAMP(3) WITHOUT TIME ZONE,
  "last_measured_at" TIMESTAMP(3) WITHOUT TIME ZONE,
  "os" TEXT,
  "python_version" TEXT,
  "codecarbon_version" TEXT,
  "cpu_count" INTEGER,
  "cpu_model" TEXT,
  "gpu_count" INTEGER,
  "gpu_model" TEXT,
  "ram_total_size_gb" NUMERIC(65,30),
  "tracking_mode" TEXT,
  "country_name" TEXT,
  "country_iso_code" CHARACTER VARYING(3),
  "region" TEXT,
  "on_cloud" BOOLEAN,
  "cloud_provider" TEXT,
  "cloud_region" TEXT,
  "longitude" NUMERIC(65,30),
  "latitude" NUMERIC(65,30),
  "pue" NUMERIC(65,30),
  "wue" NUMERIC(65,30),
  "duration_seconds" NUMERIC(65,30),
  "energy_kwh" NUMERIC(65,30),
  "cpu_energy_kwh" NUMERIC(65,30),
  "gpu_energy_kwh" NUMERIC(65,30),
  "ram_energy_kwh" NUMERIC(65,30),
  "tracker_emissions_kg_co2e" NUMERIC(65,30),
  "water_litres" NUMERIC(65,30),
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL,
  CONSTRAINT "runs_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "measurements" (
  "id" BIGSERIAL NOT NULL,
  "organization_id" UUID NOT NULL,
  "run_id" UUID,
  "import_id" UUID,
  "row_number" INTEGER,
  "row_hash" TEXT NOT NULL,
  "kind" "MeasurementKind" NOT NULL,
  "measured_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL,
  "duration_seconds" NUMERIC(65,30),
  "tracker_emissions_kg_co2e" NUMERIC(65,30),
  "emissions_rate_kg_per_s" NUMERIC(65,30),
  "cpu_power_w" NUMERIC(65,30),
  "gpu_power_w" NUMERIC(65,30),
  "ram_power_w" NUMERIC(65,30),
  "cpu_energy_kwh" NUMERIC(65,30),
  "gpu_energy_kwh" NUMERIC(65,30),
  "ram_energy_kwh" NUMERIC(65,30),
  "energy_kwh" NUMERIC(65,30),
  "water_litres" NUMERIC(65,30),
  "cpu_utilization_percent" NUMERIC(65,30),
  "gpu_utilization_percent" NUMERIC(65,30),
  "ram_utilization_percent" NUMERIC(65,30),
  "ram_used_gb" NUMERIC(65,30),
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "measurements_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "evidence_files" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "file_name" TEXT NOT NULL,
  "content_type" TEXT NOT NULL,
  "size_bytes" BIGINT NOT NULL,
  "sha256" CHARACTER(64) NOT NULL,
  "content" BYTEA,
  "storage_path" TEXT,
  "uploaded_by_id" UUID,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "evidence_files_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "imports" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "source_type" "SourceType" NOT NULL,
  "detected_version" TEXT,
  "file_name" TEXT NOT NULL,
  "size_bytes" BIGINT NOT NULL,
  "sha256" CHARACTER(64) NOT NULL,
  "evidence_file_id" UUID,
  "status" "ImportStatus" NOT NULL,
  "rows_total" INTEGER NOT NULL DEFAULT 0,
  "rows_imported" INTEGER NOT NULL DEFAULT 0,
  "rows_duplicate" INTEGER NOT NULL DEFAULT 0,
  "rows_failed" INTEGER NOT NULL DEFAULT 0,
  "row_errors" JSONB NOT NULL DEFAULT '[]',
  "warnings" JSONB NOT NULL DEFAULT '[]',
  "created_by_id" UUID,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "committed_at" TIMESTAMP(3) WITHOUT TIME ZONE,
  CONSTRAINT "imports_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "sites" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "name" TEXT NOT NULL,
  "legal_entity" TEXT,
  "country_iso_code" CHARACTER VARYING(3),
  "grid_region" TEXT,
  "market" TEXT,
  "pue" NUMERIC(65,30),
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL,
  CONSTRAINT "sites_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "activity_records" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "import_id" UUID,
  "row_number" INTEGER,
  "row_hash" TEXT NOT NULL,
  "site_id" UUID,
  "category" "ActivityCategory" NOT NULL,
  "activity_type" TEXT,
  "period_start" DATE NOT NULL,
  "period_end" DATE NOT NULL,
  "quantity" NUMERIC(65,30) NOT NULL,
  "unit" TEXT NOT NULL,
  "supplier_factor_value" NUMERIC(65,30),
  "supplier_factor_unit" TEXT,
  "evidence_reference" TEXT,
  "proposed_scope" "Scope" NOT NULL,
  "proposed_scope3_category" SMALLINT,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "activity_records_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "provider_emission_records" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "import_id" UUID,
  "row_number" INTEGER,
  "row_hash" TEXT NOT NULL,
  "provider" "CloudProvider" NOT NULL,
  "nature" "RecordNature" NOT NULL,
  "billing_account_id" TEXT,
  "account_id" TEXT,
  "cloud_project_id" TEXT,
  "service" TEXT,
  "location" TEXT,
  "region" TEXT,
  "period_start" DATE NOT NULL,
  "period_end" DATE NOT NULL,
  "model_version" TEXT,
  "refreshed_at" TIMESTAMP(3) WITHOUT TIME ZONE,
  "energy_kwh" NUMERIC(65,30),
  "scope1_kg_co2e" NUMERIC(65,30),
  "scope2_lb_kg_co2e" NUMERIC(65,30),
  "scope2_mb_kg_co2e" NUMERIC(65,30),
  "scope3_kg_co2e" NUMERIC(65,30),
  "total_lb_kg_co2e" NUMERIC(65,30),
  "total_mb_kg_co2e" NUMERIC(65,30),
  "totals_mismatch" BOOLEAN NOT NULL DEFAULT false,
  "superseded_by_id" UUID,
  "project_id" UUID,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "provider_emission_records_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "cloud_project_mappings" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "provider" "CloudProvider" NOT NULL,
  "match_type" "MappingMatch" NOT NULL,
  "match_value" TEXT NOT NULL,
  "project_id" UUID NOT NULL,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "cloud_project_mappings_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "emission_factor_datasets" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID,
  "publisher" TEXT NOT NULL,
  "title" TEXT NOT NULL,
  "version" TEXT NOT NULL,
  "year" INTEGER,
  "licence" TEXT NOT NULL,
  "url" TEXT,
  "retrieved_at" TIMESTAMP(3) WITHOUT TIME ZONE,
  "gwp_basis" TEXT,
  "locked_at" TIMESTAMP(3) WITHOUT TIME ZONE,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "emission_factor_datasets_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "emission_factors" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID,
  "dataset_id" UUID NOT NULL,
  "key_type" "FactorKeyType" NOT NULL,
  "key" TEXT NOT NULL,
  "year" INTEGER,
  "valid_from" DATE,
  "valid_to" DATE,
  "value" NUMERIC(65,30) NOT NULL,
  "unit" TEXT NOT NULL,
  "method" "FactorMethod" NOT NULL,
  "gwp_basis" TEXT,
  "fossil_share" NUMERIC(65,30),
  "nuclear_share" NUMERIC(65,30),
  "renewable_share" NUMERIC(65,30),
  "evidence_file_id" UUID,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "emission_factors_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "contractual_instruments" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "import_id" UUID,
  "row_number" INTEGER,
  "type" "InstrumentType" NOT NULL,
  "volume_mwh" NUMERIC(65,30) NOT NULL,
  "market" TEXT NOT NULL,
  "vintage_start" DATE NOT NULL,
  "vintage_end" DATE NOT NULL,
  "tracking_system" TEXT,
  "certificate_id" TEXT,
  "retired_on_behalf" BOOLEAN NOT NULL,
  "emission_rate_kg_co2e_per_kwh" NUMERIC(65,30) NOT NULL,
  "site_id" UUID,
  "evidence_file_id" UUID,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "contractual_instruments_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "reporting_periods" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "name" TEXT NOT NULL,
  "start_date" DATE NOT NULL,
  "end_date" DATE NOT NULL,
  "status" "PeriodStatus" NOT NULL DEFAULT 'OPEN',
  "consolidation_approach" "ConsolidationApproach" NOT NULL,
  "net_revenue" NUMERIC(65,30),
  "net_revenue_currency" CHARACTER(3),
  "signed_off_by_id" UUID,
  "signed_off_at" TIMESTAMP(3) WITHOUT TIME ZONE,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL,
  CONSTRAINT "reporting_periods_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "calculation_versions" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "period_id" UUID NOT NULL,
  "number" INTEGER NOT NULL,
  "is_current" BOOLEAN NOT NULL,
  "reason" "RestatementReason",
  "reason_note" TEXT,
  "engine_version" TEXT NOT NULL,
  "created_by_id" UUID,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "calculation_versions_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ledger_lines" (
  "id" BIGSERIAL NOT NULL,
  "organization_id" UUID NOT NULL,
  "period_id" UUID NOT NULL,
  "calculation_version_id" UUID NOT NULL,
  "scope" "Scope" NOT NULL,
  "scope3_category" SMALLINT,
  "method" "Scope2Method" NOT NULL,
  "status" "LedgerStatus" NOT NULL,
  "activity_quantity" NUMERIC(65,30) NOT NULL,
  "activity_unit" TEXT NOT NULL,
  "factor_id" UUID,
  "factor_value" NUMERIC(65,30),
  "factor_unit" TEXT,
  "dataset_version" TEXT,
  "emissions_kg_co2e" NUMERIC(65,30),
  "source_kind" "LedgerSource" NOT NULL,
  "source_record_id" TEXT NOT NULL,
  "import_id" UUID,
  "project_id" UUID,
  "site_id" UUID,
  "month" DATE NOT NULL,
  "nature" "RecordNature" NOT NULL,
  "quality_flags" TEXT[] NOT NULL,
  "resolution" TEXT NOT NULL,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "ledger_lines_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "reports" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "period_id" UUID,
  "calculation_version_id" UUID,
  "kind" "ReportKind" NOT NULL,
  "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
  "title" TEXT NOT NULL,
  "pdf_sha256" CHARACTER(64),
  "created_by_id" UUID,
  "signed_off_by_id" UUID,
  "signed_off_at" TIMESTAMP(3) WITHOUT TIME ZONE,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "budgets" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "kind" "BudgetKind" NOT NULL,
  "project_id" UUID,
  "period_id" UUID,
  "scope" "Scope",
  "name" TEXT NOT NULL,
  "limit_kg_co2e" NUMERIC(65,30),
  "limit_energy_kwh" NUMERIC(65,30),
  "base_year" INTEGER,
  "baseline_kg_co2e" NUMERIC(65,30),
  "target_year" INTEGER,
  "reduction_percent" NUMERIC(65,30),
  "created_by_id" UUID,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL,
  CONSTRAINT "budgets_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "audit_events" (
  "id" BIGSERIAL NOT NULL,
  "organization_id" UUID NOT NULL,
  "seq" INTEGER NOT NULL,
  "actor_user_id" UUID,
  "actor_label" TEXT NOT NULL,
  "action" TEXT NOT NULL,
  "entity_type" TEXT NOT NULL,
  "entity_id" TEXT,
  "before" JSONB,
  "after" JSONB,
  "request_id" TEXT NOT NULL,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL,
  "prev_hash" CHARACTER(64) NOT NULL,
  "hash" CHARACTER(64) NOT NULL,
  CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations"("slug");

CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE INDEX "memberships_user_id_idx" ON "memberships"("user_id");

CREATE UNIQUE INDEX "memberships_organization_id_user_id_key" ON "memberships"("organization_id", "user_id");

CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

CREATE INDEX "api_tokens_organization_id_project_id_idx" ON "api_tokens"("organization_id", "project_id");

CREATE UNIQUE INDEX "projects_organization_id_name_key" ON "projects"("organization_id", "name");

CREATE INDEX "experiments_organization_id_external_id_idx" ON "experiments"("organization_id", "external_id");

CREATE UNIQUE INDEX "experiments_organization_id_project_id_name_key" ON "experiments"("organization_id", "project_id", "name");

CREATE INDEX "runs_organization_id_project_id_started_at_idx" ON "runs"("organization_id", "project_id", "started_at");

CREATE UNIQUE INDEX "runs_organization_id_external_run_id_key" ON "runs"("organization_id", "external_run_id");

CREATE INDEX "measurements_organization_id_run_id_measured_at_idx" ON "measurements"("organization_id", "run_id", "measured_at");

CREATE INDEX "measurements_import_id_row_number_idx" ON "measurements"("import_id", "row_number");

CREATE UNIQUE INDEX "measurements_organization_id_row_hash_key" ON "measurements"("organization_id", "row_hash");

CREATE UNIQUE INDEX "evidence_files_organization_id_sha256_key" ON "evidence_files"("organization_id", "sha256");

CREATE INDEX "imports_organization_id_created_at_idx" ON "imports"("organization_id", "created_at");

CREATE UNIQUE INDEX "imports_organization_id_sha256_key" ON "imports"("organization_id", "sha256");

CREATE UNIQUE INDEX "sites_organization_id_name_key" ON "sites"("organization_id", "name");

CREATE INDEX "activity_records_organization_id_period_start_idx" ON "activity_records"("organization_id", "period_start");

CREATE INDEX "activity_records_import_id_row_number_idx" ON "activity_records"("import_id", "row_number");

CREATE UNIQUE INDEX "activity_records_organization_id_row_hash_key" ON "activity_records"("organization_id", "row_hash");

CREATE INDEX "provider_emission_records_organization_id_provider_period_start_idx" ON "provider_emission_records"("organization_id", "provider", "period_start");

CREATE INDEX "provider_emission_records_import_id_row_number_idx" ON "provider_emission_records"("import_id", "row_number");

CREATE UNIQUE INDEX "provider_emission_records_organization_id_row_hash_key" ON "provider_emission_records"("organization_id", "row_hash");

CREATE UNIQUE INDEX "cloud_project_mappings_organization_id_provider_match_type_match_value_key" ON "cloud_project_mappings"("organization_id", "provider", "match_type", "match_value");

CREATE UNIQUE INDEX "emission_factor_datasets_organization_id_publisher_title_version_key" ON "emission_factor_datasets"("organization_id", "publisher", "title", "version");

CREATE INDEX "emission_factors_key_type_key_year_idx" ON "emission_factors"("key_type", "key", "year");

CREATE INDEX "emission_factors_organization_id_idx" ON "emission_factors"("organization_id");

CREATE UNIQUE INDEX "emission_factors_dataset_id_key_type_key_year_method_key" ON "emission_factors"("dataset_id", "key_type", "key", "year", "method");

CREATE INDEX "contractual_instruments_organization_id_market_vintage_start_idx" ON "contractual_instruments"("organization_id", "market", "vintage_start");

CREATE UNIQUE INDEX "contractual_instruments_organization_id_tracking_system_certificate_id_key" ON "contractual_instruments"("organization_id", "tracking_system", "certificate_id");

CREATE INDEX "reporting_periods_organization_id_start_date_idx" ON "reporting_periods"("organization_id", "start_date");

CREATE UNIQUE INDEX "reporting_periods_organization_id_name_key" ON "reporting_periods"("organization_id", "name");

CREATE UNIQUE INDEX "calculation_versions_organization_id_period_id_number_key" ON "calculation_versions"("organization_id", "period_id", "number");

CREATE INDEX "ledger_lines_organization_id_calculation_version_id_scope_method_idx" ON "ledger_lines"("organization_id", "calculation_version_id", "scope", "method");

CREATE INDEX "ledger_lines_organization_id_source_kind_source_record_id_idx" ON "ledger_lines"("organization_id", "source_kind", "source_record_id");

CREATE INDEX "ledger_lines_organization_id_project_id_month_idx" ON "ledger_lines"("organization_id", "project_id", "month");

CREATE INDEX "reports_organization_id_created_at_idx" ON "reports"("organization_id", "created_at");

CREATE INDEX "budgets_organization_id_project_id_idx" ON "budgets"("organization_id", "project_id");

CREATE INDEX "audit_events_organization_id_entity_type_entity_id_idx" ON "audit_events"("organization_id", "entity_type", "entity_id");

CREATE UNIQUE INDEX "audit_events_organization_id_seq_key" ON "audit_events"("organization_id", "seq");

ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "projects" ADD CONSTRAINT "projects_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "experiments" ADD CONSTRAINT "experiments_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "experiments" ADD CONSTRAINT "experiments_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "runs" ADD CONSTRAINT "runs_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "runs" ADD CONSTRAINT "runs_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "runs" ADD CONSTRAINT "runs_experiment_id_fkey" FOREIGN KEY ("experiment_id") REFERENCES "experiments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "measurements" ADD CONSTRAINT "measurements_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "measurements" ADD CONSTRAINT "measurements_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "measurements" ADD CONSTRAINT "measurements_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "imports" ADD CONSTRAINT "imports_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "imports" ADD CONSTRAINT "imports_evidence_file_id_fkey" FOREIGN KEY ("evidence_file_id") REFERENCES "evidence_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "sites" ADD CONSTRAINT "sites_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "activity_records" ADD CONSTRAINT "activity_records_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "activity_records" ADD CONSTRAINT "activity_records_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "activity_records" ADD CONSTRAINT "activity_records_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "provider_emission_records" ADD CONSTRAINT "provider_emission_records_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "provider_emission_records" ADD CONSTRAINT "provider_emission_records_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "cloud_project_mappings" ADD CONSTRAINT "cloud_project_mappings_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "cloud_project_mappings" ADD CONSTRAINT "cloud_project_mappings_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "emission_factor_datasets" ADD CONSTRAINT "emission_factor_datasets_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "emission_factors" ADD CONSTRAINT "emission_factors_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "emission_factors" ADD CONSTRAINT "emission_factors_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "emission_factor_datasets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "emission_factors" ADD CONSTRAINT "emission_factors_evidence_file_id_fkey" FOREIGN KEY ("evidence_file_id") REFERENCES "evidence_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "contractual_instruments" ADD CONSTRAINT "contractual_instruments_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "contractual_instruments" ADD CONSTRAINT "contractual_instruments_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "contractual_instruments" ADD CONSTRAINT "contractual_instruments_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "contractual_instruments" ADD CONSTRAINT "contractual_instruments_evidence_file_id_fkey" FOREIGN KEY ("evidence_file_id") REFERENCES "evidence_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "reporting_periods" ADD CONSTRAINT "reporting_periods_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "calculation_versions" ADD CONSTRAINT "calculation_versions_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "calculation_versions" ADD CONSTRAINT "calculation_versions_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_calculation_version_id_fkey" FOREIGN KEY ("calculation_version_id") REFERENCES "calculation_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_factor_id_fkey" FOREIGN KEY ("factor_id") REFERENCES "emission_factors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "reports" ADD CONSTRAINT "reports_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "reports" ADD CONSTRAINT "reports_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "reports" ADD CONSTRAINT "reports_calculation_version_id_fkey" FOREIGN KEY ("calculation_version_id") REFERENCES "calculation_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "budgets" ADD CONSTRAINT "budgets_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "budgets" ADD CONSTRAINT "budgets_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "budgets" ADD CONSTRAINT "budgets_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
