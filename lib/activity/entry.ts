// One activity entry, as text from a form or a CSV row, checked and normalized — the one validation shared by the
// entry form (lib/services/create-activity.ts) and the CSV mapper (lib/ingest/sources/activity-csv). Never throws;
// every problem is reported with its field, value and reason. Pure.
import { parseDecimal } from "../text/decimal-text";
import { categoryByName, CATEGORY_NAMES, normalizeActivityType, type ActivityCategoryName, type ScopeName } from "./categories";
import { dateProblem } from "./dates";
import { FACTOR_UNIT_HINT, normalizeFactor, normalizeQuantity, unitDef, unitName, UNIT_NAMES, type NormalizedUnit } from "./units";

/** The fields of an entry, as text (undefined or "" = not given). CSV columns are their snake_case names. */
export interface ActivityEntryText {
  periodStart?: string;
  periodEnd?: string;
  site?: string;
  category?: string;
  activityType?: string;
  quantity?: string;
  unit?: string;
  supplierFactorValue?: string;
  supplierFactorUnit?: string;
  evidenceReference?: string;
  note?: string;
}
export type ActivityField = keyof ActivityEntryText;

export interface ActivityEntry {
  periodStart: string;
  periodEnd: string;
  siteName: string | null;
  category: ActivityCategoryName;
  activityType: string | null;
  /** As entered (exact decimal text, canonical spelling) and its unit as entered (aliases resolved). */
  quantity: string;
  unit: string;
  normalizedQuantity: string;
  normalizedUnit: NormalizedUnit;
  /** false for GJ: rounded to 30 decimals (docs/decisions/0011). */
  normalizedExact: boolean;
  /** Normalized to kgCO2e/<normalizedUnit>, with the value and unit as entered. */
  supplierFactor: { value: string; unit: string; sourceValue: string; sourceUnit: string } | null;
  evidenceReference: string | null;
  note: string | null;
  proposedScope: ScopeName;
  proposedScope3Category: number | null;
}

export interface EntryIssue {
  field: ActivityField;
  value: string | null;
  reason: string;
}

export type Checked<T, F = string> = { ok: true; value: T } | { ok: false; issues: { field: F; value: string | null; reason: string }[] };

const LIMITS = { site: 200, evidenceReference: 500, note: 2000 } as const;

/** Trimmed text, or null when absent or blank. */
export function given(v: string | undefined | null): string | null {
  const t = v?.trim();
  return t ? t : null;
}

/** A decimal text ≥ 0 that numeric(65,30) can hold, or the reason it is not. */
export function nonNegativeDecimal(text: string): { value: string } | { reason: string } {
  const d = parseDecimal(text);
  if (d === null) return { reason: "not a number (or too large to store)" };
  if (d.startsWith("-") && !/^-0(\.0*)?$/.test(d)) return { reason: "must not be negative" };
  return { value: d.replace(/^-/, "") };
}

export function checkActivityEntry(input: ActivityEntryText): Checked<ActivityEntry, ActivityField> {
  const issues: EntryIssue[] = [];
  const fail = (field: ActivityField, value: string | null, reason: string) => void issues.push({ field, value, reason });

  const periodStart = given(input.periodStart);
  const periodEnd = given(input.periodEnd);
  for (const [field, v] of [["periodStart", periodStart], ["periodEnd", periodEnd]] as const) {
    if (v === null) fail(field, null, "is required");
    else {
      const problem = dateProblem(v);
      if (problem) fail(field, v, problem);
    }
  }
  if (periodStart && periodEnd && !dateProblem(periodStart) && !dateProblem(periodEnd) && periodEnd < periodStart)
    fail("periodEnd", periodEnd, `is before period_start (${periodStart})`);

  const categoryText = given(input.category);
  const def = categoryText === null ? null : categoryByName(categoryText);
  if (categoryText === null) fail("category", null, `is required (one of ${CATEGORY_NAMES.join(", ")})`);
  else if (!def) fail("category", categoryText, `unknown category (one of ${CATEGORY_NAMES.join(", ")})`);

  const siteName = given(input.site);
  if (siteName && siteName.length > LIMITS.site) fail("site", siteName, `longer than ${LIMITS.site} characters`);
  if (def?.siteRequired && !siteName) fail("site", null, `is required for ${def.csvName} (Scope 2 follows the site's grid)`);

  const typeText = given(input.activityType);
  let activityType: string | null = null;
  if (def && typeText) {
    activityType = normalizeActivityType(def, typeText);
    if (!activityType) fail("activityType", typeText, "letters, digits and . _ + / - only (at most 100)");
  } else if (def?.typeRequired) fail("activityType", null, `is required for ${def.csvName} (e.g. ${def.typeExamples})`);

  const quantityText = given(input.quantity);
  let quantity: string | null = null;
  if (quantityText === null) fail("quantity", null, "is required");
  else {
    const q = nonNegativeDecimal(quantityText);
    if ("reason" in q) fail("quantity", quantityText, q.reason);
    else quantity = q.value;
  }

  const unitText = given(input.unit);
  const unit = unitText === null ? null : unitName(unitText);
  const dimension = unitText === null ? null : (unitDef(unitText)?.dimension ?? null);
  if (unitText === null) fail("unit", null, `is required (one of ${UNIT_NAMES.join(", ")})`);
  else if (!unit) fail("unit", unitText, `unknown unit (one of ${UNIT_NAMES.join(", ")})`);
  else if (def && dimension && !def.dimensions.includes(dimension))
    fail("unit", unitText, `not a unit for ${def.csvName} (use ${UNIT_NAMES.filter((u) => def.dimensions.includes(unitDef(u)!.dimension)).join(", ")})`);

  const factorValueText = given(input.supplierFactorValue);
  const factorUnitText = given(input.supplierFactorUnit);
  let supplierFactor: ActivityEntry["supplierFactor"] = null;
  if (factorValueText !== null || factorUnitText !== null) {
    if (factorValueText === null) fail("supplierFactorValue", null, "is required when supplier_factor_unit is given");
    if (factorUnitText === null) fail("supplierFactorUnit", null, `is required when supplier_factor_value is given (${FACTOR_UNIT_HINT})`);
    const v = factorValueText === null ? null : nonNegativeDecimal(factorValueText);
    if (v && "reason" in v) fail("supplierFactorValue", factorValueText, v.reason);
    if (factorUnitText !== null) {
      const probe = normalizeFactor("0", factorUnitText);
      if (!probe) fail("supplierFactorUnit", factorUnitText, `not a factor unit (${FACTOR_UNIT_HINT})`);
      else if (dimension && probe.dimension !== dimension) fail("supplierFactorUnit", factorUnitText, `is per ${probe.unit.slice(7)} but the quantity is in ${unit}`);
      else if (v && "value" in v) {
        const f = normalizeFactor(v.value, factorUnitText)!;
        supplierFactor = { value: f.value, unit: f.unit, sourceValue: v.value, sourceUnit: factorUnitText };
      }
    }
  }

  const evidenceReference = given(input.evidenceReference);
  if (evidenceReference && evidenceReference.length > LIMITS.evidenceReference) fail("evidenceReference", evidenceReference.slice(0, 50), `longer than ${LIMITS.evidenceReference} characters`);
  const note = given(input.note);
  if (note && note.length > LIMITS.note) fail("note", note.slice(0, 50), `longer than ${LIMITS.note} characters`);

  if (issues.length > 0 || !def || !quantity || !unit || !periodStart || !periodEnd) return { ok: false, issues };
  const normalized = normalizeQuantity(quantity, unit)!;
  return {
    ok: true,
    value: {
      periodStart,
      periodEnd,
      siteName,
      category: def.category,
      activityType,
      quantity,
      unit,
      normalizedQuantity: normalized.quantity,
      normalizedUnit: normalized.unit,
      normalizedExact: normalized.exact,
      supplierFactor,
      evidenceReference,
      note,
      proposedScope: def.scope,
      proposedScope3Category: def.scope3Category,
    },
  };
}
