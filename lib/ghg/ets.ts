// E1-6 §48 (b): the percentage of gross Scope 1 from regulated emission trading schemes. The officer enters the
// verified emissions the scheme covers (in tonnes, as an EU ETS report states them); the share is exact decimals
// to RATIO_DIGITS significant digits, like every other ratio of the engine.
import { RATIO_DIGITS } from "./aggregate";
import { dec, text } from "./decimal";

/** Tonnes as entered → kilograms as stored (exact). */
export function kgFromTonnes(tonnes: string): string {
  return text(dec(tonnes).times(1000));
}

/** Kilograms as stored → tonnes as entered (exact). */
export function tonnesFromKg(kg: string): string {
  return text(dec(kg).div(1000));
}

/** % of gross Scope 1 covered by an ETS; null when not entered or when Scope 1 is zero. */
export function scope1EtsPercent(etsKgCo2e: string | null, scope1KgCo2e: string): string | null {
  if (etsKgCo2e === null || dec(scope1KgCo2e).isZero()) return null;
  return text(dec(etsKgCo2e).times(100).div(dec(scope1KgCo2e)).toSignificantDigits(RATIO_DIGITS));
}
