// Ledger line drafts (lib/ghg calculatePeriod) grouped the way lib/services/inventory/version-breakdown.ts groups the
// stored lines, so the pure E1-5/E1-6 rules can be tested on what the engine produces.
import { mergeBreakdown, type BreakdownRow, type FactorAttributes } from "../../lib/ghg/breakdown";
import type { FactorInput, LineDraft } from "../../lib/ghg/types";

export function groupLines(lines: LineDraft[]): BreakdownRow[] {
  return mergeBreakdown(
    lines.map((l) => ({
      scope: l.scope, scope3Category: l.scope3Category, method: l.method, status: l.status, sourceKind: l.sourceKind, nature: l.nature, qualityFlags: l.qualityFlags,
      factorId: l.factorId, instrumentId: l.instrumentId, activityUnit: l.activityUnit, activityQuantity: l.activityQuantity, emissionsKgCo2e: l.emissionsKgCo2e, lines: 1,
    })),
  );
}

export function attributesOf(factors: (FactorInput & { energyKwhPerUnit?: string | null; biogenicKgCo2PerUnit?: string | null })[]): Map<string, FactorAttributes> {
  return new Map(
    factors.map((f) => [
      f.id,
      { keyType: f.keyType, unit: f.unit, fossilShare: f.fossilShare ?? null, nuclearShare: f.nuclearShare ?? null, renewableShare: f.renewableShare ?? null, energyKwhPerUnit: f.energyKwhPerUnit ?? null, biogenicKgCo2PerUnit: f.biogenicKgCo2PerUnit ?? null },
    ]),
  );
}
