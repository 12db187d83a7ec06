// Software Carbon Intensity (GSF SCI 1.1, ISO/IEC 21031:2024), shown apart from the inventory.
import { dec, text } from "./decimal";

/** Significant digits of the SCI ratio. */
const RATIO_DIGITS = 30;

/** SCI = (E × I + M) / R, location-based only (GSF SCI 1.1): a rate per functional unit, never summed into the inventory. */
export function sci(input: { energyKwh: string; operationalKgCo2e: string; embodiedKgCo2e: string; functionalUnits: string }): { sciKgCo2ePerUnit: string | null; operationalKgCo2e: string; embodiedKgCo2e: string } {
  const r = dec(input.functionalUnits);
  const total = dec(input.operationalKgCo2e).plus(input.embodiedKgCo2e);
  return {
    sciKgCo2ePerUnit: r.isZero() ? null : text(total.div(r).toSignificantDigits(RATIO_DIGITS)),
    operationalKgCo2e: input.operationalKgCo2e,
    embodiedKgCo2e: input.embodiedKgCo2e,
  };
}
