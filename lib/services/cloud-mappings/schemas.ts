// What a mapping says: rows of this provider whose billing account / cloud project / account / tag has this value
// belong to this Scopebook project.
import { z } from "zod";

export const PROVIDERS = ["GCP", "AWS", "AZURE", "CCF"] as const;
export const MATCH_TYPES = ["BILLING_ACCOUNT", "CLOUD_PROJECT", "ACCOUNT", "TAG"] as const;

export const MATCH_LABELS: Record<(typeof MATCH_TYPES)[number], string> = {
  BILLING_ACCOUNT: "Billing account",
  CLOUD_PROJECT: "Cloud project",
  ACCOUNT: "Account / subscription",
  TAG: "Tag (key=value)",
};

export const CreateMappingInput = z
  .object({
    provider: z.enum(PROVIDERS, { message: `one of ${PROVIDERS.join(", ")}` }),
    matchType: z.enum(MATCH_TYPES, { message: `one of ${MATCH_TYPES.join(", ")}` }),
    matchValue: z.string().trim().min(1, "must not be empty").max(500, "at most 500 characters"),
    projectId: z.string().uuid("not a project id"),
  })
  .refine((m) => m.matchType !== "TAG" || /^[^=]+=.*$/.test(m.matchValue), { message: "a tag is written key=value", path: ["matchValue"] });
