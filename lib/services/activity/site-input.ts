// A site (or legal entity) where activity happens: its grid (country, grid region) for location-based Scope 2, its
// market for instruments, and a data-centre PUE. One schema for create and update (update: every field optional).
import { z } from "zod";
import Decimal from "decimal.js";
import { parseDecimal } from "../../text/decimal-text";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .nullish()
    .transform((v) => v || null);

export const SiteInput = z.object({
  name: z.string().trim().min(1, "must not be empty").max(200, "at most 200 characters"),
  legalEntity: optionalText(200),
  countryIsoCode: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v.toUpperCase() : null))
    .refine((v) => v === null || /^[A-Z]{3}$/.test(v), "not a 3-letter ISO 3166 country code (e.g. USA, FRA, POL)"),
  gridRegion: optionalText(100),
  market: optionalText(100),
  pue: z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v, c) => {
      if (v === null || v === undefined || String(v).trim() === "") return null;
      const d = parseDecimal(String(v));
      if (d === null || new Decimal(d).lessThan(1) || new Decimal(d).greaterThan(10)) {
        c.addIssue({ code: "custom", message: "must be a number from 1 to 10 (total facility energy / IT energy)" });
        return z.NEVER;
      }
      return d;
    }),
});
export type SiteInput = z.infer<typeof SiteInput>;

export const SiteUpdateInput = SiteInput.partial().extend({ id: z.string() });
