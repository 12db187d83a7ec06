// Reads what a period's calculation needs (runs apart: run-lines-sql.ts), as plain data for lib/ghg: numerics as exact text (never a float),
// every query scoped to the organization (shipped factor datasets, organization_id NULL, are shared).
import type { PeriodStatusName } from "../../../views/periods";
import type { CalculationDetails } from "../../../ghg/calculate";
import { dec, text } from "../../../ghg/decimal";
import type { CalculationInput } from "../../../ghg/inputs";
import type { Db } from "../../../db/client";

/** Postgres numeric text ("30.000000…") → canonical decimal text ("30"). */
export const num = (v: string | null): string | null => (v === null ? null : text(dec(v)));
const req = (v: string | null): string => num(v) ?? "0";

export const day = (d: Date): string => d.toISOString().slice(0, 10);
export const monthOf = (d: Date): string => `${d.toISOString().slice(0, 7)}-01`;

export interface PeriodRow {
  id: string;
  startDate: Date;
  endDate: Date;
  status: PeriodStatusName;
  netRevenue: string | null;
}

export async function loadCalculationInput(db: Db, organizationId: string, period: PeriodRow): Promise<CalculationInput> {
  const from = day(period.startDate);
  const to = day(period.endDate);
  const [factors, sites, activities, providerRecords, instruments] = await Promise.all([
    db.$queryRaw<{ id: string; dataset_id: string; title: string; version: string; custom: boolean; key_type: string; key: string; year: number | null; value: string; unit: string; method: string; fossil: string | null; nuclear: string | null; renewable: string | null }[]>`
      SELECT f.id, f.dataset_id, d.title, d.version, d.organization_id IS NOT NULL AS custom, f.key_type::text, f.key, f.year,
             f.value::text, f.unit, f.method::text, f.fossil_share::text AS fossil, f.nuclear_share::text AS nuclear, f.renewable_share::text AS renewable
        FROM emission_factors f JOIN emission_factor_datasets d ON d.id = f.dataset_id
       WHERE (d.organization_id IS NULL OR d.organization_id = ${organizationId}::uuid)
         AND (f.organization_id IS NULL OR f.organization_id = ${organizationId}::uuid)
         -- A dataset corrected by a newer version the organization can see no longer applies (decision 0012).
         AND NOT EXISTS (SELECT 1 FROM emission_factor_datasets n
                          WHERE n.previous_version_id = d.id AND (n.organization_id IS NULL OR n.organization_id = ${organizationId}::uuid))`,
    db.$queryRaw<{ id: string; country_iso_code: string | null; grid_region: string | null; market: string | null; pue: string | null }[]>`
      SELECT id, country_iso_code, grid_region, market, pue::text FROM sites WHERE organization_id = ${organizationId}::uuid`,
    // Records overlapping the period (a record spanning months counts pro rata by days: lib/ghg/pro-rata.ts), not deleted (decision 0021).
    db.$queryRaw<{ id: string; import_id: string | null; site_id: string | null; category: string; activity_type: string | null; period_start: Date; period_end: Date; quantity: string; unit: string; nq: string | null; nu: string | null; sv: string | null; su: string | null; scope: string; cat: number | null }[]>`
      SELECT id, import_id, site_id, category::text, activity_type, period_start, period_end, quantity::text, unit, normalized_quantity::text AS nq, normalized_unit AS nu,
             supplier_factor_value::text AS sv, supplier_factor_unit AS su, proposed_scope::text AS scope, proposed_scope3_category AS cat
        FROM activity_records WHERE organization_id = ${organizationId}::uuid AND period_start <= ${to}::date AND period_end >= ${from}::date AND deleted_at IS NULL`,
    // Every provider row of the organization: supersession chains may cross periods (cycles are refused).
    db.$queryRaw<{ id: string; import_id: string | null; provider: string; nature: string; account: string | null; cloud_project_id: string | null; project_id: string | null; period_start: Date; energy: string | null; s1: string | null; s2lb: string | null; s2mb: string | null; s3: string | null; tlb: string | null; tmb: string | null; superseded_by_id: string | null }[]>`
      SELECT id, import_id, provider::text, nature::text, coalesce(account_id, billing_account_id) AS account, cloud_project_id, project_id, period_start,
             energy_kwh::text AS energy, scope1_kg_co2e::text AS s1, scope2_lb_kg_co2e::text AS s2lb, scope2_mb_kg_co2e::text AS s2mb, scope3_kg_co2e::text AS s3,
             total_lb_kg_co2e::text AS tlb, total_mb_kg_co2e::text AS tmb, superseded_by_id
        FROM provider_emission_records WHERE organization_id = ${organizationId}::uuid`,
    db.$queryRaw<{ id: string; type: string; volume: string; market: string; vs: Date; ve: Date; retired: boolean; rate: string; tracking_system: string | null; certificate_id: string | null }[]>`
      SELECT id, type::text, volume_mwh::text AS volume, market, vintage_start AS vs, vintage_end AS ve, retired_on_behalf AS retired,
             emission_rate_kg_co2e_per_kwh::text AS rate, tracking_system, certificate_id
        FROM contractual_instruments WHERE organization_id = ${organizationId}::uuid AND deleted_at IS NULL`,
  ]);
  const used = await usedByOtherPeriods(db, organizationId, period.id);
  return {
    period: { startDate: from, endDate: to, netRevenue: num(period.netRevenue) },
    factors: factors.map((f) => ({
      id: f.id, datasetId: f.dataset_id, datasetTitle: f.title, datasetVersion: f.version, custom: f.custom, keyType: f.key_type as never, key: f.key, year: f.year,
      value: req(f.value), unit: f.unit, method: f.method as never, fossilShare: num(f.fossil), nuclearShare: num(f.nuclear), renewableShare: num(f.renewable),
    })),
    sites: sites.map((s) => ({ id: s.id, countryIsoCode: s.country_iso_code, gridRegion: s.grid_region, market: s.market, pue: num(s.pue) })),
    // Runs are read by lib/services/inventory/ledger/run-lines-sql.ts: most go set-based, the rest through lib/ghg.
    runs: [],
    activities: activities.map((a) => ({
      id: a.id, importId: a.import_id, siteId: a.site_id, category: a.category as never, activityType: a.activity_type, month: monthOf(a.period_start), periodStart: day(a.period_start), periodEnd: day(a.period_end),
      quantity: req(a.quantity), unit: a.unit, normalizedQuantity: num(a.nq), normalizedUnit: a.nu, supplierFactorValue: num(a.sv), supplierFactorUnit: a.su,
      proposedScope: a.scope as never, proposedScope3Category: a.cat,
    })),
    providerRecords: providerRecords.map((p) => ({
      id: p.id, importId: p.import_id, provider: p.provider as never, nature: p.nature as never, accountId: p.account, cloudProjectId: p.cloud_project_id, projectId: p.project_id,
      month: monthOf(p.period_start), energyKwh: num(p.energy), scope1KgCo2e: num(p.s1), scope2LbKgCo2e: num(p.s2lb), scope2MbKgCo2e: num(p.s2mb), scope3KgCo2e: num(p.s3),
      totalLbKgCo2e: num(p.tlb), totalMbKgCo2e: num(p.tmb), supersededById: p.superseded_by_id,
    })),
    instruments: instruments.map((i) => ({
      id: i.id, type: i.type, volumeMwh: req(i.volume), market: i.market, vintageStart: day(i.vs), vintageEnd: day(i.ve), retiredOnBehalf: i.retired,
      emissionRateKgCo2ePerKwh: req(i.rate), trackingSystem: i.tracking_system, certificateId: i.certificate_id, alreadyUsedMwh: used.get(i.id) ?? "0",
    })),
  };
}

/** MWh of each instrument allocated by the currently stated figures of the organization's other periods. */
async function usedByOtherPeriods(db: Db, organizationId: string, periodId: string): Promise<Map<string, string>> {
  const versions = await db.calculationVersion.findMany({
    where: { organizationId, isCurrent: true, periodId: { not: periodId } },
    select: { details: true },
  });
  const used = new Map<string, string>();
  for (const v of versions) {
    for (const r of (v.details as CalculationDetails | null)?.instruments ?? []) {
      if (r.status === "APPLIED") used.set(r.instrumentId, text(dec(used.get(r.instrumentId) ?? 0).plus(r.allocatedMwh)));
    }
  }
  return used;
}
