// Auditors see only the periods of their engagements (decision 0027). A spec that creates a period its auditor reads
// adds it to the organization's e2e engagement through the API, signed in as an officer or admin.
import { expect, type APIRequestContext } from "@playwright/test";
import { account, type ORGS } from "./accounts";

export const E2E_ENGAGEMENT = "E2E engagement";

/** Adds the periods to the org's "E2E engagement" (created on first use, its auditor assigned). */
export async function coverForAuditor(officer: APIRequestContext, org: keyof typeof ORGS, periodIds: string[]): Promise<void> {
  const list = (await (await officer.get(`/api/orgs/${org}/engagements`)).json()) as { id: string; name: string; periods: { id: string }[] }[];
  const existing = list.find((e) => e.name === E2E_ENGAGEMENT);
  if (existing) {
    const ids = [...new Set([...existing.periods.map((p) => p.id), ...periodIds])];
    const res = await officer.patch(`/api/orgs/${org}/engagements/${existing.id}`, { data: { periodIds: ids } });
    expect(res.status(), await res.text()).toBe(200);
    return;
  }
  const members = (await (await officer.get(`/api/orgs/${org}/members`)).json()) as { id: string; email: string }[];
  const auditor = members.find((m) => m.email === account(org, "AUDITOR"))!;
  const res = await officer.post(`/api/orgs/${org}/engagements`, {
    data: { name: E2E_ENGAGEMENT, firm: "E2E Assurance", startDate: "2025-01-01", endDate: "2025-12-31", overallTCo2e: "50", performanceTCo2e: "37.5", clearlyTrivialTCo2e: "2.5", periodIds, auditorMembershipIds: [auditor.id] },
  });
  expect(res.status(), await res.text()).toBe(201);
}

/** The id of a period by name (as an officer). */
export async function periodIdByName(officer: APIRequestContext, org: keyof typeof ORGS, name: string): Promise<string> {
  const periods = (await (await officer.get(`/api/orgs/${org}/periods`)).json()) as { id: string; name: string }[];
  const p = periods.find((x) => x.name === name);
  expect(p, `period ${name}`).toBeTruthy();
  return p!.id;
}
