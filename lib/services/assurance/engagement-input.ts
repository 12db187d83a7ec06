// What create-engagement and update-engagement accept, and the checks against the organization's data: periods of
// the organization, auditors that are AUDITOR memberships of it. Errors name the field (decision 0027).
import { z } from "zod";
import { materialityIssues, tonnesFromKgText } from "../../assurance/materiality";
import type { Tx } from "../../db/client";
import { isUuid } from "../../db/scope";
import { invalid, type FieldIssue } from "../../errors";
import type { EngagementView } from "../../views/assurance";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date, YYYY-MM-DD");
const tonnes = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const ids = z.array(z.string().refine(isUuid, "must be an id")).max(100);

export const EngagementFields = z.object({
  name: z.string().trim().min(1, "is required").max(200),
  firm: z.string().trim().min(1, "is required").max(200),
  startDate: day,
  endDate: day,
  overallTCo2e: tonnes,
  performanceTCo2e: tonnes,
  clearlyTrivialTCo2e: tonnes,
  periodIds: ids.min(1, "at least one reporting period"),
  auditorMembershipIds: ids.default([]),
});
export type EngagementFields = z.infer<typeof EngagementFields>;

/** Field checks beyond the shape: dates in order, materiality in order and positive. */
export function checkEngagementFields(f: Pick<EngagementFields, "startDate" | "endDate" | "overallTCo2e" | "performanceTCo2e" | "clearlyTrivialTCo2e">): void {
  const issues: FieldIssue[] = materialityIssues(f);
  if (f.endDate < f.startDate) issues.push({ field: "endDate", reason: "must not be before the start date" });
  if (issues.length) throw invalid(`Invalid engagement: ${issues.map((i) => `${i.field} ${i.reason}`).join("; ")}`, issues);
}

/** Periods and auditors must be the organization's; auditors must hold the AUDITOR role. */
export async function checkReferences(tx: Tx, organizationId: string, periodIds: string[], membershipIds: string[]): Promise<void> {
  const [periods, members] = await Promise.all([
    tx.reportingPeriod.findMany({ where: { organizationId, id: { in: periodIds } }, select: { id: true } }),
    tx.membership.findMany({ where: { organizationId, id: { in: membershipIds } }, select: { id: true, role: true } }),
  ]);
  const issues: FieldIssue[] = [];
  const found = new Set(periods.map((p) => p.id));
  for (const id of periodIds) if (!found.has(id)) issues.push({ field: "periodIds", reason: `reporting period ${id} not found` });
  const roles = new Map(members.map((m) => [m.id, m.role]));
  for (const id of membershipIds) {
    const role = roles.get(id);
    if (!role) issues.push({ field: "auditorMembershipIds", reason: `member ${id} not found` });
    else if (role !== "AUDITOR") issues.push({ field: "auditorMembershipIds", reason: `member ${id} is ${role}, not an auditor` });
  }
  if (issues.length) throw invalid(`Invalid engagement: ${issues.map((i) => i.reason).join("; ")}`, issues);
}

export const ENGAGEMENT_INCLUDE = {
  periods: { include: { period: { select: { id: true, name: true, startDate: true, endDate: true, status: true } } } },
  auditors: { include: { membership: { select: { id: true, user: { select: { email: true, name: true } } } } } },
} as const;

type EngagementRow = {
  id: string; name: string; firm: string; startDate: Date; endDate: Date; status: "OPEN" | "CONCLUDED"; conclusion: string | null;
  overallMaterialityKgCo2e: { toFixed(): string }; performanceMaterialityKgCo2e: { toFixed(): string }; clearlyTrivialKgCo2e: { toFixed(): string };
  periods: { period: { id: string; name: string; startDate: Date; endDate: Date; status: string } }[];
  auditors: { membership: { id: string; user: { email: string; name: string | null } } }[];
};

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function engagementView(e: EngagementRow): EngagementView {
  const kg = (d: { toFixed(): string }) => d.toFixed();
  return {
    id: e.id, name: e.name, firm: e.firm, startDate: iso(e.startDate), endDate: iso(e.endDate), status: e.status, conclusion: e.conclusion,
    overallMaterialityKgCo2e: kg(e.overallMaterialityKgCo2e), performanceMaterialityKgCo2e: kg(e.performanceMaterialityKgCo2e), clearlyTrivialKgCo2e: kg(e.clearlyTrivialKgCo2e),
    overallTCo2e: tonnesFromKgText(kg(e.overallMaterialityKgCo2e)), performanceTCo2e: tonnesFromKgText(kg(e.performanceMaterialityKgCo2e)), clearlyTrivialTCo2e: tonnesFromKgText(kg(e.clearlyTrivialKgCo2e)),
    periods: e.periods.map((p) => ({ id: p.period.id, name: p.period.name, startDate: iso(p.period.startDate), endDate: iso(p.period.endDate), status: p.period.status })).sort((a, b) => a.startDate.localeCompare(b.startDate)),
    auditors: e.auditors.map((a) => ({ membershipId: a.membership.id, email: a.membership.user.email, name: a.membership.user.name })).sort((a, b) => a.email.localeCompare(b.email)),
  };
}

/** The audited shape of an engagement (before/after). */
export function auditShape(v: EngagementView) {
  return {
    name: v.name, firm: v.firm, startDate: v.startDate, endDate: v.endDate,
    overallMaterialityKgCo2e: v.overallMaterialityKgCo2e, performanceMaterialityKgCo2e: v.performanceMaterialityKgCo2e, clearlyTrivialKgCo2e: v.clearlyTrivialKgCo2e,
    periods: v.periods.map((p) => p.name), auditors: v.auditors.map((a) => a.email),
  };
}
