// "New version of this dataset": an unlocked copy (provenance and factors) that names the version it corrects.
// The copy belongs to the acting organization, also when the source is a shipped dataset.
import type { ServiceContext } from "../../auth/context";
import { recordAudit } from "../../audit/record";
import type { Tx } from "../../db/client";
import { inOrg } from "../../db/scope";
import { DATASET_SELECT, type DatasetRow } from "./dataset-view";

export async function copyAsNewVersion(tx: Tx, ctx: ServiceContext, source: DatasetRow, version: string): Promise<DatasetRow> {
  const copy = await tx.emissionFactorDataset.create({
    data: {
      ...inOrg(ctx),
      kind: source.kind === "SHIPPED" ? "IMPORTED" : source.kind,
      publisher: source.publisher,
      title: source.title,
      version,
      year: source.year,
      licence: source.licence,
      url: source.url,
      retrievedAt: source.retrievedAt,
      gwpBasis: source.gwpBasis,
      attribution: source.attribution,
      previousVersionId: source.id,
      createdById: ctx.userId,
    },
    select: DATASET_SELECT,
  });
  const copied = await tx.$executeRaw`
    INSERT INTO emission_factors (organization_id, dataset_id, key_type, key, year, valid_from, valid_to, value, unit,
                                  source_value, source_unit, method, gwp_basis, fossil_share, nuclear_share,
                                  renewable_share, energy_kwh_per_unit, biogenic_kg_co2_per_unit, description, evidence_file_id)
    SELECT ${ctx.organization.id}::uuid, ${copy.id}::uuid, key_type, key, year, valid_from, valid_to, value, unit,
           source_value, source_unit, method, gwp_basis, fossil_share, nuclear_share, renewable_share, energy_kwh_per_unit,
           biogenic_kg_co2_per_unit, description,
           evidence_file_id
      FROM emission_factors WHERE dataset_id = ${source.id}::uuid`;
  await recordAudit(tx, ctx, {
    action: "factor-dataset.version-created",
    entityType: "EmissionFactorDataset",
    entityId: copy.id,
    before: { datasetId: source.id, version: source.version, lockedAt: source.lockedAt },
    after: { datasetId: copy.id, publisher: copy.publisher, title: copy.title, version: copy.version, factorsCopied: copied },
  });
  return copy;
}
