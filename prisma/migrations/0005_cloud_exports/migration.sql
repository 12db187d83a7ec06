-- 0005_cloud_exports: cloud providers' carbon exports and Cloud Carbon Footprint estimates (issue 5, cloud part):
-- what provider rows keep beyond 0001 (scope 3 LB/MB, the file's unit, tags), their supersession key and version
-- order, the proposed classification (docs/decisions/0009), restatements (0010) and attribution to projects.

ALTER TABLE "imports" ADD COLUMN "rows_restated" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "provider_emission_records"
  ADD COLUMN "scope3_lb_kg_co2e" NUMERIC(65,30),
  ADD COLUMN "scope3_mb_kg_co2e" NUMERIC(65,30),
  ADD COLUMN "source_unit" TEXT,
  ADD COLUMN "tags" JSONB,
  ADD COLUMN "key_hash" TEXT NOT NULL,
  ADD COLUMN "version_rank" TEXT NOT NULL,
  ADD COLUMN "proposed_scope" "Scope" NOT NULL DEFAULT 'SCOPE_3',
  ADD COLUMN "proposed_scope3_category" SMALLINT DEFAULT 1;

CREATE INDEX "provider_emission_records_organization_id_key_hash_idx" ON "provider_emission_records"("organization_id", "key_hash");

CREATE INDEX "provider_emission_records_organization_id_project_id_idx" ON "provider_emission_records"("organization_id", "project_id");

ALTER TABLE "provider_emission_records" ADD CONSTRAINT "provider_emission_records_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "provider_emission_records" ADD CONSTRAINT "provider_emission_records_superseded_by_id_fkey" FOREIGN KEY ("superseded_by_id") REFERENCES "provider_emission_records"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Supersession cannot go round in circles (decision 0010): a row may only be superseded by a row of the same
-- organization and key with a strictly newer version rank. Ranks strictly increase along any chain of
-- superseded_by_id, so no chain returns to where it started. Checked only for rows that name a successor.
CREATE FUNCTION scopebook_provider_supersession_check() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM provider_emission_records s
     WHERE s.id = NEW.superseded_by_id
       AND s.organization_id = NEW.organization_id
       AND s.key_hash = NEW.key_hash
       AND s.version_rank > NEW.version_rank
  ) THEN
    RAISE EXCEPTION 'provider row % can only be superseded by a newer row of the same key', NEW.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER provider_emission_records_supersession
  BEFORE INSERT OR UPDATE OF superseded_by_id, key_hash, version_rank ON "provider_emission_records"
  FOR EACH ROW WHEN (NEW.superseded_by_id IS NOT NULL)
  EXECUTE FUNCTION scopebook_provider_supersession_check();
