// The demo officer's statements for the Scope 3 categories the demo has no figure for (E1-6: every category is
// calculated, or stated "not relevant" / "not calculated" with a reason). Set through the same service as the
// period page's form, before FY2024 is signed off, so its report states them; idempotent.
import type { ServiceContext } from "../../lib/auth/context";
import { prisma } from "../../lib/db/client";
import { setScope3Note } from "../../lib/services/periods/set-scope3-note";

/** Categories 1 (cloud), 2 (hardware) and 6 (travel) are calculated in the demo; the others are stated here. */
export const DEMO_SCOPE3_NOTES: { category: number; relevance: "NOT_RELEVANT" | "NOT_CALCULATED"; reason: string }[] = [
  { category: 3, relevance: "NOT_CALCULATED", reason: "Well-to-tank and grid transmission losses of purchased fuels and electricity: to be calculated from FY2026 with DESNZ well-to-tank factors." },
  { category: 4, relevance: "NOT_CALCULATED", reason: "Inbound freight is paid by suppliers; carrier tonne-kilometre data has been requested for FY2026." },
  { category: 5, relevance: "NOT_CALCULATED", reason: "Waste contractor invoices state tonnes by stream from FY2026; estimated below 1 % of Scope 3." },
  { category: 7, relevance: "NOT_CALCULATED", reason: "Employee commuting survey scheduled for Q2 2026; estimated below 2 % of Scope 3." },
  { category: 8, relevance: "NOT_RELEVANT", reason: "No leased assets outside the operational-control boundary: both sites are in Scope 1 and 2." },
  { category: 9, relevance: "NOT_RELEVANT", reason: "Software and services are delivered digitally; no downstream transport." },
  { category: 10, relevance: "NOT_RELEVANT", reason: "No intermediate products are sold." },
  { category: 11, relevance: "NOT_CALCULATED", reason: "Use-phase energy of the hosted forecasting service runs in the company's own cloud accounts (category 1)." },
  { category: 12, relevance: "NOT_RELEVANT", reason: "No physical products are sold." },
  { category: 13, relevance: "NOT_RELEVANT", reason: "The company leases no assets to others." },
  { category: 14, relevance: "NOT_RELEVANT", reason: "The company has no franchises." },
  { category: 15, relevance: "NOT_RELEVANT", reason: "No investments beyond cash deposits; not a financial institution." },
];

/** States every category of DEMO_SCOPE3_NOTES not yet stated for the period; true when one was written. */
export async function stateDemoScope3(officer: ServiceContext, periodId: string): Promise<boolean> {
  const stated = new Set((await prisma.scope3CategoryNote.findMany({ where: { organizationId: officer.organization.id, periodId }, select: { category: true } })).map((n) => n.category));
  let changed = false;
  for (const note of DEMO_SCOPE3_NOTES) {
    if (stated.has(note.category)) continue;
    await setScope3Note({ ctx: officer, input: { periodId, ...note } });
    changed = true;
  }
  return changed;
}
