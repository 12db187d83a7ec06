-- 0009_ledger_bulk_speed: writing ledger lines in bulk (docs/decisions/0016). Measured on 320,000 bench lines
-- (INSERT … SELECT of the same rows into copies of the table, load ~3 on 2 cores): the row with an id and a version
-- index ~5.8 µs per line; the seven foreign keys (organization, period, version, factor, project, site, instrument:
-- one index probe and one row lock each) another ~18 µs; the same checks once per statement (below) ~2 µs. Two
-- unused indexes go as well.

-- 1. The references of a line, checked once per statement instead of once per line (the pattern of 0004 for
-- measurements). After each INSERT or UPDATE, the distinct references of the new lines must exist — the version of
-- that organization and that period, the factor shipped (no organization) or of that organization, the project, the
-- site and the instrument of that organization (tenancy: stricter than the keys, which did not compare
-- organizations) — and are locked FOR KEY SHARE, as the keys did, so none can be deleted under lines being written.
-- Otherwise foreign_key_violation (23503) and the whole statement rolls back.
ALTER TABLE "ledger_lines" DROP CONSTRAINT "ledger_lines_organization_id_fkey";
ALTER TABLE "ledger_lines" DROP CONSTRAINT "ledger_lines_period_id_fkey";
ALTER TABLE "ledger_lines" DROP CONSTRAINT "ledger_lines_calculation_version_id_fkey";
ALTER TABLE "ledger_lines" DROP CONSTRAINT "ledger_lines_factor_id_fkey";
ALTER TABLE "ledger_lines" DROP CONSTRAINT "ledger_lines_project_id_fkey";
ALTER TABLE "ledger_lines" DROP CONSTRAINT "ledger_lines_site_id_fkey";
ALTER TABLE "ledger_lines" DROP CONSTRAINT "ledger_lines_instrument_id_fkey";

CREATE FUNCTION scopebook_ledger_lines_check_references() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  bad text;
BEGIN
  -- One pass over the statement's lines (their distinct references: a few hundred for millions of lines), then
  -- each kind of reference is looked up and locked.
  WITH refs AS MATERIALIZED (
         SELECT DISTINCT calculation_version_id, organization_id, period_id, factor_id, project_id, site_id, instrument_id FROM new_lines),
       v AS (SELECT DISTINCT calculation_version_id, organization_id, period_id FROM refs),
       v_ok AS (SELECT 1 FROM calculation_versions t JOIN v
                  ON t.id = v.calculation_version_id AND t.organization_id = v.organization_id AND t.period_id = v.period_id FOR KEY SHARE OF t),
       f AS (SELECT DISTINCT factor_id, organization_id FROM refs WHERE factor_id IS NOT NULL),
       f_ok AS (SELECT 1 FROM emission_factors t JOIN f ON t.id = f.factor_id AND (t.organization_id IS NULL OR t.organization_id = f.organization_id)
                FOR KEY SHARE OF t),
       p AS (SELECT DISTINCT project_id, organization_id FROM refs WHERE project_id IS NOT NULL),
       p_ok AS (SELECT 1 FROM projects t JOIN p ON t.id = p.project_id AND t.organization_id = p.organization_id FOR KEY SHARE OF t),
       s AS (SELECT DISTINCT site_id, organization_id FROM refs WHERE site_id IS NOT NULL),
       s_ok AS (SELECT 1 FROM sites t JOIN s ON t.id = s.site_id AND t.organization_id = s.organization_id FOR KEY SHARE OF t),
       i AS (SELECT DISTINCT instrument_id, organization_id FROM refs WHERE instrument_id IS NOT NULL),
       i_ok AS (SELECT 1 FROM contractual_instruments t JOIN i ON t.id = i.instrument_id AND t.organization_id = i.organization_id
                FOR KEY SHARE OF t)
  SELECT CASE
           WHEN (SELECT count(*) FROM v) <> (SELECT count(*) FROM v_ok) THEN 'a calculation version that does not exist in its organization and period'
           WHEN (SELECT count(*) FROM f) <> (SELECT count(*) FROM f_ok) THEN 'an emission factor that is neither shipped nor of its organization'
           WHEN (SELECT count(*) FROM p) <> (SELECT count(*) FROM p_ok) THEN 'a project that does not exist in its organization'
           WHEN (SELECT count(*) FROM s) <> (SELECT count(*) FROM s_ok) THEN 'a site that does not exist in its organization'
           WHEN (SELECT count(*) FROM i) <> (SELECT count(*) FROM i_ok) THEN 'a contractual instrument that does not exist in its organization'
         END INTO bad;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'a ledger line refers to %', bad USING ERRCODE = 'foreign_key_violation', TABLE = 'ledger_lines';
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER ledger_lines_check_references_insert
  AFTER INSERT ON "ledger_lines" REFERENCING NEW TABLE AS new_lines
  FOR EACH STATEMENT EXECUTE FUNCTION scopebook_ledger_lines_check_references();
CREATE TRIGGER ledger_lines_check_references_update
  AFTER UPDATE ON "ledger_lines" REFERENCING NEW TABLE AS new_lines
  FOR EACH STATEMENT EXECUTE FUNCTION scopebook_ledger_lines_check_references();

-- 2. What the keys did on the other side, set-wise per statement.
-- ON DELETE CASCADE from a version (and so from its period and organization, which cascade to their versions).
CREATE FUNCTION scopebook_calculation_versions_delete_lines() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM ledger_lines l USING old_rows o WHERE l.organization_id = o.organization_id AND l.calculation_version_id = o.id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER calculation_versions_delete_lines
  AFTER DELETE ON "calculation_versions" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scopebook_calculation_versions_delete_lines();
-- ON DELETE SET NULL from projects and sites (a scan of the organization's lines: no index by project or site; both
-- are rare).
CREATE FUNCTION scopebook_ledger_unlink_lines() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('UPDATE ledger_lines l SET %1$I = NULL FROM old_rows o WHERE l.organization_id = o.organization_id AND l.%1$I = o.id', TG_ARGV[0]);
  RETURN NULL;
END;
$$;
CREATE TRIGGER projects_unlink_lines
  AFTER DELETE ON "projects" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scopebook_ledger_unlink_lines('project_id');
CREATE TRIGGER sites_unlink_lines
  AFTER DELETE ON "sites" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scopebook_ledger_unlink_lines('site_id');
-- ON DELETE RESTRICT from factors and instruments: a factor or instrument a line uses cannot be deleted. A scan of
-- the owning organization's lines per statement (all lines for a shipped factor); delete-factor only deletes factors
-- of unlocked datasets, and a dataset is locked in the transaction that writes lines using it (0007, 0012).
CREATE FUNCTION scopebook_ledger_restrict_lines() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  used boolean;
BEGIN
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM ledger_lines l JOIN old_rows o
                    ON l.%I = o.id AND (o.organization_id IS NULL OR l.organization_id = o.organization_id))', TG_ARGV[0]) INTO used;
  IF used THEN
    RAISE EXCEPTION '% used by ledger lines cannot be deleted', TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER emission_factors_restrict_lines
  AFTER DELETE ON "emission_factors" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scopebook_ledger_restrict_lines('factor_id');
CREATE TRIGGER contractual_instruments_restrict_lines
  AFTER DELETE ON "contractual_instruments" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scopebook_ledger_restrict_lines('instrument_id');
-- What ON UPDATE CASCADE covered: ids and organizations never change in Scopebook; a change that would strand
-- lines is refused (one function for the five tables: a line refers to the row by these columns).
CREATE FUNCTION scopebook_ledger_referenced_keep_identity() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  used boolean;
BEGIN
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM ledger_lines WHERE %I = $1)', TG_ARGV[0]) INTO used USING OLD.id;
  IF used THEN
    RAISE EXCEPTION '% % is used by ledger lines: its id and organization cannot change', TG_TABLE_NAME, OLD.id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER calculation_versions_keep_identity BEFORE UPDATE OF "id", "organization_id", "period_id" ON "calculation_versions"
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.organization_id IS DISTINCT FROM NEW.organization_id OR OLD.period_id IS DISTINCT FROM NEW.period_id)
  EXECUTE FUNCTION scopebook_ledger_referenced_keep_identity('calculation_version_id');
CREATE TRIGGER emission_factors_keep_identity BEFORE UPDATE OF "id", "organization_id" ON "emission_factors"
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.organization_id IS DISTINCT FROM NEW.organization_id)
  EXECUTE FUNCTION scopebook_ledger_referenced_keep_identity('factor_id');
CREATE TRIGGER projects_keep_identity BEFORE UPDATE OF "id", "organization_id" ON "projects"
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.organization_id IS DISTINCT FROM NEW.organization_id)
  EXECUTE FUNCTION scopebook_ledger_referenced_keep_identity('project_id');
CREATE TRIGGER sites_keep_identity BEFORE UPDATE OF "id", "organization_id" ON "sites"
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.organization_id IS DISTINCT FROM NEW.organization_id)
  EXECUTE FUNCTION scopebook_ledger_referenced_keep_identity('site_id');
CREATE TRIGGER contractual_instruments_keep_identity BEFORE UPDATE OF "id", "organization_id" ON "contractual_instruments"
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.organization_id IS DISTINCT FROM NEW.organization_id)
  EXECUTE FUNCTION scopebook_ledger_referenced_keep_identity('instrument_id');

-- 3. Indexes no query uses: lines are read per version (the remaining (organization, version, scope, method) index),
-- never by source record or by project. The source-record index was the costliest entry of a line (a 36-character
-- text key at a random place of the btree).
DROP INDEX "ledger_lines_organization_id_source_kind_source_record_id_idx";
DROP INDEX "ledger_lines_organization_id_project_id_month_idx";
