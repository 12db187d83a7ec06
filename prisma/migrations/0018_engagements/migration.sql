-- Issue 14 (decision 0027): assurance engagements scope auditor members to periods, with materiality (kg CO2e).
CREATE TYPE "EngagementStatus" AS ENUM ('OPEN', 'CONCLUDED');

CREATE TABLE "engagements" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "name" TEXT NOT NULL,
  "firm" TEXT NOT NULL,
  "start_date" DATE NOT NULL,
  "end_date" DATE NOT NULL,
  "overall_materiality_kg_co2e" NUMERIC(65,30) NOT NULL,
  "performance_materiality_kg_co2e" NUMERIC(65,30) NOT NULL,
  "clearly_trivial_kg_co2e" NUMERIC(65,30) NOT NULL,
  "status" "EngagementStatus" NOT NULL DEFAULT 'OPEN',
  "conclusion" TEXT,
  "concluded_by_id" UUID,
  "concluded_at" TIMESTAMP(3) WITHOUT TIME ZONE,
  "created_by_id" UUID,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL,
  CONSTRAINT "engagements_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "engagement_periods" (
  "engagement_id" UUID NOT NULL,
  "period_id" UUID NOT NULL,
  "organization_id" UUID NOT NULL,
  CONSTRAINT "engagement_periods_pkey" PRIMARY KEY ("engagement_id", "period_id")
);

CREATE TABLE "engagement_auditors" (
  "engagement_id" UUID NOT NULL,
  "membership_id" UUID NOT NULL,
  "organization_id" UUID NOT NULL,
  CONSTRAINT "engagement_auditors_pkey" PRIMARY KEY ("engagement_id", "membership_id")
);


CREATE UNIQUE INDEX "engagements_organization_id_name_key" ON "engagements"("organization_id", "name");
CREATE INDEX "engagement_periods_organization_id_period_id_idx" ON "engagement_periods"("organization_id", "period_id");
CREATE INDEX "engagement_auditors_organization_id_membership_id_idx" ON "engagement_auditors"("organization_id", "membership_id");

ALTER TABLE "engagements" ADD CONSTRAINT "engagements_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "engagement_periods" ADD CONSTRAINT "engagement_periods_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "engagement_periods" ADD CONSTRAINT "engagement_periods_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "engagement_auditors" ADD CONSTRAINT "engagement_auditors_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "engagement_auditors" ADD CONSTRAINT "engagement_auditors_membership_id_fkey" FOREIGN KEY ("membership_id") REFERENCES "memberships"("id") ON DELETE CASCADE ON UPDATE CASCADE;
