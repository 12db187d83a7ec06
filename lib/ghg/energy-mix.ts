// ESRS E1-5 energy consumption and mix of own operations, from a version's grouped lines (docs/decisions/0020):
// - purchased: kWh of the location-based Scope 2 lines (each kWh once), split by the grid mix of the factor that
//   priced it (no mix → "mix unknown"); MWh covered by contractual instruments (market-based lines) beside;
// - fuels: Scope 1 activity lines (refrigerants excluded) in kWh as entered in an energy unit, else × the factor's
//   energy content (kWh per unit); without one the quantity is listed as not convertible, never counted as 0;
//   renewable by the factor's renewable share (biofuels), the rest fossil;
// - self-generated renewable: the lines of on-site generation (flag "self-generated"), all renewable.
// Exact decimals; the percentages are the only divisions.
import { FLAGS } from "./types";
import { Dec, ZERO, text } from "./decimal";
import { mwhOf, percentOf, quantityOf, type BreakdownRow, type FactorAttributes } from "./breakdown";

export interface NotConvertible {
  unit: string;
  quantity: string;
  lines: number;
  reason: string;
}

export interface E15 {
  totalMwh: string;
  fossilMwh: string;
  nuclearMwh: string;
  renewableMwh: string;
  /** Purchased consumption whose grid factor carries no mix. */
  unknownMixMwh: string;
  /** Each as % of totalMwh (null when the total is 0). */
  fossilPct: string | null;
  nuclearPct: string | null;
  renewablePct: string | null;
  unknownMixPct: string | null;
  fuelsMwh: string;
  fossilFuelsMwh: string;
  renewableFuelsMwh: string;
  renewableFuelsPct: string | null;
  purchasedMwh: string;
  purchasedRenewableMwh: string;
  purchasedRenewablePct: string | null;
  selfGeneratedRenewableMwh: string;
  selfGeneratedRenewablePct: string | null;
  /** MWh covered by contractual instruments (market-based lines with an instrument). */
  instrumentCoveredMwh: string;
  /** Fuel quantities without an energy content, per unit: listed, not in any total. */
  notConvertible: NotConvertible[];
}

const NO_CONTENT = "no factor with an energy content (energy_kwh_per_unit) for this unit";

export function energyMix(rows: Iterable<BreakdownRow>, factors: ReadonlyMap<string, FactorAttributes>): E15 {
  let purchased = ZERO, pFossil = ZERO, pNuclear = ZERO, pRenewable = ZERO, unknown = ZERO, covered = ZERO;
  let fuels = ZERO, fRenewable = ZERO, selfGenerated = ZERO;
  const notConvertible = new Map<string, { quantity: Dec; lines: number }>();
  for (const r of rows) {
    const factor = r.factorId ? factors.get(r.factorId) : undefined;
    const q = quantityOf(r);
    if (r.qualityFlags.includes(FLAGS.selfGenerated)) {
      if (r.activityUnit === "kWh" && r.method !== "MARKET_BASED") selfGenerated = selfGenerated.plus(q);
      continue;
    }
    if (r.scope === "SCOPE_2" && r.activityUnit === "kWh") {
      if (r.method === "MARKET_BASED") {
        if (r.instrumentId) covered = covered.plus(q);
        continue;
      }
      purchased = purchased.plus(q);
      if (!factor || factor.fossilShare === null || factor.nuclearShare === null || factor.renewableShare === null) unknown = unknown.plus(q);
      else {
        pFossil = pFossil.plus(q.times(factor.fossilShare));
        pNuclear = pNuclear.plus(q.times(factor.nuclearShare));
        pRenewable = pRenewable.plus(q.times(factor.renewableShare));
      }
      continue;
    }
    if (r.scope !== "SCOPE_1" || r.sourceKind !== "ACTIVITY" || factor?.keyType === "REFRIGERANT") continue;
    const kwh = r.activityUnit === "kWh" ? q : factor?.energyKwhPerUnit != null && factor.unit === `kgCO2e/${r.activityUnit}` ? q.times(factor.energyKwhPerUnit) : null;
    if (kwh === null) {
      const n = notConvertible.get(r.activityUnit) ?? { quantity: ZERO, lines: 0 };
      notConvertible.set(r.activityUnit, { quantity: n.quantity.plus(q), lines: n.lines + r.lines });
      continue;
    }
    fuels = fuels.plus(kwh);
    if (factor?.renewableShare != null) fRenewable = fRenewable.plus(kwh.times(factor.renewableShare));
  }
  const fFossil = fuels.minus(fRenewable);
  const total = purchased.plus(fuels).plus(selfGenerated);
  const fossil = pFossil.plus(fFossil);
  const renewable = pRenewable.plus(fRenewable).plus(selfGenerated);
  const pct = (x: Dec) => percentOf(x, total);
  return {
    totalMwh: mwhOf(total),
    fossilMwh: mwhOf(fossil),
    nuclearMwh: mwhOf(pNuclear),
    renewableMwh: mwhOf(renewable),
    unknownMixMwh: mwhOf(unknown),
    fossilPct: pct(fossil),
    nuclearPct: pct(pNuclear),
    renewablePct: pct(renewable),
    unknownMixPct: pct(unknown),
    fuelsMwh: mwhOf(fuels),
    fossilFuelsMwh: mwhOf(fFossil),
    renewableFuelsMwh: mwhOf(fRenewable),
    renewableFuelsPct: pct(fRenewable),
    purchasedMwh: mwhOf(purchased),
    purchasedRenewableMwh: mwhOf(pRenewable),
    purchasedRenewablePct: pct(pRenewable),
    selfGeneratedRenewableMwh: mwhOf(selfGenerated),
    selfGeneratedRenewablePct: pct(selfGenerated),
    instrumentCoveredMwh: mwhOf(covered),
    notConvertible: [...notConvertible].sort(([a], [b]) => a.localeCompare(b)).map(([unit, n]) => ({ unit, quantity: text(n.quantity), lines: n.lines, reason: NO_CONTENT })),
  };
}
