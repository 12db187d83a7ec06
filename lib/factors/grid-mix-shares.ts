// Fossil / nuclear / renewable shares of a grid's generation, for ESRS E1-5's energy mix of purchased electricity.
import { ExactDecimal as Decimal } from "./exact";

/** Shares are stored with this many decimals (a ratio of decimals rarely terminates): decision 0012. */
export const SHARE_DECIMALS = 12;

export interface GenerationTwh {
  fossilTwh: string;
  nuclearTwh: string;
  renewablesTwh: string;
}

export interface GridMixShares {
  fossilShare: string;
  nuclearShare: string;
  renewableShare: string;
}

/**
 * Each source's generation over the total of the three (fossil + nuclear + renewables, which is the dataset's
 * total), rounded half-even to SHARE_DECIMALS. null when the grid generated nothing (no shares to give).
 */
export function gridMixShares(g: GenerationTwh): GridMixShares | null {
  const fossil = new Decimal(g.fossilTwh);
  const nuclear = new Decimal(g.nuclearTwh);
  const renewables = new Decimal(g.renewablesTwh);
  if (fossil.isNegative() || nuclear.isNegative() || renewables.isNegative()) return null;
  const total = fossil.plus(nuclear).plus(renewables);
  if (total.isZero()) return null;
  const share = (part: InstanceType<typeof Decimal>) => part.dividedBy(total).toDecimalPlaces(SHARE_DECIMALS, Decimal.ROUND_HALF_EVEN).toFixed();
  return { fossilShare: share(fossil), nuclearShare: share(nuclear), renewableShare: share(renewables) };
}
