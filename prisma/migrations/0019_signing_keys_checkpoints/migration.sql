-- Signed checkpoints and the evidence pack (issue 14, decision 0028)
CREATE TYPE "CheckpointKind" AS ENUM ('SIGNOFF', 'PACK_EXPORT');

CREATE TABLE "org_signing_keys" (
  "organization_id" UUID NOT NULL,
  "public_key_pem" TEXT NOT NULL,
  "fingerprint" CHARACTER(64) NOT NULL,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "org_signing_keys_pkey" PRIMARY KEY ("organization_id")
);

CREATE TABLE "audit_checkpoints" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "kind" "CheckpointKind" NOT NULL,
  "tree_size" INTEGER NOT NULL,
  "root_hash" CHARACTER(64) NOT NULL,
  "note" TEXT NOT NULL,
  "signature" TEXT NOT NULL,
  "key_fingerprint" CHARACTER(64) NOT NULL,
  "period_id" UUID,
  "report_version_id" UUID,
  "timestamp" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "audit_checkpoints_pkey" PRIMARY KEY ("id")
);


CREATE INDEX "audit_checkpoints_organization_id_tree_size_idx" ON "audit_checkpoints"("organization_id", "tree_size");

CREATE INDEX "audit_checkpoints_organization_id_report_version_id_idx" ON "audit_checkpoints"("organization_id", "report_version_id");

ALTER TABLE "org_signing_keys" ADD CONSTRAINT "org_signing_keys_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "audit_checkpoints" ADD CONSTRAINT "audit_checkpoints_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A checkpoint handed out is never changed or removed, nor is a published key (rotation adds, decision 0028).
CREATE FUNCTION scopebook_checkpoints_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_checkpoints_no_update_delete
  BEFORE UPDATE OR DELETE ON "audit_checkpoints"
  FOR EACH ROW EXECUTE FUNCTION scopebook_checkpoints_append_only();

CREATE TRIGGER org_signing_keys_no_update_delete
  BEFORE UPDATE OR DELETE ON "org_signing_keys"
  FOR EACH ROW EXECUTE FUNCTION scopebook_checkpoints_append_only();
