// Use case: recalculate a period (recalculatePeriod, unchanged) for the Recalculate button and the triggers. When
// the figures come out the same although inputs changed since they were calculated, that is recorded
// ("period.checked", audited) so the stale signal clears: the inputs were read and the figures still hold.
import { recordAudit } from "../../audit/record";
import type { ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { recalculatePeriod, type RecalculationOutcome } from "./recalculate-period";
import { latestAuditSeq, latestInputChange } from "./staleness/input-changes";

export async function recalculateAndCheck({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<RecalculationOutcome> {
  // Changes committed before this point are read by the recalculation below (later ones may not be).
  const seen = await latestAuditSeq(prisma, ctx.organization.id);
  const outcome = await recalculatePeriod({ ctx, input });
  if (!outcome.changed) await recordChecked(ctx, outcome.versionId, seen);
  return outcome;
}

async function recordChecked(ctx: ServiceContext, versionId: string, seen: number): Promise<void> {
  const organizationId = ctx.organization.id;
  await prisma.$transaction(async (tx) => {
    const version = await tx.calculationVersion.findFirst({
      where: { organizationId, id: versionId, isCurrent: true },
      select: { id: true, number: true, createdAt: true, linesSha256: true, period: { select: { startDate: true, endDate: true } } },
    });
    if (!version) return;
    const change = await latestInputChange(tx, organizationId, version, version.period);
    if (!change || change.seq > seen) return; // nothing to vouch for, or a change this recalculation may not have read
    await recordAudit(tx, ctx, {
      action: "period.checked",
      entityType: "CalculationVersion",
      entityId: version.id,
      after: { version: version.number, linesSha256: version.linesSha256, checkedThroughSeq: seen, lastChange: change.action },
    });
  });
}
