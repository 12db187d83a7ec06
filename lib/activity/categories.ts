// Activity categories: the names used in Scopebook's CSV templates and forms, the ActivityCategory enum of the
// database, the units each accepts, and the scope / Scope 3 category each is proposed under (domain.md §1;
// the accounting engine computes, this only records the rule). Pure.
import type { Dimension } from "./units";

/** Matches the ActivityCategory enum of the database (kept free of Prisma: lib/activity is pure). */
export type ActivityCategoryName =
  | "FUEL_COMBUSTION"
  | "REFRIGERANT_LEAK"
  | "PURCHASED_ELECTRICITY"
  | "PURCHASED_HEAT"
  | "PURCHASED_STEAM"
  | "PURCHASED_COOLING"
  | "BUSINESS_TRAVEL"
  | "HARDWARE_PURCHASE"
  | "SPEND_PURCHASE"
  | "SELF_GENERATION";

export type ScopeName = "SCOPE_1" | "SCOPE_2" | "SCOPE_3";

/** How activity_type is written for factor keys (contract: FUEL lower, REFRIGERANT upper, ACTIVITY/SPEND lower). */
type TypeCase = "lower" | "upper";

export interface CategoryDef {
  /** The name in CSV files and forms. */
  csvName: string;
  category: ActivityCategoryName;
  label: string;
  scope: ScopeName;
  scope3Category: number | null;
  dimensions: readonly Dimension[];
  /** activity_type is required (the factor depends on it) or optional. */
  typeRequired: boolean;
  typeCase: TypeCase;
  /** A site is required (Scope 2: the grid of consumption follows from the site). */
  siteRequired: boolean;
  typeExamples: string;
}

const ENERGY: readonly Dimension[] = ["energy"];
const MONEY: readonly Dimension[] = ["money-eur", "money-usd"];

export const CATEGORIES: readonly CategoryDef[] = [
  { csvName: "fuel", category: "FUEL_COMBUSTION", label: "Fuel combustion", scope: "SCOPE_1", scope3Category: null, dimensions: ["volume", "mass", "energy"], typeRequired: true, typeCase: "lower", siteRequired: false, typeExamples: "diesel, petrol, natural-gas, lpg" },
  { csvName: "refrigerant", category: "REFRIGERANT_LEAK", label: "Refrigerant leak", scope: "SCOPE_1", scope3Category: null, dimensions: ["mass"], typeRequired: true, typeCase: "upper", siteRequired: false, typeExamples: "R-410A, R-32, R-134A" },
  { csvName: "electricity", category: "PURCHASED_ELECTRICITY", label: "Purchased electricity", scope: "SCOPE_2", scope3Category: null, dimensions: ENERGY, typeRequired: false, typeCase: "lower", siteRequired: true, typeExamples: "grid, on-site-meter" },
  { csvName: "heat", category: "PURCHASED_HEAT", label: "Purchased heat", scope: "SCOPE_2", scope3Category: null, dimensions: ENERGY, typeRequired: false, typeCase: "lower", siteRequired: true, typeExamples: "district-heating" },
  { csvName: "steam", category: "PURCHASED_STEAM", label: "Purchased steam", scope: "SCOPE_2", scope3Category: null, dimensions: ENERGY, typeRequired: false, typeCase: "lower", siteRequired: true, typeExamples: "" },
  { csvName: "cooling", category: "PURCHASED_COOLING", label: "Purchased cooling", scope: "SCOPE_2", scope3Category: null, dimensions: ENERGY, typeRequired: false, typeCase: "lower", siteRequired: true, typeExamples: "district-cooling" },
  { csvName: "travel", category: "BUSINESS_TRAVEL", label: "Business travel", scope: "SCOPE_3", scope3Category: 6, dimensions: ["passenger-distance", "distance", ...MONEY], typeRequired: true, typeCase: "lower", siteRequired: false, typeExamples: "air-short-haul, air-long-haul, rail, car-petrol, hotel-night" },
  { csvName: "hardware", category: "HARDWARE_PURCHASE", label: "Hardware purchase", scope: "SCOPE_3", scope3Category: 2, dimensions: ["count", ...MONEY], typeRequired: true, typeCase: "lower", siteRequired: false, typeExamples: "laptop, server, gpu-a100, monitor" },
  { csvName: "spend", category: "SPEND_PURCHASE", label: "Spend-based purchase", scope: "SCOPE_3", scope3Category: 1, dimensions: MONEY, typeRequired: true, typeCase: "lower", siteRequired: false, typeExamples: "software-services, office-supplies" },
  // Renewable energy generated and consumed on site: no combustion, 0 kgCO2e; E1-5 "self-generated" (decision 0020).
  { csvName: "self-generation", category: "SELF_GENERATION", label: "Self-generated renewable energy", scope: "SCOPE_1", scope3Category: null, dimensions: ENERGY, typeRequired: false, typeCase: "lower", siteRequired: true, typeExamples: "solar, wind" },
];

export const CATEGORY_NAMES = CATEGORIES.map((c) => c.csvName);

/** A category by its CSV name ("electricity"), case-insensitive; null when unknown (a row error, never a guess). */
export function categoryByName(name: string): CategoryDef | null {
  const n = name.trim().toLowerCase();
  return CATEGORIES.find((c) => c.csvName === n) ?? null;
}

export function categoryDef(category: ActivityCategoryName): CategoryDef {
  return CATEGORIES.find((c) => c.category === category)!;
}

/** "Scope 2", "Scope 3 · cat. 6" */
export function scopeLabel(scope: ScopeName, scope3Category: number | null): string {
  const s = `Scope ${scope.slice(-1)}`;
  return scope3Category ? `${s} · cat. ${scope3Category}` : s;
}

const TYPE = /^[A-Za-z0-9][A-Za-z0-9._+/-]*$/;

/**
 * activity_type as a factor key part: whitespace runs become "-", then lower or upper case by category
 * ("Natural gas" → "natural-gas", "r-410a" → "R-410A"); null when it holds other characters.
 */
export function normalizeActivityType(def: CategoryDef, raw: string): string | null {
  const t = raw.trim().replace(/\s+/g, "-");
  if (!TYPE.test(t) || t.length > 100) return null;
  return def.typeCase === "upper" ? t.toUpperCase() : t.toLowerCase();
}
