-- 0013_e1_datapoints: the attributes ESRS E1-5 and E1-6 need beyond emissions (docs/decisions/0020). Ledger lines are
-- unchanged: these are joined per factor / instrument of a version's grouped lines, never copied onto lines.

-- Renewable electricity generated and consumed on site (E1-5 "self-generated renewable").
ALTER TYPE "ActivityCategory" ADD VALUE 'SELF_GENERATION';

-- Energy content of a fuel (kWh per the factor's denominator unit), for E1-5; NULL = not convertible (listed, never 0).
ALTER TABLE "emission_factors" ADD COLUMN "energy_kwh_per_unit" DECIMAL(65,30);
-- Biogenic CO2 (kg CO2 per the factor's denominator unit), reported outside the scopes (E1-6).
ALTER TABLE "emission_factors" ADD COLUMN "biogenic_kg_co2_per_unit" DECIMAL(65,30);
ALTER TABLE "emission_factors" ADD CONSTRAINT "emission_factors_e1_attributes_check"
  CHECK ((energy_kwh_per_unit IS NULL OR energy_kwh_per_unit >= 0) AND (biogenic_kg_co2_per_unit IS NULL OR biogenic_kg_co2_per_unit >= 0));

-- Instrument bought with the electricity (bundled) or apart from it (unbundled); NULL = not stated.
ALTER TABLE "contractual_instruments" ADD COLUMN "bundled" BOOLEAN;
