-- Issue 14 (decision 0027, amendment): the member's own views and downloads in the assurance area, append-only.
CREATE TABLE "access_log_entries" (
  "id" BIGSERIAL NOT NULL,
  "organization_id" UUID NOT NULL,
  "user_id" UUID,
  "actor_label" TEXT NOT NULL,
  "role" TEXT NOT NULL,
  "action" TEXT NOT NULL,
  "entity_type" TEXT NOT NULL,
  "entity_id" TEXT,
  "period_id" UUID,
  "request_id" TEXT NOT NULL,
  "created_at" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "access_log_entries_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "access_log_entries_organization_id_user_id_id_idx" ON "access_log_entries"("organization_id", "user_id", "id");
CREATE INDEX "access_log_entries_organization_id_id_idx" ON "access_log_entries"("organization_id", "id");

CREATE FUNCTION scopebook_access_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'access_log_entries is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER access_log_entries_no_update_delete
  BEFORE UPDATE OR DELETE ON "access_log_entries"
  FOR EACH ROW EXECUTE FUNCTION scopebook_access_log_append_only();
