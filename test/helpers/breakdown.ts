// Ledger line drafts (lib/ghg calculatePeriod) grouped the way lib/services/inventory/version-breakdown.ts groups the
// stored lines, so the pure E1-5/E1-6 rules can be tested on what the engine produces.
import type { BreakdownRow, FactorAttributes } from "../../lib/ghg/breakdown";
import { dec, text } from "../../lib/ghg/decimal";
import type { FactorInput, LineDraft } from "../../lib/ghg/types";

export function groupLines(lines: LineDraft[]): BreakdownRow[] {
  const groups = new Map<string, BreakdownRow>();
  for (const l of lines) {
    const flags = [...l.qualityFlags].sort();
    const key = JSON.stringify([l.scope, l.scope3Category, l.method, l.status, l.sourceKind, l.nature, flags, l.factorId, l.instrumentId, l.activityUnit]);
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { scope: l.scope, scope3Category: l.scope3Category, method: l.method, status: l.status, sourceKind: l.sourceKind, nature: l.nature, qualityFlags: flags, factorId: l.factorId, instrumentId: l.instrumentId, activityUnit: l.activityUnit, activityQuantity: l.activityQuantity, emissionsKgCo2e: l.emissionsKgCo2e, lines: 1 });
      continue;
    }
    g.activityQuantity = text(dec(g.activityQuantity).plus(l.activityQuantity));
    g.emissionsKgCo2e = g.emissionsKgCo2e === null || l.emissionsKgCo2e === null ? null : text(dec(g.emissionsKgCo2e).plus(l.emissionsKgCo2e));
    g.lines++;
  }
  return [...groups.values()];
}

export function attributesOf(factors: (FactorInput & { energyKwhPerUnit?: string | null; biogenicKgCo2PerUnit?: string | null })[]): Map<string, FactorAttributes> {
  return new Map(
    factors.map((f) => [
      f.id,
      { keyType: f.keyType, unit: f.unit, fossilShare: f.fossilShare ?? null, nuclearShare: f.nuclearShare ?? null, renewableShare: f.renewableShare ?? null, energyKwhPerUnit: f.energyKwhPerUnit ?? null, biogenicKgCo2PerUnit: f.biogenicKgCo2PerUnit ?? null },
    ]),
  );
}
