-- 0006_activity_sites_instruments: activity data keeps its quantity as entered and in the canonical unit of its kind
-- (the engine multiplies normalized_quantity by a factor in kgCO2e/<normalized_unit>), a supplier factor
-- normalized and as entered, an attached evidence file and a note; instruments get a row hash (re-imports of the
-- same row are duplicates) and their author. Checks guard what the forms and CSV mappers already refuse
-- (docs/decisions/0011). The tables are empty before this migration (nothing wrote them).

ALTER TABLE "activity_records"
  ADD COLUMN "normalized_quantity" NUMERIC(65,30) NOT NULL,
  ADD COLUMN "normalized_unit" TEXT NOT NULL,
  ADD COLUMN "supplier_factor_source_value" NUMERIC(65,30),
  ADD COLUMN "supplier_factor_source_unit" TEXT,
  ADD COLUMN "evidence_file_id" UUID,
  ADD COLUMN "note" TEXT,
  ADD COLUMN "created_by_id" UUID;

ALTER TABLE "activity_records" ADD CONSTRAINT "activity_records_evidence_file_id_fkey" FOREIGN KEY ("evidence_file_id") REFERENCES "evidence_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "activity_records"
  ADD CONSTRAINT "activity_records_quantity_not_negative" CHECK ("quantity" >= 0 AND "normalized_quantity" >= 0),
  ADD CONSTRAINT "activity_records_period_order" CHECK ("period_end" >= "period_start"),
  ADD CONSTRAINT "activity_records_normalized_unit_known" CHECK ("normalized_unit" IN ('kWh', 'L', 'm3', 'kg', 'km', 'passenger-km', 'EUR', 'USD', 'item')),
  ADD CONSTRAINT "activity_records_supplier_factor_not_negative" CHECK ("supplier_factor_value" IS NULL OR "supplier_factor_value" >= 0);

ALTER TABLE "contractual_instruments"
  ADD COLUMN "row_hash" TEXT,
  ADD COLUMN "created_by_id" UUID;

CREATE UNIQUE INDEX "contractual_instruments_organization_id_row_hash_key" ON "contractual_instruments"("organization_id", "row_hash");
CREATE INDEX "contractual_instruments_import_id_row_number_idx" ON "contractual_instruments"("import_id", "row_number");

ALTER TABLE "contractual_instruments"
  ADD CONSTRAINT "contractual_instruments_volume_positive" CHECK ("volume_mwh" > 0),
  ADD CONSTRAINT "contractual_instruments_vintage_order" CHECK ("vintage_end" >= "vintage_start"),
  ADD CONSTRAINT "contractual_instruments_rate_not_negative" CHECK ("emission_rate_kg_co2e_per_kwh" >= 0);

ALTER TABLE "sites" ADD CONSTRAINT "sites_pue_at_least_one" CHECK ("pue" IS NULL OR "pue" >= 1);
