// A location-based grid-average factor from a published intensity in gCO2e/kWh (converted exactly to kgCO2e/kWh).
import type { GridMixShares } from "../grid-mix-shares";
import type { FactorKeyType, FactorRow } from "../types";
import { toKgCo2ePerUnit } from "../units";
import { ShippedDataError } from "./shipped-data-error";

export function gridAverageRow(r: {
  keyType: FactorKeyType;
  key: string;
  year: number;
  gramsPerKwh: string;
  gwpBasis: string | null;
  shares: GridMixShares | null;
  description: string | null;
  where: string;
}): FactorRow {
  const intensity = toKgCo2ePerUnit(r.gramsPerKwh, "gCO2e/kWh");
  if (!intensity.ok) throw new ShippedDataError(`${r.where}: ${intensity.reason}`);
  return {
    keyType: r.keyType,
    key: r.key,
    year: r.year,
    validFrom: null,
    validTo: null,
    value: intensity.valueKgCo2e,
    unit: intensity.unit,
    sourceValue: intensity.sourceValue,
    sourceUnit: intensity.sourceUnit,
    method: "LOCATION_GRID_AVERAGE",
    gwpBasis: r.gwpBasis,
    fossilShare: r.shares?.fossilShare ?? null,
    nuclearShare: r.shares?.nuclearShare ?? null,
    renewableShare: r.shares?.renewableShare ?? null,
    description: r.description,
  };
}
