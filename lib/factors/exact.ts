// decimal.js with room for every digit numeric(65,30) holds: the default precision (20 significant digits) would
// round products and quotients silently. A private clone, so a global Decimal.set() elsewhere cannot change it.
import Decimal from "decimal.js";

export const ExactDecimal = Decimal.clone({ precision: 100, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -100, toExpPos: 100 });
