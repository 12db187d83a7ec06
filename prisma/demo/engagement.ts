// The demo auditor's engagement (decision 0027): "FY2024–FY2025 limited assurance" by Nordic Assurance Partners,
// materiality 5 % / 3.75 % / 0.25 % of FY2024's market-based total, through the service (audited). Idempotent.
import type { ServiceContext } from "../../lib/auth/context";
import { prisma } from "../../lib/db/client";
import { dec, text } from "../../lib/ghg/decimal";
import { createEngagement } from "../../lib/services/assurance/create-engagement";
import { getInventory } from "../../lib/services/inventory/get-inventory";

export const DEMO_ENGAGEMENT = "FY2024–FY2025 limited assurance";

export async function seedDemoEngagement(officer: ServiceContext, log: (l: string) => void): Promise<boolean> {
  const org = officer.organization.id;
  if (await prisma.engagement.findFirst({ where: { organizationId: org, name: DEMO_ENGAGEMENT }, select: { id: true } })) return false;
  const periods = await prisma.reportingPeriod.findMany({ where: { organizationId: org, name: { in: ["FY2024", "FY2025"] } }, select: { id: true, name: true } });
  const fy24 = periods.find((p) => p.name === "FY2024");
  const auditor = await prisma.membership.findFirst({ where: { organizationId: org, role: "AUDITOR" }, select: { id: true } });
  if (!fy24 || !auditor) return false;
  const inv = await getInventory({ ctx: officer, input: { periodId: fy24.id } });
  const totalT = dec(inv.e16?.totalMbKgCo2e ?? "1000").div(1000);
  const pct = (p: string) => text(totalT.times(p).div(100).toDecimalPlaces(6));
  await createEngagement({
    ctx: officer,
    input: { name: DEMO_ENGAGEMENT, firm: "Nordic Assurance Partners", startDate: "2026-01-12", endDate: "2026-04-30", overallTCo2e: pct("5"), performanceTCo2e: pct("3.75"), clearlyTrivialTCo2e: pct("0.25"), periodIds: periods.map((p) => p.id), auditorMembershipIds: [auditor.id] },
  });
  log(`engagement ${DEMO_ENGAGEMENT} (${periods.map((p) => p.name).join(", ")})`);
  return true;
}
