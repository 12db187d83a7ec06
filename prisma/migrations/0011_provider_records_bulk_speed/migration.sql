-- 0011_provider_records_bulk_speed: cloud-export commits at bulk speed (docs/decisions/0018), the patterns of 0004
-- (decision 0008) applied to provider_emission_records.

-- 1. One index on random hashes instead of two. A row hash covers the row's key (lib/ingest/sources/cloud/record.ts:
-- sha256 of key, version and values; key_hash is sha256 of the same key), so one row hash always comes with one key
-- hash and "(organization, key, row hash) once" is the same rule as "(organization, row hash) once". The new unique
-- index also serves every look-up by key (the probe for other versions, supersession), so it replaces both.
DROP INDEX "provider_emission_records_organization_id_row_hash_key";
DROP INDEX "provider_emission_records_organization_id_key_hash_idx";
CREATE UNIQUE INDEX "provider_emission_records_organization_id_key_hash_row_hash_key"
  ON "provider_emission_records"("organization_id", "key_hash", "row_hash");

-- 2. Ids in time order: the primary key grows at its end instead of at a random place of a btree that outgrows the
-- buffer cache (uuidv7(), Postgres 18). Ids stay opaque uuids to everything that reads them. Scopebook runs on any
-- Postgres 14+ (decision 0002): before 18, an equivalent uuidv7() is installed (48 bits of Unix milliseconds, then
-- the random bits of gen_random_uuid() with the version set to 7).
DO $$
BEGIN
  IF to_regprocedure('uuidv7()') IS NULL THEN
    CREATE FUNCTION uuidv7() RETURNS uuid LANGUAGE sql VOLATILE AS $f$
      SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
               PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
             52, 1), 53, 1), 'hex')::uuid
    $f$;
  END IF;
END;
$$;
ALTER TABLE "provider_emission_records" ALTER COLUMN "id" SET DEFAULT uuidv7();

-- 3. The import check once per statement instead of once per row. The foreign key import_id → imports(id) is
-- replaced by triggers that keep, and tighten, its guarantee: after each INSERT or UPDATE (a COPY or an
-- INSERT … SELECT is one), the distinct (import, organization) pairs of the new rows must be imports of *that*
-- organization; they are locked FOR KEY SHARE, as the key did, so an import cannot be deleted under rows being
-- written. Otherwise foreign_key_violation (23503) and the whole statement rolls back.
ALTER TABLE "provider_emission_records" DROP CONSTRAINT "provider_emission_records_import_id_fkey";

CREATE FUNCTION scopebook_provider_records_check_imports() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  wanted bigint;
  found bigint;
BEGIN
  SELECT count(*) INTO wanted FROM (SELECT DISTINCT import_id, organization_id FROM new_rows WHERE import_id IS NOT NULL) n;
  IF wanted = 0 THEN
    RETURN NULL;
  END IF;
  SELECT count(*) INTO found FROM (
    SELECT 1 FROM imports i
      JOIN (SELECT DISTINCT import_id, organization_id FROM new_rows WHERE import_id IS NOT NULL) n
        ON i.id = n.import_id AND i.organization_id = n.organization_id
       FOR KEY SHARE OF i) k;
  IF found <> wanted THEN
    RAISE EXCEPTION 'a provider row refers to an import that does not exist in its organization'
      USING ERRCODE = 'foreign_key_violation', TABLE = 'provider_emission_records';
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER provider_emission_records_check_imports_insert
  AFTER INSERT ON "provider_emission_records" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scopebook_provider_records_check_imports();

CREATE TRIGGER provider_emission_records_check_imports_update
  AFTER UPDATE ON "provider_emission_records" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scopebook_provider_records_check_imports();

-- What ON DELETE RESTRICT did: an import with provider rows cannot be deleted — unless its organization is being
-- deleted, which takes the rows along (their organization key cascades).
CREATE FUNCTION scopebook_imports_keep_provider_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM provider_emission_records WHERE import_id = OLD.id AND organization_id = OLD.organization_id)
     AND EXISTS (SELECT 1 FROM organizations WHERE id = OLD.organization_id) THEN
    RAISE EXCEPTION 'import % has provider rows: it cannot be deleted', OLD.id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN OLD;
END;
$$;

CREATE TRIGGER imports_keep_provider_rows
  BEFORE DELETE ON "imports"
  FOR EACH ROW EXECUTE FUNCTION scopebook_imports_keep_provider_rows();

-- What ON UPDATE CASCADE covered: an import's id and organization never change (nothing in Scopebook changes them);
-- a change that would strand provider rows is refused.
CREATE FUNCTION scopebook_imports_keep_identity() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM provider_emission_records WHERE import_id = OLD.id AND organization_id = OLD.organization_id) THEN
    RAISE EXCEPTION 'import % has provider rows: its id and organization cannot change', OLD.id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER imports_keep_identity
  BEFORE UPDATE OF "id", "organization_id" ON "imports"
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.organization_id IS DISTINCT FROM NEW.organization_id)
  EXECUTE FUNCTION scopebook_imports_keep_identity();
