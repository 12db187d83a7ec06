// Exact decimals for the accounting engine: a private decimal.js constructor whose precision is far above any
// product of two numeric values we store, so quantity × factor and every sum are exact (never a float).
import Decimal from "decimal.js";

export const Dec = Decimal.clone({ precision: 1000, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -1000, toExpPos: 1000 });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);

/** A plain decimal string (no exponent, no padding) for storage and comparison. */
export function text(x: Dec): string {
  return x.isZero() ? "0" : x.toFixed();
}

export function dec(value: string | number | Dec): Dec {
  return new Dec(value);
}

export function sum(values: Iterable<Dec>): Dec {
  let s = ZERO;
  for (const v of values) s = s.plus(v);
  return s;
}
