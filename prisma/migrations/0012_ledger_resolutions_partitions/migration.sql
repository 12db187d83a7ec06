-- Ledger lines: what lines of one kind share is stored once (ledger_resolutions), lines are narrow rows, and
-- ledger_lines is partitioned by calculation version: a recalculation writes a version's lines into a new table
-- created in its transaction, indexes it once filled, and attaches it (docs/decisions/0019).

-- 1. Resolutions: scope, method, status, factor or instrument, dataset version, source kind, nature, flags, why.
CREATE TABLE "ledger_resolutions" (
  "id" SERIAL NOT NULL,
  "organization_id" UUID NOT NULL,
  "calculation_version_id" UUID NOT NULL,
  "scope" "Scope" NOT NULL,
  "scope3_category" SMALLINT,
  "method" "Scope2Method" NOT NULL,
  "status" "LedgerStatus" NOT NULL,
  "activity_unit" TEXT NOT NULL,
  "factor_id" UUID,
  "instrument_id" UUID,
  "factor_value" NUMERIC(65,30),
  "factor_unit" TEXT,
  "dataset_version" TEXT,
  "source_kind" "LedgerSource" NOT NULL,
  "nature" "RecordNature" NOT NULL,
  "quality_flags" TEXT[] NOT NULL,
  "resolution" TEXT NOT NULL,
  CONSTRAINT "ledger_resolutions_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ledger_resolutions_organization_id_calculation_version_id_idx" ON "ledger_resolutions"("organization_id", "calculation_version_id");
ALTER TABLE "ledger_resolutions" ADD CONSTRAINT "ledger_resolutions_calculation_version_id_fkey" FOREIGN KEY ("calculation_version_id") REFERENCES "calculation_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ledger_lines" RENAME TO "ledger_lines_0011";
ALTER INDEX "ledger_lines_pkey" RENAME TO "ledger_lines_0011_pkey";
ALTER INDEX "ledger_lines_organization_id_calculation_version_id_scope_metho" RENAME TO "ledger_lines_0011_version_idx";

INSERT INTO "ledger_resolutions" ("organization_id", "calculation_version_id", "scope", "scope3_category", "method", "status", "activity_unit", "factor_id",
                                  "instrument_id", "factor_value", "factor_unit", "dataset_version", "source_kind", "nature", "quality_flags", "resolution")
SELECT DISTINCT "organization_id", "calculation_version_id", "scope", "scope3_category", "method", "status", "activity_unit", "factor_id",
       "instrument_id", "factor_value", "factor_unit", "dataset_version", "source_kind", "nature", "quality_flags", "resolution"
  FROM "ledger_lines_0011";

-- 2. Narrow lines, one partition per calculation version.
CREATE TABLE "ledger_lines" (
  "organization_id" UUID NOT NULL,
  "calculation_version_id" UUID NOT NULL,
  "resolution_id" INTEGER NOT NULL,
  "source_record_id" UUID NOT NULL,
  "import_id" UUID,
  "project_id" UUID,
  "site_id" UUID,
  "month" DATE NOT NULL,
  "activity_quantity" NUMERIC NOT NULL,
  "emissions_kg_co2e" NUMERIC
) PARTITION BY LIST ("calculation_version_id");
-- Lines are read per version and resolution (the figure an auditor clicked); a version's partition is indexed once,
-- after it is filled. No id and no primary key: a line is its version, resolution, source record and month; a
-- sequence would keep the fill from running in parallel and a key would be a unique index over millions of lines
-- rebuilt at every recalculation (decision 0019).
CREATE INDEX "ledger_lines_resolution_id_idx" ON "ledger_lines"("resolution_id");

-- The partition holding a version's lines (NULL: none).
CREATE FUNCTION scopebook_ledger_partition_of(version uuid) RETURNS regclass
LANGUAGE sql STABLE AS $$
  SELECT c.oid::regclass FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
   WHERE i.inhparent = 'ledger_lines'::regclass AND pg_catalog.pg_get_expr(c.relpartbound, c.oid) = format('FOR VALUES IN (%L)', version)
$$;

DO $$
DECLARE
  v uuid;
BEGIN
  FOR v IN SELECT DISTINCT calculation_version_id FROM ledger_lines_0011 LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF ledger_lines FOR VALUES IN (%L)', 'ledger_lines_' || replace(v::text, '-', ''), v);
  END LOOP;
END $$;
INSERT INTO "ledger_lines" ("organization_id", "calculation_version_id", "resolution_id", "source_record_id", "import_id", "project_id", "site_id", "month",
                            "activity_quantity", "emissions_kg_co2e")
SELECT l.organization_id, l.calculation_version_id, r.id, l.source_record_id::uuid, l.import_id, l.project_id, l.site_id, l.month,
       trim_scale(l.activity_quantity), trim_scale(l.emissions_kg_co2e)
  FROM "ledger_lines_0011" l
  JOIN "ledger_resolutions" r ON r.calculation_version_id = l.calculation_version_id AND r.organization_id = l.organization_id AND r.scope = l.scope
   AND r.scope3_category IS NOT DISTINCT FROM l.scope3_category AND r.method = l.method AND r.status = l.status AND r.activity_unit = l.activity_unit
   AND r.factor_id IS NOT DISTINCT FROM l.factor_id AND r.instrument_id IS NOT DISTINCT FROM l.instrument_id AND r.factor_value IS NOT DISTINCT FROM l.factor_value
   AND r.factor_unit IS NOT DISTINCT FROM l.factor_unit AND r.dataset_version IS NOT DISTINCT FROM l.dataset_version AND r.source_kind = l.source_kind
   AND r.nature = l.nature AND r.quality_flags = l.quality_flags AND r.resolution = l.resolution;
DROP TABLE "ledger_lines_0011";

-- 3. Rollups per resolution, project, site and month, with the activity quantity (E1-5 reads it).
DROP TABLE "ledger_rollups";
CREATE TABLE "ledger_rollups" (
  "id" BIGSERIAL NOT NULL,
  "organization_id" UUID NOT NULL,
  "calculation_version_id" UUID NOT NULL,
  "resolution_id" INTEGER NOT NULL,
  "project_id" UUID,
  "site_id" UUID,
  "month" DATE NOT NULL,
  "activity_quantity" NUMERIC NOT NULL,
  "emissions_kg_co2e" NUMERIC NOT NULL,
  "lines" INTEGER NOT NULL,
  CONSTRAINT "ledger_rollups_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ledger_rollups_organization_id_calculation_version_id_idx" ON "ledger_rollups"("organization_id", "calculation_version_id");
ALTER TABLE "ledger_rollups" ADD CONSTRAINT "ledger_rollups_calculation_version_id_fkey" FOREIGN KEY ("calculation_version_id") REFERENCES "calculation_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
INSERT INTO "ledger_rollups" ("organization_id", "calculation_version_id", "resolution_id", "project_id", "site_id", "month", "activity_quantity", "emissions_kg_co2e", "lines")
SELECT organization_id, calculation_version_id, resolution_id, project_id, site_id, month, sum(activity_quantity), coalesce(sum(emissions_kg_co2e), 0), count(*)
  FROM "ledger_lines" GROUP BY 1, 2, 3, 4, 5, 6;

-- 4. References, checked once per statement (as in 0009). Lines: the version of that organization, a resolution of
-- that version, the project and site of that organization.
CREATE OR REPLACE FUNCTION scopebook_ledger_lines_check_references() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  bad text;
BEGIN
  WITH refs AS MATERIALIZED (SELECT DISTINCT calculation_version_id, organization_id, resolution_id, project_id, site_id FROM new_lines),
       v AS (SELECT DISTINCT calculation_version_id, organization_id FROM refs),
       v_ok AS (SELECT 1 FROM calculation_versions t JOIN v ON t.id = v.calculation_version_id AND t.organization_id = v.organization_id FOR KEY SHARE OF t),
       r AS (SELECT DISTINCT resolution_id, calculation_version_id, organization_id FROM refs),
       r_ok AS (SELECT 1 FROM ledger_resolutions t JOIN r ON t.id = r.resolution_id AND t.calculation_version_id = r.calculation_version_id
                  AND t.organization_id = r.organization_id),
       p AS (SELECT DISTINCT project_id, organization_id FROM refs WHERE project_id IS NOT NULL),
       p_ok AS (SELECT 1 FROM projects t JOIN p ON t.id = p.project_id AND t.organization_id = p.organization_id FOR KEY SHARE OF t),
       s AS (SELECT DISTINCT site_id, organization_id FROM refs WHERE site_id IS NOT NULL),
       s_ok AS (SELECT 1 FROM sites t JOIN s ON t.id = s.site_id AND t.organization_id = s.organization_id FOR KEY SHARE OF t)
  SELECT CASE
           WHEN (SELECT count(*) FROM v) <> (SELECT count(*) FROM v_ok) THEN 'a calculation version that does not exist in its organization'
           WHEN (SELECT count(*) FROM r) <> (SELECT count(*) FROM r_ok) THEN 'a resolution that is not of its calculation version'
           WHEN (SELECT count(*) FROM p) <> (SELECT count(*) FROM p_ok) THEN 'a project that does not exist in its organization'
           WHEN (SELECT count(*) FROM s) <> (SELECT count(*) FROM s_ok) THEN 'a site that does not exist in its organization'
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

-- Resolutions: the version of that organization (the key checks it exists), the factor shipped or of that
-- organization, the instrument of that organization.
CREATE FUNCTION scopebook_ledger_resolutions_check_references() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  bad text;
BEGIN
  WITH v AS (SELECT DISTINCT calculation_version_id, organization_id FROM new_rows),
       v_ok AS (SELECT 1 FROM calculation_versions t JOIN v ON t.id = v.calculation_version_id AND t.organization_id = v.organization_id),
       f AS (SELECT DISTINCT factor_id, organization_id FROM new_rows WHERE factor_id IS NOT NULL),
       f_ok AS (SELECT 1 FROM emission_factors t JOIN f ON t.id = f.factor_id AND (t.organization_id IS NULL OR t.organization_id = f.organization_id)
                FOR KEY SHARE OF t),
       i AS (SELECT DISTINCT instrument_id, organization_id FROM new_rows WHERE instrument_id IS NOT NULL),
       i_ok AS (SELECT 1 FROM contractual_instruments t JOIN i ON t.id = i.instrument_id AND t.organization_id = i.organization_id FOR KEY SHARE OF t)
  SELECT CASE
           WHEN (SELECT count(*) FROM v) <> (SELECT count(*) FROM v_ok) THEN 'a calculation version that does not exist in its organization'
           WHEN (SELECT count(*) FROM f) <> (SELECT count(*) FROM f_ok) THEN 'an emission factor that is neither shipped nor of its organization'
           WHEN (SELECT count(*) FROM i) <> (SELECT count(*) FROM i_ok) THEN 'a contractual instrument that does not exist in its organization'
         END INTO bad;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'a ledger resolution refers to %', bad USING ERRCODE = 'foreign_key_violation', TABLE = 'ledger_resolutions';
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER ledger_resolutions_check_references_insert
  AFTER INSERT ON "ledger_resolutions" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scopebook_ledger_resolutions_check_references();
CREATE TRIGGER ledger_resolutions_check_references_update
  AFTER UPDATE ON "ledger_resolutions" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION scopebook_ledger_resolutions_check_references();

-- Deleting a version drops its partition (its resolutions and rollups go by their keys).
CREATE OR REPLACE FUNCTION scopebook_calculation_versions_delete_lines() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  part regclass;
BEGIN
  FOR part IN SELECT scopebook_ledger_partition_of(o.id) FROM old_rows o LOOP
    IF part IS NOT NULL THEN
      EXECUTE format('DROP TABLE %s', part);
    END IF;
  END LOOP;
  RETURN NULL;
END;
$$;

-- A factor or instrument used by a line (through its resolution) cannot be deleted, nor change id or organization.
CREATE OR REPLACE FUNCTION scopebook_ledger_restrict_lines() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  used boolean;
BEGIN
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM ledger_resolutions l JOIN old_rows o
                    ON l.%I = o.id AND (o.organization_id IS NULL OR l.organization_id = o.organization_id))', TG_ARGV[0]) INTO used;
  IF used THEN
    RAISE EXCEPTION '% used by ledger lines cannot be deleted', TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
  END IF;
  RETURN NULL;
END;
$$;
CREATE OR REPLACE FUNCTION scopebook_ledger_referenced_keep_identity() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  used boolean;
BEGIN
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I = $1)',
                 CASE WHEN TG_ARGV[0] IN ('factor_id', 'instrument_id') THEN 'ledger_resolutions' ELSE 'ledger_lines' END, TG_ARGV[0]) INTO used USING OLD.id;
  IF used THEN
    RAISE EXCEPTION '% % is used by ledger lines: its id and organization cannot change', TG_TABLE_NAME, OLD.id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END;
$$;
