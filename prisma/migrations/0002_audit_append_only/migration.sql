-- 0002_audit_append_only: audit events can be inserted, never changed or removed.
-- The hash chain (lib/audit/chain.ts) detects tampering by anyone who bypasses this trigger
-- (a superuser disabling it, or edits to the data files).

CREATE FUNCTION scopebook_audit_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_events_no_update_delete
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION scopebook_audit_events_append_only();

CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION scopebook_audit_events_append_only();
