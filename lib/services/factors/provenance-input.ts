// The provenance an officer enters for a dataset (imported CSV or a new version): zod, 422 with field and reason.
import { z } from "zod";

const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => v || null);

export const ProvenanceInput = z.object({
  publisher: z.string().trim().min(1, "must not be empty").max(200),
  title: z.string().trim().min(1, "must not be empty").max(300),
  version: z.string().trim().min(1, "must not be empty").max(100),
  year: z
    .union([z.number(), z.string().trim()])
    .optional()
    .transform((v, c) => {
      if (v === undefined || v === "") return null;
      const n = typeof v === "number" ? v : /^\d{4}$/.test(v) ? Number(v) : NaN;
      if (!Number.isInteger(n) || n < 1900 || n > 2100) {
        c.addIssue({ code: "custom", message: "must be a year (1900–2100)" });
        return z.NEVER;
      }
      return n;
    }),
  licence: z.string().trim().min(1, "must not be empty: name the licence the data is published under").max(300),
  url: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^https?:\/\/\S+$/.test(v), "must be an http(s) URL"),
  retrievedAt: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), "must be a date (yyyy-mm-dd)"),
  gwpBasis: optionalText(50),
  attribution: optionalText(2000),
});
export type Provenance = z.infer<typeof ProvenanceInput>;

/** The columns of emission_factor_datasets a provenance fills. */
export function provenanceData(p: Provenance) {
  return {
    publisher: p.publisher,
    title: p.title,
    version: p.version,
    year: p.year,
    licence: p.licence,
    url: p.url,
    retrievedAt: p.retrievedAt ? new Date(`${p.retrievedAt}T00:00:00Z`) : null,
    gwpBasis: p.gwpBasis,
    attribution: p.attribution,
  };
}
