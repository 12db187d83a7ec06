// Roles and permissions as data: what each role of a membership may do. Every service checks one of these.
export const ROLES = ["ADMIN", "OFFICER", "ENGINEER", "AUDITOR"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "org:read", // see the organization's pages and data
  "settings:manage", // organization settings
  "members:manage", // add members, change roles
  "project:write", // create and edit projects
  "import:create", // upload files
  "evidence:download", // download original uploaded files
  "factor:manage", // factor datasets and custom factors
  "period:manage", // reporting periods
  "report:read", // view and download reports
  "report:signoff", // approve (sign off) a period's report, or reopen a signed period
  "report:review", // review a submitted period before its approval (preparer → reviewer → approver, three people)
  "target:manage", // ESRS E1-4 reduction targets
  "budget:manage", // project budgets
  "token:manage", // API tokens for trackers
  "audit:read", // audit trail and its verification
  "activity:manage", // activity data (forms and CSV imports) and sites
  "instrument:manage", // contractual instruments for market-based Scope 2 (forms and CSV imports)
  "cloudMapping:edit", // map cloud billing accounts, projects, accounts and tags to Scopebook projects
  "engagement:manage", // assurance engagements: auditors, periods, materiality (issue 14)
  "inquiry:answer", // answer the auditor's inquiries and attach evidence
  "assurance:work", // the auditor's procedures: samples, analytics, re-performance, inquiries raised and closed, conclusion
  "assurance:private", // the auditor's own review notes, never visible to the organization
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Permissions of the auditor's own work product, which the organization's members never hold (not even ADMIN). */
export const AUDITOR_ONLY = ["assurance:work", "assurance:private"] as const satisfies readonly Permission[];

export const ROLE_PERMISSIONS = {
  ADMIN: PERMISSIONS.filter((p) => !(AUDITOR_ONLY as readonly Permission[]).includes(p)),
  OFFICER: [
    "org:read",
    "import:create",
    "evidence:download",
    "factor:manage",
    "period:manage",
    "report:read",
    "report:signoff",
    "report:review",
    "target:manage",
    "audit:read",
    "activity:manage",
    "instrument:manage",
    "cloudMapping:edit",
    "engagement:manage",
    "inquiry:answer",
  ],
  ENGINEER: [
    "org:read",
    "project:write",
    "import:create",
    "evidence:download",
    "report:read",
    "budget:manage",
    "token:manage",
    "cloudMapping:edit",
  ],
  AUDITOR: ["org:read", "evidence:download", "report:read", "audit:read", "assurance:work", "assurance:private"],
} as const satisfies Record<Role, readonly Permission[]>;

/**
 * Roles whose view of period-bound data (inventories, lines, reports, exports, the assurance area) is limited to
 * the periods of the engagements they are assigned to (lib/services/assurance/engagement-scope.ts).
 */
export const ENGAGEMENT_SCOPED = { ADMIN: false, OFFICER: false, ENGINEER: false, AUDITOR: true } as const satisfies Record<Role, boolean>;

export const ROLE_DESCRIPTIONS = {
  ADMIN: "Members and settings, and everything else",
  OFFICER: "Factors, periods, targets, activity data, sites, instruments, reports and sign-off",
  ENGINEER: "Projects, uploads, budgets and tracker tokens",
  AUDITOR: "Reads what their engagements cover, changes none of the organization's data; samples, inquiries, review notes, evidence packs",
} as const satisfies Record<Role, string>;

export function can(role: Role, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission);
}
