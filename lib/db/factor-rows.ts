// One statement that inserts a dataset's factors from JSON (decimal strings cast to numeric: exact), used by the
// shipped-data loader (pg) and the services (Prisma's $executeRawUnsafe) alike.
import type { FactorRow } from "../factors/types";

export function insertFactorsStatement(datasetId: string, organizationId: string | null, rows: FactorRow[], evidenceFileId: string | null = null) {
  const text = `
    INSERT INTO emission_factors (organization_id, dataset_id, key_type, key, year, valid_from, valid_to, value, unit,
                                  source_value, source_unit, method, gwp_basis, fossil_share, nuclear_share,
                                  renewable_share, energy_kwh_per_unit, biogenic_kg_co2_per_unit, description, evidence_file_id)
    SELECT $1::uuid, $2::uuid, r."keyType"::"FactorKeyType", r.key, r.year, r."validFrom"::date, r."validTo"::date,
           r.value::numeric, r.unit, r."sourceValue"::numeric, r."sourceUnit", r.method::"FactorMethod", r."gwpBasis",
           r."fossilShare"::numeric, r."nuclearShare"::numeric, r."renewableShare"::numeric, r."energyKwhPerUnit"::numeric, r."biogenicKgCo2PerUnit"::numeric, r.description, $4::uuid
      FROM jsonb_to_recordset($3::jsonb) AS r("keyType" text, key text, year int, "validFrom" text, "validTo" text,
           value text, unit text, "sourceValue" text, "sourceUnit" text, method text, "gwpBasis" text,
           "fossilShare" text, "nuclearShare" text, "renewableShare" text, "energyKwhPerUnit" text, "biogenicKgCo2PerUnit" text, description text)`;
  return { text, values: [organizationId, datasetId, JSON.stringify(rows), evidenceFileId] as const };
}
