// What an officer enters for an E1-4 target (zod: 422 with field and reason), and the checks across fields.
import { z } from "zod";
import { dec } from "../../ghg/decimal";
import { invalid, type FieldIssue } from "../../errors";

const decimalText = z.union([z.string(), z.number()]).transform((v) => String(v).trim()).pipe(z.string().regex(/^\d{1,20}(\.\d{1,30})?$/, "must be a non-negative decimal number"));
const percentText = decimalText.refine((v) => dec(v).gt(0) && dec(v).lte(100), "must be more than 0 and at most 100 (%)");
const year = z.coerce.number().int("must be a year").min(1990, "must be a year from 1990").max(2100, "must be a year up to 2100");
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const TargetInput = z.object({
  name: z.string().trim().min(1, "must not be empty").max(200),
  kind: z.enum(["ABSOLUTE", "INTENSITY"]).default("ABSOLUTE"),
  coversScope1: z.preprocess((v) => v === true || v === "true" || v === "on" || v === "yes", z.boolean()),
  scope2Method: z.preprocess(blank, z.enum(["LOCATION_BASED", "MARKET_BASED"]).optional()),
  /** An array, or text as a form sends it: "1, 6". */
  scope3Categories: z.preprocess((v) => (typeof v === "string" ? v.split(/[\s,;]+/).filter(Boolean) : v), z.array(z.coerce.number().int().min(1, "must be a category 1–15").max(15, "must be a category 1–15")).default([])),
  baseYear: year,
  /** Entered base value (kgCO2e, or per currency unit for intensity); without it, the closed period of the base year gives it. */
  baseValue: z.preprocess(blank, decimalText.optional()),
  baseEvidence: z.preprocess(blank, z.string().trim().max(2000).optional()),
  targetYear: year,
  reductionPercent: percentText,
  /** An array, or text as a form sends it: "2027: 20, 2028: 25" (year: % reduction). */
  milestones: z.preprocess(
    (v) => (typeof v === "string" ? v.split(/[,;]+/).map((m) => m.trim()).filter(Boolean).map((m) => { const [y, p] = m.split(":").map((x) => x.trim()); return { year: y, reductionPercent: p ?? "" }; }) : v),
    z.array(z.object({ year, reductionPercent: percentText })).default([]),
  ),
});
export type TargetInputData = z.infer<typeof TargetInput>;

/** The checks zod cannot make field by field; all issues at once, so the officer fixes the form in one go. */
export function checkTarget(t: TargetInputData): void {
  const issues: FieldIssue[] = [];
  if (!t.coversScope1 && !t.scope2Method && t.scope3Categories.length === 0) issues.push({ field: "scopes", reason: "a target covers at least one scope: Scope 1, Scope 2 (LB or MB) or a Scope 3 category" });
  if (t.targetYear <= t.baseYear) issues.push({ field: "targetYear", reason: `must be after the base year ${t.baseYear}` });
  if (t.baseValue !== undefined && !t.baseEvidence) issues.push({ field: "baseEvidence", reason: "an entered base value needs its evidence (source, document, calculation)" });
  const seen = new Set<number>();
  let last = dec(0);
  for (const [i, m] of [...t.milestones].sort((a, b) => a.year - b.year).entries()) {
    if (m.year <= t.baseYear || m.year >= t.targetYear) issues.push({ field: `milestones.${i}.year`, reason: `must lie between the base year ${t.baseYear} and the target year ${t.targetYear}` });
    if (seen.has(m.year)) issues.push({ field: `milestones.${i}.year`, reason: "two milestones for one year" });
    seen.add(m.year);
    if (dec(m.reductionPercent).lt(last) || dec(m.reductionPercent).gt(dec(t.reductionPercent))) issues.push({ field: `milestones.${i}.reductionPercent`, reason: "milestones must not go back, nor past the target's reduction" });
    last = dec(m.reductionPercent);
  }
  if (issues.length > 0) throw invalid("The target is not complete.", issues);
}
