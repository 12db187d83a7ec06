import { describe, expect, it } from "vitest";
import { AUDITOR_ONLY, ENGAGEMENT_SCOPED, PERMISSIONS, ROLES, ROLE_DESCRIPTIONS, ROLE_PERMISSIONS, can, type Permission } from "../../lib/auth/permissions";

/** Permissions that read or export data and change nothing. */
const READ_OR_EXPORT: readonly Permission[] = ["org:read", "report:read", "audit:read", "evidence:download"];
/** The auditor's own work product: it changes none of the organization's data. */
const AUDITOR_WORK: readonly Permission[] = AUDITOR_ONLY;
const WRITE: readonly Permission[] = PERMISSIONS.filter((p) => !READ_OR_EXPORT.includes(p) && !AUDITOR_WORK.includes(p));

describe("role matrix (lib/auth/permissions.ts)", () => {
  it("covers every role, with a description, and only known permissions", () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
    expect(Object.keys(ROLE_DESCRIPTIONS).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) {
      const perms = ROLE_PERMISSIONS[role] as readonly string[];
      for (const p of perms) expect(PERMISSIONS as readonly string[]).toContain(p);
      expect(new Set(perms).size).toBe(perms.length);
      expect(can(role, "org:read")).toBe(true);
    }
  });

  it("ADMIN may do everything of the organization, but none of the auditor's own work (its review notes stay private)", () => {
    for (const p of PERMISSIONS) expect(can("ADMIN", p), p).toBe(!AUDITOR_WORK.includes(p));
    for (const role of ROLES) for (const p of AUDITOR_WORK) expect(can(role, p), `${role} ${p}`).toBe(role === "AUDITOR");
  });

  it("OFFICER manages factors and signs off reports, but not members or settings", () => {
    expect(can("OFFICER", "factor:manage")).toBe(true);
    expect(can("OFFICER", "report:signoff")).toBe(true);
    expect(can("OFFICER", "report:review")).toBe(true);
    expect(can("OFFICER", "period:manage")).toBe(true);
    expect(can("OFFICER", "members:manage")).toBe(false);
    expect(can("OFFICER", "settings:manage")).toBe(false);
  });

  it("ENGINEER uploads and manages tokens, but cannot manage members or sign off", () => {
    expect(can("ENGINEER", "import:create")).toBe(true);
    expect(can("ENGINEER", "token:manage")).toBe(true);
    expect(can("ENGINEER", "project:write")).toBe(true);
    expect(can("ENGINEER", "members:manage")).toBe(false);
    expect(can("ENGINEER", "report:signoff")).toBe(false);
    expect(can("ENGINEER", "report:review")).toBe(false);
    expect(can("ENGINEER", "factor:manage")).toBe(false);
  });

  it("AUDITOR changes none of the organization's data: only read and export ones, and its own work; it alone is scoped by engagements", () => {
    const auditor = ROLE_PERMISSIONS.AUDITOR as readonly Permission[];
    for (const p of auditor) expect([...READ_OR_EXPORT, ...AUDITOR_WORK], `AUDITOR has ${p}`).toContain(p);
    for (const role of ROLES) expect(ENGAGEMENT_SCOPED[role], role).toBe(role === "AUDITOR");
    for (const p of WRITE) expect(can("AUDITOR", p), p).toBe(false);
    expect(can("AUDITOR", "audit:read")).toBe(true);
    expect(can("AUDITOR", "evidence:download")).toBe(true);
  });

  it("activity data, sites and instruments: officers and admins edit; engineers and auditors read", () => {
    for (const p of ["activity:manage", "instrument:manage"] as const) {
      expect(can("ADMIN", p)).toBe(true);
      expect(can("OFFICER", p)).toBe(true);
      expect(can("ENGINEER", p)).toBe(false);
      expect(can("AUDITOR", p)).toBe(false);
    }
  });

  it("the sign-off chain: preparer (period:manage), reviewer (report:review), approver (report:signoff) are officers or admins, never engineers or auditors", () => {
    for (const p of ["period:manage", "report:review", "report:signoff"] as const)
      for (const role of ROLES) expect(can(role, p), `${role} ${p}`).toBe(role === "ADMIN" || role === "OFFICER");
  });

  it("members:manage and settings:manage belong to ADMIN alone", () => {
    for (const role of ROLES) {
      expect(can(role, "members:manage"), role).toBe(role === "ADMIN");
      expect(can(role, "settings:manage"), role).toBe(role === "ADMIN");
    }
  });
});
