// E1-5 energy and the E1-6 extras of one calculation version: the version's grouped lines (version-breakdown.ts),
// the attributes of the factors and instruments they name joined once per id (never per line), then the pure rules
// of lib/ghg. Every query carries the organization (shipped factors, organization_id NULL, are shared).
import type { Db } from "../../db/client";
import type { FactorAttributes, InstrumentAttributes } from "../../ghg/breakdown";
import { e16Extras, type E16Extras } from "../../ghg/e16-extras";
import { energyMix, type E15 } from "../../ghg/energy-mix";
import { num } from "./ledger/load-calculation-input";
import { versionBreakdown } from "./version-breakdown";

export interface E1Datapoints {
  e15: E15;
  e16Extras: E16Extras;
  /** The factor datasets the version's lines used (for attribution). */
  datasetIds: string[];
}

export async function e1Datapoints(db: Db, organizationId: string, versionId: string): Promise<E1Datapoints> {
  const rows = await versionBreakdown(db, organizationId, versionId);
  const factorIds = [...new Set(rows.flatMap((r) => (r.factorId ? [r.factorId] : [])))];
  const instrumentIds = [...new Set(rows.flatMap((r) => (r.instrumentId ? [r.instrumentId] : [])))];
  const [factorRows, instrumentRows] = await Promise.all([
    factorIds.length === 0
      ? []
      : db.$queryRaw<{ id: string; dataset_id: string; key_type: string; unit: string; fossil: string | null; nuclear: string | null; renewable: string | null; energy: string | null; biogenic: string | null }[]>`
          SELECT id, dataset_id, key_type::text, unit, fossil_share::text AS fossil, nuclear_share::text AS nuclear, renewable_share::text AS renewable,
                 energy_kwh_per_unit::text AS energy, biogenic_kg_co2_per_unit::text AS biogenic
            FROM emission_factors
           WHERE id = ANY(${factorIds}::uuid[]) AND (organization_id IS NULL OR organization_id = ${organizationId}::uuid)`,
    instrumentIds.length === 0
      ? []
      : db.contractualInstrument.findMany({ where: { organizationId, id: { in: instrumentIds } }, select: { id: true, type: true, bundled: true } }),
  ]);
  const factors = new Map<string, FactorAttributes>(
    factorRows.map((f) => [f.id, { keyType: f.key_type, unit: f.unit, fossilShare: num(f.fossil), nuclearShare: num(f.nuclear), renewableShare: num(f.renewable), energyKwhPerUnit: num(f.energy), biogenicKgCo2PerUnit: num(f.biogenic) }]),
  );
  const instruments = new Map<string, InstrumentAttributes>(instrumentRows.map((i) => [i.id, { type: i.type, bundled: i.bundled }]));
  return { e15: energyMix(rows, factors), e16Extras: e16Extras(rows, factors, instruments), datasetIds: [...new Set(factorRows.map((f) => f.dataset_id))] };
}
