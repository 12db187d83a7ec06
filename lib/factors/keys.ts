// Factor keys by key type, as the contract between the factor library and the resolver spells them:
// COUNTRY "USA" (ISO-3166 alpha-3), CLOUD_REGION "gcp:us-central1", GRID_REGION "RFCE" / "DE-LU" (as its dataset
// names it), FUEL "diesel", REFRIGERANT "R-410A", ACTIVITY "travel:air-short-haul", SPEND "it-services".
import type { FactorKeyType } from "./types";

type KeyRule = { normalize: (raw: string) => string; pattern: RegExp; expected: string };

const lower = (s: string) => s.trim().toLowerCase();
const upper = (s: string) => s.trim().toUpperCase();

export const KEY_RULES: Record<FactorKeyType, KeyRule> = {
  COUNTRY: { normalize: upper, pattern: /^[A-Z]{3}$/, expected: "an ISO-3166 alpha-3 country code such as USA or FRA" },
  CLOUD_REGION: { normalize: lower, pattern: /^[a-z0-9]+:[a-z0-9][a-z0-9-]*$/, expected: "<provider>:<region>, e.g. gcp:us-central1 or aws:us-east-1" },
  GRID_REGION: { normalize: (s) => s.trim(), pattern: /^[A-Za-z0-9][A-Za-z0-9 _.-]*$/, expected: "the region code as its dataset names it, e.g. RFCE or DE-LU" },
  FUEL: { normalize: lower, pattern: /^[a-z0-9][a-z0-9-]*$/, expected: "a fuel name in lower case, e.g. diesel or natural-gas" },
  REFRIGERANT: { normalize: upper, pattern: /^[A-Z0-9][A-Z0-9-]*$/, expected: "a gas designation, e.g. R-410A" },
  ACTIVITY: { normalize: lower, pattern: /^[a-z0-9-]+:[a-z0-9][a-z0-9-]*$/, expected: "<category>:<activity_type>, e.g. travel:air-short-haul" },
  SPEND: { normalize: lower, pattern: /^[a-z0-9][a-z0-9 -]*$/, expected: "a spend category in lower case, e.g. it-services" },
};

/** The key in its canonical spelling, or why it is not a key of that type. */
export function normalizeFactorKey(keyType: FactorKeyType, raw: string): { ok: true; key: string } | { ok: false; reason: string } {
  const rule = KEY_RULES[keyType];
  const key = rule.normalize(raw);
  if (!key) return { ok: false, reason: "is empty" };
  if (key.length > 100 || !rule.pattern.test(key)) return { ok: false, reason: `is not ${rule.expected}` };
  return { ok: true, key };
}
