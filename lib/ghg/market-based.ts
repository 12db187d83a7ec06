// Scope 2 market-based (GHG Protocol Scope 2 Guidance; domain.md §2): instruments that pass every quality criterion
// are allocated once, in a recorded deterministic order, to the electricity consumption of their market whose month
// lies in their vintage; covered kWh take the instrument's rate, uncovered kWh the market's residual mix, else the
// grid average (flagged). Failing instruments are listed with the failing criterion; a surplus is reported, not applied.
import { Dec, ZERO, dec, text } from "./decimal";
import type { InstrumentInput } from "./inputs";
import { rateLine, resolvedOrUnresolvedLine, type LineOrigin } from "./line";
import { FactorIndex, resolveFactor, type FactorLookup, type Resolution } from "./resolve-factor";
import { FLAGS, type LineDraft } from "./types";

/** Electricity consumed in own operations (Scope 2), waiting for its market-based line(s). */
export interface Consumption {
  origin: LineOrigin;
  kwh: string;
  /** The market boundary (a site's market, else its country): instruments and residual mixes are matched on it. */
  market: string | null;
  year: number;
  /** The location-based lookups, for the grid-average fallback. */
  gridLookups: FactorLookup[];
}

export type Criterion = "conveys-rate" | "retired-on-behalf" | "vintage" | "unique-claim" | "not-already-used" | "same-market";

export interface InstrumentReport {
  instrumentId: string;
  /** Position in the allocation order (1-based); null when excluded. */
  order: number | null;
  status: "APPLIED" | "EXCLUDED";
  failing: { criterion: Criterion; reason: string } | null;
  volumeMwh: string;
  allocatedMwh: string;
  /** Volume left after allocation: reported, never applied. */
  surplusMwh: string;
}

export const S2_MB = { scope: "SCOPE_2", scope3Category: null, method: "MARKET_BASED" } as const;

function check(i: InstrumentInput, period: { startDate: string; endDate: string }, seenClaims: Set<string>, markets: Set<string>): InstrumentReport["failing"] {
  if (dec(i.emissionRateKgCo2ePerKwh).isNegative()) return { criterion: "conveys-rate", reason: `emission rate ${i.emissionRateKgCo2ePerKwh} kgCO2e/kWh is negative` };
  if (!i.retiredOnBehalf) return { criterion: "retired-on-behalf", reason: "not retired or cancelled on the organization's behalf" };
  if (i.vintageEnd < period.startDate || i.vintageStart > period.endDate) {
    return { criterion: "vintage", reason: `vintage ${i.vintageStart} – ${i.vintageEnd} does not cover the period ${period.startDate} – ${period.endDate}` };
  }
  if (i.certificateId) {
    const claim = `${i.trackingSystem ?? ""}|${i.certificateId}`;
    if (seenClaims.has(claim)) return { criterion: "unique-claim", reason: `certificate ${i.certificateId} is claimed by another instrument` };
    seenClaims.add(claim);
  }
  if (dec(i.alreadyUsedMwh).gte(i.volumeMwh)) return { criterion: "not-already-used", reason: `all ${i.volumeMwh} MWh already used by another period's stated figures` };
  if (!markets.has(i.market)) return { criterion: "same-market", reason: `no consumption in market ${i.market} in the period` };
  return null;
}

const byOrder = (a: InstrumentInput, b: InstrumentInput) =>
  a.vintageStart.localeCompare(b.vintageStart) || a.vintageEnd.localeCompare(b.vintageEnd) || a.id.localeCompare(b.id);

const consumptionOrder = (a: Consumption, b: Consumption) =>
  a.origin.month.localeCompare(b.origin.month) ||
  (a.market ?? "").localeCompare(b.market ?? "") ||
  a.origin.sourceKind.localeCompare(b.origin.sourceKind) ||
  a.origin.sourceRecordId.localeCompare(b.origin.sourceRecordId);

export function allocateMarketBased(
  consumptions: Consumption[],
  instruments: InstrumentInput[],
  index: FactorIndex,
  period: { startDate: string; endDate: string },
): { lines: LineDraft[]; instruments: InstrumentReport[] } {
  const ordered = [...consumptions].sort(consumptionOrder);
  const remaining = ordered.map((c) => dec(c.kwh));
  const markets = new Set(ordered.map((c) => c.market).filter((m): m is string => m !== null));
  const covered = ordered.map(() => [] as LineDraft[]);
  const seenClaims = new Set<string>();
  const reports: InstrumentReport[] = [];
  let order = 0;
  for (const inst of [...instruments].sort(byOrder)) {
    const failing = check(inst, period, seenClaims, markets);
    if (failing) {
      reports.push({ instrumentId: inst.id, order: null, status: "EXCLUDED", failing, volumeMwh: inst.volumeMwh, allocatedMwh: "0", surplusMwh: "0" });
      continue;
    }
    order += 1;
    let left: Dec = dec(inst.volumeMwh).minus(inst.alreadyUsedMwh).times(1000);
    let allocatedKwh = ZERO;
    ordered.forEach((c, k) => {
      if (left.isZero() || c.market !== inst.market || remaining[k].isZero()) return;
      if (c.origin.month < inst.vintageStart.slice(0, 7) + "-01" || c.origin.month > inst.vintageEnd) return;
      const take = Dec.min(left, remaining[k]);
      left = left.minus(take);
      remaining[k] = remaining[k].minus(take);
      allocatedKwh = allocatedKwh.plus(take);
      covered[k].push(
        rateLine(c.origin, S2_MB, text(take), "kWh", {
          value: inst.emissionRateKgCo2ePerKwh,
          unit: "kgCO2e/kWh",
          instrumentId: inst.id,
          flags: ["primary-data"],
          resolution: `${inst.type} ${inst.certificateId ?? inst.id} (market ${inst.market}, vintage ${inst.vintageStart} – ${inst.vintageEnd}) covers ${text(take)} kWh at ${inst.emissionRateKgCo2ePerKwh} kgCO2e/kWh (allocation order ${order})`,
        }),
      );
    });
    reports.push({
      instrumentId: inst.id,
      order,
      status: "APPLIED",
      failing: null,
      volumeMwh: inst.volumeMwh,
      allocatedMwh: text(allocatedKwh.div(1000)),
      surplusMwh: text(left.div(1000)),
    });
  }
  const lines: LineDraft[] = [];
  ordered.forEach((c, k) => {
    lines.push(...covered[k]);
    if (remaining[k].isZero() && covered[k].length > 0) return;
    lines.push(uncoveredLine(c, text(remaining[k]), index));
  });
  return { lines, instruments: reports };
}

/** Uncovered kWh: the market's residual mix, else the grid average (flagged), else unresolved. */
function uncoveredLine(c: Consumption, kwh: string, index: FactorIndex): LineDraft {
  return resolvedOrUnresolvedLine(c.origin, S2_MB, kwh, "kWh", uncoveredResolution(c.market, c.year, c.gridLookups, index));
}

/** The factor of market-based kWh no instrument covers: residual mix of the market, else grid average (flagged). */
export function uncoveredResolution(market: string | null, year: number, gridLookups: FactorLookup[], index: FactorIndex): Resolution {
  const residual = resolveFactor(index, {
    lookups: [
      { keyType: "GRID_REGION", key: market },
      { keyType: "COUNTRY", key: market },
    ],
    year,
    method: "RESIDUAL_MIX",
    unit: "kWh",
  });
  if (residual.ok) return residual;
  const grid = resolveFactor(index, { lookups: gridLookups, year, method: "LOCATION_GRID_AVERAGE", unit: "kWh" });
  if (!grid.ok) return { ok: false, resolution: `${residual.resolution}; ${grid.resolution}` };
  return { ...grid, flags: [...grid.flags, FLAGS.gridInsteadOfResidual], resolution: `${residual.resolution}: grid average instead — ${grid.resolution}` };
}
