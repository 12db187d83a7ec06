// Statistical sampling of ledger lines for assurance (issue 14; docs/decisions/0029; assurance.md §2). Pure:
// sample sizes, the reproducible selection (seeded PRNG, prng.ts), the population's fingerprint and the projection
// of exceptions. The service streams a version's lines through these in a canonical order.
//
// Sizes, for zero expected errors:
//   attribute: n = ⌈ln β / ln(1 − TDR)⌉            (β = 1 − confidence, TDR the tolerable deviation rate)
//   MUS:       n = ⌈population kgCO2e × R / TM⌉,  R = −ln β (the Poisson reliability factor for 0 errors)
// ln β is irrational: it is computed with decimal.js at LN_DIGITS significant digits (far beyond what could move a
// ceiling — a quotient within 10^-50 of an integer does not occur for the decimal inputs accepted), then ceiled.
import { createHash } from "node:crypto";
import { Dec, ZERO, dec, text } from "../ghg/decimal";
import { distinctIndices, seededPrng } from "./prng";

export const LN_DIGITS = 60;
const LnDec = Dec.clone({ precision: LN_DIGITS, rounding: Dec.ROUND_HALF_UP });

export type SampleMethod = "ATTRIBUTE" | "MUS";

/** β = 1 − confidence, with confidence in (0, 1). */
function beta(confidence: string): InstanceType<typeof LnDec> {
  return new LnDec(1).minus(confidence);
}

/** R = −ln β, at LN_DIGITS significant digits (95 % → 2.9957…). */
export function reliabilityFactor(confidence: string): string {
  return beta(confidence).ln().neg().toString();
}

/** ⌈ln β / ln(1 − TDR)⌉: 95 % / 5 % → 59, 90 % / 10 % → 22. */
export function attributeSampleSize(confidence: string, tolerableRate: string): number {
  const q = beta(confidence).ln().div(new LnDec(1).minus(tolerableRate).ln());
  return q.ceil().toNumber();
}

/** ⌈population × R / TM⌉ (kgCO2e both): 10,000 t at 95 %, TM 375 t → 80. */
export function musSampleSize(populationKgCo2e: string, confidence: string, tolerableMisstatementKgCo2e: string): number {
  const q = new LnDec(populationKgCo2e).times(beta(confidence).ln().neg()).div(tolerableMisstatementKgCo2e);
  return q.ceil().toNumber();
}

/** One line of a population: its id (resolution:sourceRecord:month) and book value (kgCO2e; null = unresolved). */
export interface PopulationLine {
  id: string;
  kgCo2e: string | null;
  siteId: string | null;
}

/**
 * The population's fingerprint: sha256 over "id,kgCO2e\n" of every line in the canonical order (resolution id,
 * source record id, month — the ledger's key), with kgCO2e as plain decimal text ("" when unresolved).
 */
export function populationHasher() {
  const h = createHash("sha256");
  let size = 0;
  let total = ZERO;
  return {
    add(line: PopulationLine): void {
      h.update(`${line.id},${line.kgCo2e === null ? "" : text(dec(line.kgCo2e))}\n`, "utf8");
      size += 1;
      if (line.kgCo2e !== null) total = total.plus(line.kgCo2e);
    },
    result(): { sha256: string; size: number; kgCo2e: string } {
      return { sha256: h.digest("hex"), size, kgCo2e: text(total) };
    },
  };
}

/** Key items, tested in full outside the statistical sample: lines ≥ a threshold, and every line of named sites. */
export interface KeyItemRule {
  thresholdKgCo2e: string | null;
  siteIds: string[];
}

/** A line's monetary (tonne) units for MUS: |kgCO2e|, 0 when unresolved. */
export const unitsOf = (line: PopulationLine): Dec => (line.kgCo2e === null ? ZERO : dec(line.kgCo2e).abs());

export function isKeyItem(line: PopulationLine, rule: KeyItemRule): boolean {
  if (line.siteId !== null && rule.siteIds.includes(line.siteId)) return true;
  return rule.thresholdKgCo2e !== null && unitsOf(line).gte(rule.thresholdKgCo2e);
}

/**
 * Attribute selection: n distinct ranks of the statistical population (0-based, in canonical order), uniform.
 * The selector answers, line by line, whether the line at the next rank is chosen.
 */
export function attributeSelector(seed: string, statisticalSize: number, n: number) {
  const ranks = distinctIndices(seededPrng(`${seed}|attribute`), statisticalSize, n);
  let next = 0;
  let rank = 0;
  return {
    ranks,
    /** Call once per statistical line, in order: 1 when chosen, 0 otherwise. */
    visit(): number {
      const hit = next < ranks.length && ranks[next] === rank ? 1 : 0;
      if (hit) next += 1;
      rank += 1;
      return hit;
    },
  };
}

/**
 * Monetary-unit selection: interval k = total / n (exact decimal), random start s in [0, k) from the seed, the
 * selected units s, s + k, …, s + (n − 1)k of the cumulative |kgCO2e| in canonical order; a line is chosen when its
 * units [cum, cum + units) hold one or more of them (hits). A line of ≥ k units always holds at least one.
 */
export function musSelector(seed: string, totalUnitsKgCo2e: string, n: number) {
  const total = dec(totalUnitsKgCo2e);
  const interval = total.div(n);
  const u = seededPrng(`${seed}|mus`).nextU64();
  const start = interval.times(u.toString()).div(new Dec(2).pow(64));
  let cum = ZERO;
  let taken = 0; // selection points consumed: point i = start + i·k
  return {
    intervalKgCo2e: text(interval),
    randomStartKgCo2e: text(start),
    visit(units: Dec): number {
      const end = cum.plus(units);
      let hits = 0;
      while (taken < n && start.plus(interval.times(taken)).lt(end)) {
        taken += 1;
        hits += 1;
      }
      cum = end;
      return hits;
    },
  };
}

export interface SampledResult {
  selection: "KEY_ITEM" | "STATISTICAL";
  bookKgCo2e: string | null;
  result: "AGREED" | "EXCEPTION" | null;
  misstatementKgCo2e: string | null;
}

export interface MisstatementSummary {
  items: number;
  tested: number;
  agreed: number;
  exceptions: number;
  /** Σ misstatements found (key items and sample), kgCO2e. */
  knownMisstatementKgCo2e: string;
  /** Misstatements of key items (tested in full: not projected). */
  keyItemMisstatementKgCo2e: string;
  /** The sample's misstatements projected to the statistical population (tainting for MUS, ratio for attribute). */
  projectedMisstatementKgCo2e: string;
  /** key items + projected: the best estimate of the population's misstatement. */
  totalProjectedKgCo2e: string;
  /** Attribute: exceptions / sampled items tested, as a fraction (null until one is tested). */
  deviationRate: string | null;
  /** MUS: basic precision R × k (the allowance for sampling risk with no errors). */
  basicPrecisionKgCo2e: string | null;
}

/**
 * The exceptions rolled up. MUS (tainting): an item of book value B < k with misstatement m projects to
 * (m / B) × k; an item of B ≥ k counts its m as found (top stratum). Attribute: the sample's misstatement ratio
 * Σm / ΣB of the tested items projects to the statistical population's book value.
 */
export function summarizeSample(
  method: SampleMethod,
  items: SampledResult[],
  plan: { intervalKgCo2e: string | null; statisticalKgCo2e: string; confidence: string },
): MisstatementSummary {
  let known = ZERO, keyM = ZERO, projected = ZERO, sampleM = ZERO, sampleBook = ZERO;
  let tested = 0, agreed = 0, exceptions = 0, sampledTested = 0, sampledExceptions = 0;
  const k = plan.intervalKgCo2e === null ? null : dec(plan.intervalKgCo2e);
  for (const it of items) {
    if (it.result === null) continue;
    tested += 1;
    const m = it.result === "EXCEPTION" ? dec(it.misstatementKgCo2e ?? "0") : ZERO;
    if (it.result === "AGREED") agreed += 1;
    else exceptions += 1;
    known = known.plus(m);
    if (it.selection === "KEY_ITEM") {
      keyM = keyM.plus(m);
      continue;
    }
    sampledTested += 1;
    if (it.result === "EXCEPTION") sampledExceptions += 1;
    const book = it.bookKgCo2e === null ? ZERO : dec(it.bookKgCo2e).abs();
    sampleBook = sampleBook.plus(book);
    sampleM = sampleM.plus(m);
    if (method === "MUS" && k !== null) projected = projected.plus(book.gte(k) || book.isZero() ? m : m.div(book).times(k));
  }
  if (method === "ATTRIBUTE" && !sampleBook.isZero()) projected = sampleM.div(sampleBook).times(plan.statisticalKgCo2e);
  const sig = (x: Dec) => text(x.toSignificantDigits(30));
  return {
    items: items.length,
    tested,
    agreed,
    exceptions,
    knownMisstatementKgCo2e: text(known),
    keyItemMisstatementKgCo2e: text(keyM),
    projectedMisstatementKgCo2e: sig(projected),
    totalProjectedKgCo2e: sig(keyM.plus(projected)),
    deviationRate: method === "ATTRIBUTE" && sampledTested > 0 ? sig(new Dec(sampledExceptions).div(sampledTested)) : null,
    basicPrecisionKgCo2e: method === "MUS" && k !== null ? sig(k.times(reliabilityFactor(plan.confidence))) : null,
  };
}
