-- Issue 14: inquiries with their thread and hashed attachments, the auditor's private review notes, misstatements
-- (from inquiries, samples or otherwise, in kg CO2e), the reviewer step of the sign-off chain and the signed
-- management representation letter.

CREATE TYPE "AssuranceAnchor" AS ENUM ('DATAPOINT', 'LEDGER_LINE', 'RUN', 'PROVIDER_RECORD', 'ACTIVITY_RECORD', 'IMPORT', 'FACTOR', 'PERIOD');
CREATE TYPE "InquiryStatus" AS ENUM ('OPEN', 'ANSWERED', 'REOPENED', 'CLOSED');
CREATE TYPE "InquiryResolution" AS ENUM ('NO_ISSUE', 'MISSTATEMENT');
CREATE TYPE "InquiryMessageKind" AS ENUM ('QUESTION', 'ANSWER', 'RETURN', 'CLOSE', 'REOPEN');
CREATE TYPE "MisstatementSource" AS ENUM ('INQUIRY', 'SAMPLE', 'OTHER');

ALTER TABLE "reporting_periods" ADD COLUMN "reviewed_by_id" UUID, ADD COLUMN "reviewed_at" TIMESTAMP(3) WITHOUT TIME ZONE, ADD COLUMN "review_note" TEXT;
ALTER TABLE "report_versions" ADD COLUMN "reviewed_by_id" UUID, ADD COLUMN "reviewed_at" TIMESTAMP(3) WITHOUT TIME ZONE, ADD COLUMN "review_note" TEXT;

CREATE TABLE "inquiries" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "engagement_id" UUID NOT NULL,
  "period_id" UUID NOT NULL,
  "number" INTEGER NOT NULL,
  "title" TEXT NOT NULL,
  "anchor_type" "AssuranceAnchor" NOT NULL,
  "anchor_ref" TEXT NOT NULL,
  "anchor_label" TEXT NOT NULL,
  "asked_by_id" UUID NOT NULL,
  "assignee_membership_id" UUID,
  "due_date" DATE,
  "status" "InquiryStatus" NOT NULL DEFAULT 'OPEN',
  "resolution" "InquiryResolution",
  "closed_by_id" UUID,
  "closed_at" TIMESTAMP(3) WITHOUT TIME ZONE,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL,
  CONSTRAINT "inquiries_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "inquiry_messages" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "inquiry_id" UUID NOT NULL,
  "author_id" UUID NOT NULL,
  "kind" "InquiryMessageKind" NOT NULL,
  "body" TEXT NOT NULL,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "inquiry_messages_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "inquiry_attachments" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "inquiry_id" UUID NOT NULL,
  "message_id" UUID NOT NULL,
  "evidence_file_id" UUID NOT NULL,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "inquiry_attachments_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "review_notes" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "engagement_id" UUID NOT NULL,
  "period_id" UUID NOT NULL,
  "anchor_type" "AssuranceAnchor" NOT NULL,
  "anchor_ref" TEXT NOT NULL,
  "anchor_label" TEXT NOT NULL,
  "body" TEXT NOT NULL,
  "author_id" UUID NOT NULL,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "review_notes_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "misstatements" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "engagement_id" UUID NOT NULL,
  "period_id" UUID NOT NULL,
  "source" "MisstatementSource" NOT NULL,
  "source_id" UUID,
  "description" TEXT NOT NULL,
  "amount_kg_co2e" NUMERIC(65,30) NOT NULL,
  "corrected" BOOLEAN NOT NULL,
  "recorded_by_id" UUID NOT NULL,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "misstatements_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "representation_letters" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "period_id" UUID NOT NULL,
  "report_version_id" UUID NOT NULL,
  "content" TEXT NOT NULL,
  "pdf" BYTEA NOT NULL,
  "sha256" CHARACTER(64) NOT NULL,
  "signed_by_id" UUID NOT NULL,
  "signed_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL,
  CONSTRAINT "representation_letters_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "inquiries_organization_id_period_id_status_idx" ON "inquiries"("organization_id", "period_id", "status");
CREATE UNIQUE INDEX "inquiries_organization_id_number_key" ON "inquiries"("organization_id", "number");
CREATE INDEX "inquiry_messages_organization_id_inquiry_id_idx" ON "inquiry_messages"("organization_id", "inquiry_id");
CREATE INDEX "inquiry_attachments_organization_id_inquiry_id_idx" ON "inquiry_attachments"("organization_id", "inquiry_id");
CREATE INDEX "review_notes_organization_id_engagement_id_idx" ON "review_notes"("organization_id", "engagement_id");
CREATE INDEX "misstatements_organization_id_period_id_idx" ON "misstatements"("organization_id", "period_id");
CREATE UNIQUE INDEX "misstatements_organization_id_source_source_id_key" ON "misstatements"("organization_id", "source", "source_id");
CREATE INDEX "representation_letters_organization_id_period_id_idx" ON "representation_letters"("organization_id", "period_id");
CREATE UNIQUE INDEX "representation_letters_report_version_id_key" ON "representation_letters"("report_version_id");
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "inquiry_messages" ADD CONSTRAINT "inquiry_messages_inquiry_id_fkey" FOREIGN KEY ("inquiry_id") REFERENCES "inquiries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "inquiry_attachments" ADD CONSTRAINT "inquiry_attachments_inquiry_id_fkey" FOREIGN KEY ("inquiry_id") REFERENCES "inquiries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "inquiry_attachments" ADD CONSTRAINT "inquiry_attachments_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "inquiry_messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "inquiry_attachments" ADD CONSTRAINT "inquiry_attachments_evidence_file_id_fkey" FOREIGN KEY ("evidence_file_id") REFERENCES "evidence_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "review_notes" ADD CONSTRAINT "review_notes_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_notes" ADD CONSTRAINT "review_notes_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_notes" ADD CONSTRAINT "review_notes_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "misstatements" ADD CONSTRAINT "misstatements_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "misstatements" ADD CONSTRAINT "misstatements_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "misstatements" ADD CONSTRAINT "misstatements_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "representation_letters" ADD CONSTRAINT "representation_letters_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "representation_letters" ADD CONSTRAINT "representation_letters_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "representation_letters" ADD CONSTRAINT "representation_letters_report_version_id_fkey" FOREIGN KEY ("report_version_id") REFERENCES "report_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
