-- 0007_factor_library: factor datasets with provenance, source values, versions, and immutability once used
-- (docs/decisions/0012-factor-library.md).

CREATE TYPE "FactorDatasetKind" AS ENUM ('SHIPPED', 'IMPORTED', 'CUSTOM');

ALTER TABLE "emission_factor_datasets"
  ADD COLUMN "kind" "FactorDatasetKind" NOT NULL DEFAULT 'IMPORTED',
  ADD COLUMN "attribution" TEXT,
  ADD COLUMN "sha256" CHAR(64),
  ADD COLUMN "evidence_file_id" UUID,
  ADD COLUMN "previous_version_id" UUID,
  ADD COLUMN "created_by_id" UUID;

ALTER TABLE "emission_factors"
  ADD COLUMN "source_value" NUMERIC(65,30),
  ADD COLUMN "source_unit" TEXT,
  ADD COLUMN "description" TEXT;

CREATE INDEX "emission_factor_datasets_organization_id_sha256_idx" ON "emission_factor_datasets"("organization_id", "sha256");
CREATE INDEX "emission_factor_datasets_previous_version_id_idx" ON "emission_factor_datasets"("previous_version_id");

ALTER TABLE "emission_factor_datasets" ADD CONSTRAINT "emission_factor_datasets_evidence_file_id_fkey" FOREIGN KEY ("evidence_file_id") REFERENCES "evidence_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "emission_factor_datasets" ADD CONSTRAINT "emission_factor_datasets_previous_version_id_fkey" FOREIGN KEY ("previous_version_id") REFERENCES "emission_factor_datasets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Shipped datasets have organization_id NULL, and factors may have year NULL: NULLs must not make duplicates.
DROP INDEX "emission_factor_datasets_organization_id_publisher_title_versio";
CREATE UNIQUE INDEX "emission_factor_datasets_organization_id_publisher_title_versio"
  ON "emission_factor_datasets"("organization_id", "publisher", "title", "version") NULLS NOT DISTINCT;
DROP INDEX "emission_factors_dataset_id_key_type_key_year_method_key";
CREATE UNIQUE INDEX "emission_factors_dataset_id_key_type_key_year_method_key"
  ON "emission_factors"("dataset_id", "key_type", "key", "year", "method") NULLS NOT DISTINCT;

-- A factor keeps the value and unit its source gave; writers that give none (already in kgCO2e/…) get value/unit.
-- A factor of a locked dataset can be neither added, changed nor removed.
CREATE FUNCTION scopebook_emission_factors_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  locked record;
BEGIN
  ids := CASE TG_OP WHEN 'INSERT' THEN ARRAY[NEW.dataset_id] WHEN 'DELETE' THEN ARRAY[OLD.dataset_id]
                    ELSE ARRAY[OLD.dataset_id, NEW.dataset_id] END;
  SELECT id, locked_at INTO locked FROM emission_factor_datasets WHERE id = ANY(ids) AND locked_at IS NOT NULL LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'emission factor dataset % is locked (used by the ledger since %): % of its factors is not allowed; create a new version',
      locked.id, locked.locked_at, TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  IF NEW.source_value IS NULL THEN NEW.source_value := NEW.value; END IF;
  IF NEW.source_unit IS NULL THEN NEW.source_unit := NEW.unit; END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER emission_factors_guard
  BEFORE INSERT OR UPDATE OR DELETE ON "emission_factors"
  FOR EACH ROW EXECUTE FUNCTION scopebook_emission_factors_guard();

-- A locked dataset cannot be unlocked, changed or deleted (setting locked_at again is a no-op).
CREATE FUNCTION scopebook_emission_factor_datasets_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.locked_at IS NULL THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.locked_at IS NOT NULL
     AND (to_jsonb(NEW) - 'locked_at') = (to_jsonb(OLD) - 'locked_at') THEN
    NEW.locked_at := OLD.locked_at;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'emission factor dataset % is locked (used by the ledger since %): % is not allowed; create a new version',
    OLD.id, OLD.locked_at, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER emission_factor_datasets_guard
  BEFORE UPDATE OR DELETE ON "emission_factor_datasets"
  FOR EACH ROW EXECUTE FUNCTION scopebook_emission_factor_datasets_guard();

