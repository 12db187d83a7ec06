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
  "target:manage", // ESRS E1-4 reduction targets
  "budget:manage", // project budgets
  "token:manage", // API tokens for trackers
  "audit:read", // audit trail and its verification
  "activity:manage", // activity data (forms and CSV imports) and sites
  "instrument:manage", // contractual instruments for market-based Scope 2 (forms and CSV imports)
  "cloudMapping:edit", // map cloud billing accounts, projects, accounts and tags to Scopebook projects
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS = {
  ADMIN: [...PERMISSIONS],
  OFFICER: [
    "org:read",
    "import:create",
    "evidence:download",
    "factor:manage",
    "period:manage",
    "report:read",
    "report:signoff",
    "target:manage",
    "audit:read",
    "activity:manage",
    "instrument:manage",
    "cloudMapping:edit",
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
  AUDITOR: ["org:read", "evidence:download", "report:read", "audit:read"],
} as const satisfies Record<Role, readonly Permission[]>;

export const ROLE_DESCRIPTIONS = {
  ADMIN: "Members and settings, and everything else",
  OFFICER: "Factors, periods, targets, activity data, sites, instruments, reports and sign-off",
  ENGINEER: "Projects, uploads, budgets and tracker tokens",
  AUDITOR: "Reads everything, changes nothing, exports evidence",
} as const satisfies Record<Role, string>;

export function can(role: Role, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission);
}
