// The e2e organizations and accounts, created by e2e/support/server.ts through the same service as the seed.
export const PASSWORD = "e2e-password-123";

export const ORGS = {
  acme: { slug: "acme", name: "Acme Łódź sp. z o.o." },
  globex: { slug: "globex", name: "Globex Corporation" },
  /** Used only by the upload → dashboard → PDF slice, so its totals are the fixture's alone. */
  initech: { slug: "initech", name: "Initech Zürich AG" },
  /** Used only by the accessibility spec, which fills every page with data of its own. */
  hooli: { slug: "hooli", name: "Hooli Kraków S.A." },
} as const;

export const ROLES = ["ADMIN", "OFFICER", "ENGINEER", "AUDITOR"] as const;
export type E2eRole = (typeof ROLES)[number];

export const account = (org: keyof typeof ORGS, role: E2eRole) => `${role.toLowerCase()}@${org}.test`;
/** A second officer in every organization: the reviewer of the sign-off chain (preparer → reviewer → approver). */
export const reviewerAccount = (org: string) => `reviewer@${org}.test`;
/** A member of both organizations (engineer in acme, auditor in globex): the organization switcher. */
export const BOTH = "consultant@both.test";
