-- 0004_measurements_bulk_speed: file imports at near-COPY speed (docs/decisions/0008). Measured per inserted row
-- (COPY of 400,000 rows, database CPU): the run foreign key ~3.5 µs, the unique (organization, row hash) index
-- ~6 µs (a random-order btree over 64-character keys), the (organization, run, time) index ~2 µs; the row itself
-- with every value ~5.5 µs.

-- 1. Identity in run order. A row hash is derived from the run and the time (run id + timestamp; the tracker API's
-- from its run's UUID + timestamp) or, for a row without a run id, the run's id is derived from the hash and the hash
-- covers the time: the same hash always comes with the same run and time. So "(organization, run, time, hash) once"
-- is the same rule as "(organization, hash) once", and its index grows at the end of each run instead of at random
-- places. It also serves every per-run read, so it replaces the (organization, run, time) index.
DROP INDEX "measurements_organization_id_row_hash_key";
DROP INDEX "measurements_organization_id_run_id_measured_at_idx";
CREATE UNIQUE INDEX "measurements_organization_id_run_id_measured_at_row_hash_key"
  ON "measurements"("organization_id", "run_id", "measured_at", "row_hash");

-- 2. The run check once per statement instead of once per row. The foreign key of 0003 made sure a measurement
-- belongs to a run of its own organization; these triggers keep that guarantee set-wise: after each INSERT or
-- UPDATE (a COPY is one), the distinct (run, organization) pairs of the new rows must all be runs, which are locked
-- FOR KEY SHARE as the key did, so a run cannot be deleted under rows being written.
ALTER TABLE "measurements" DROP CONSTRAINT "measurements_run_id_organization_id_fkey";

CREATE FUNCTION scopebook_measurements_check_runs() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  wanted bigint;
  found bigint;
BEGIN
  SELECT count(*) INTO wanted FROM (SELECT DISTINCT run_id, organization_id FROM new_rows) n;
  SELECT count(*) INTO found FROM (
    SELECT 1 FROM runs r
      JOIN (SELECT DISTINCT run_id, organization_id FROM new_rows) n ON r.id = n.run_id AND r.organization_id = n.organization_id
       FOR KEY SHARE OF r) k;
  IF found <> wanted THEN
    RAISE EXCEPTION 'a measurement refers to a run that does not exist in its organization'
      USING ERRCODE = 'foreign_key_violation', TABLE = 'measurements';
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER measurements_check_runs_insert
  AFTER INSERT ON "measurements" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scopebook_measurements_check_runs();

CREATE TRIGGER measurements_check_runs_update
  AFTER UPDATE ON "measurements" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scopebook_measurements_check_runs();

-- What ON DELETE CASCADE did: a deleted run takes its measurements along (set-wise per statement).
CREATE FUNCTION scopebook_runs_delete_measurements() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM measurements m USING old_rows o WHERE m.organization_id = o.organization_id AND m.run_id = o.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER runs_delete_measurements
  AFTER DELETE ON "runs" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scopebook_runs_delete_measurements();

-- What ON UPDATE CASCADE covered: a run's id and organization never change (nothing in Scopebook changes them);
-- a change that would strand measurements is refused.
CREATE FUNCTION scopebook_runs_keep_identity() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM measurements WHERE organization_id = OLD.organization_id AND run_id = OLD.id) THEN
    RAISE EXCEPTION 'run % has measurements: its id and organization cannot change', OLD.id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER runs_keep_identity
  BEFORE UPDATE OF "id", "organization_id" ON "runs"
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.organization_id IS DISTINCT FROM NEW.organization_id)
  EXECUTE FUNCTION scopebook_runs_keep_identity();

-- 3. Experiment names may repeat within a project, as on CodeCarbon's own server: its POST /experiments inserts a
-- new experiment whatever the name (a stock `codecarbon config` run twice must not get a 409). Lookups by name stay
-- indexed.
DROP INDEX "experiments_organization_id_project_id_name_key";
CREATE INDEX "experiments_organization_id_project_id_name_idx" ON "experiments"("organization_id", "project_id", "name");
