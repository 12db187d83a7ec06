// A seeded pseudo-random generator for reproducible audit samples (issue 14): sfc32 (Chris Doty-Humphrey's Small
// Fast Counting generator, 32-bit variant), seeded with the first 16 bytes of sha256(seed text). Integers only —
// no Math.random, no floats: the same seed gives the same stream on every machine and in every Node version.
import { createHash } from "node:crypto";

export interface Prng {
  /** The next 32-bit unsigned integer of the stream. */
  nextU32(): number;
  /** A uniform integer in [0, bound), 1 ≤ bound ≤ 2^32 (rejection sampling: no modulo bias). */
  below(bound: number): number;
  /** A uniform 64-bit fraction numerator: u in [0, 2^64), so u / 2^64 is in [0, 1) and exact in decimal. */
  nextU64(): bigint;
}

const TWO_32 = 4294967296;

export function seededPrng(seed: string): Prng {
  const h = createHash("sha256").update(seed, "utf8").digest();
  let a = h.readUInt32BE(0), b = h.readUInt32BE(4), c = h.readUInt32BE(8), d = h.readUInt32BE(12);
  const nextU32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = (b ^ (b >>> 9)) >>> 0;
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  // Discard the first outputs, as sfc32's author recommends, so nearby seeds diverge.
  for (let i = 0; i < 12; i++) nextU32();
  return {
    nextU32,
    below(bound: number): number {
      if (!Number.isInteger(bound) || bound < 1 || bound > TWO_32) throw new RangeError(`bound ${bound} must be an integer in [1, 2^32]`);
      const limit = TWO_32 - (TWO_32 % bound); // the largest multiple of bound ≤ 2^32
      for (;;) {
        const x = nextU32();
        if (x < limit) return x % bound;
      }
    },
    nextU64(): bigint {
      const hi = BigInt(nextU32());
      return (hi << 32n) | BigInt(nextU32());
    },
  };
}

/**
 * n distinct indices of [0, size), uniformly, sorted ascending (Robert Floyd's algorithm: n draws, no shuffle of the
 * whole population, so a 10M-line population costs n steps).
 */
export function distinctIndices(prng: Prng, size: number, n: number): number[] {
  if (n > size) throw new RangeError(`cannot choose ${n} of ${size}`);
  const chosen = new Set<number>();
  for (let j = size - n; j < size; j++) {
    const t = prng.below(j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen].sort((x, y) => x - y);
}
