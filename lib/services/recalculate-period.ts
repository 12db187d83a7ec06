// Use case: recalculate an organization's reporting period (after imports, factor or instrument changes).
// Idempotent: the same data gives the same lines, and then nothing is written. An OPEN period's current version is
// recalculated in place; a CLOSED or SIGNED_OFF period whose figures change gets a new version ("currently stated")
// and the previous one stays ("previously stated") — nothing is overwritten (docs/decisions/0015). Audited.
import { z } from "zod";
import { recordAudit } from "../audit/record";
import { authorize, type ServiceContext } from "../auth/context";
import { prisma } from "../db/client";
import { byId, isUuid } from "../db/scope";
import { AppError, notFound } from "../errors";
import { aggregateE16 } from "../ghg/aggregate";
import { ENGINE_VERSION, calculatePeriod, type CalculationResult } from "../ghg/calculate";
import { SupersessionError } from "../ghg/precedence";
import { parseInput } from "../parse-input";
import { assertPeriodId } from "./ledger/period-id";
import { loadCalculationInput, type PeriodRow } from "./ledger/load-calculation-input";
import { resultSha256, writeLines } from "./ledger/write-version";

export const RecalculatePeriodInput = z.object({ periodId: z.string().refine(isUuid, "Reporting period not found.") });

export interface RecalculationOutcome {
  versionId: string;
  versionNumber: number;
  /** false: the lines are those already stated, nothing was written. */
  changed: boolean;
  /** true: a closed period got a new version (the previous one is kept as "previously stated"). */
  restated: boolean;
  lines: number;
  unresolvedLines: number;
}

export async function recalculatePeriod({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<RecalculationOutcome> {
  authorize(ctx, "period:manage");
  assertPeriodId(input);
  const { periodId } = parseInput(RecalculatePeriodInput, input);
  return prisma.$transaction(
    async (tx) => {
      // One recalculation of a period at a time; a second waits and then finds nothing to do.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${periodId}::text, 8))`;
      const period = await tx.reportingPeriod.findFirst({
        where: byId(ctx, periodId),
        select: { id: true, startDate: true, endDate: true, status: true, netRevenue: true },
      });
      if (!period) throw notFound("Reporting period");
      const row: PeriodRow = { ...period, netRevenue: period.netRevenue?.toFixed() ?? null };
      const result = calculate(await loadCalculationInput(tx, ctx.organization.id, row));
      const sha = resultSha256(result);
      const current = await tx.calculationVersion.findFirst({ where: { organizationId: ctx.organization.id, periodId, isCurrent: true } });
      const unresolved = result.lines.filter((l) => l.status === "UNRESOLVED").length;
      if (current && current.linesSha256 === sha) {
        return { versionId: current.id, versionNumber: current.number, changed: false, restated: false, lines: result.lines.length, unresolvedLines: unresolved };
      }
      const details = JSON.parse(JSON.stringify(result.details));
      const restated = current !== null && period.status !== "OPEN";
      let version;
      if (current && !restated) {
        await tx.ledgerLine.deleteMany({ where: { organizationId: ctx.organization.id, calculationVersionId: current.id } });
        version = await tx.calculationVersion.update({ where: { id: current.id }, data: { linesSha256: sha, details, engineVersion: ENGINE_VERSION } });
      } else {
        if (current) await tx.calculationVersion.update({ where: { id: current.id }, data: { isCurrent: false } });
        version = await tx.calculationVersion.create({
          data: {
            organizationId: ctx.organization.id, periodId, number: (current?.number ?? 0) + 1, isCurrent: true, engineVersion: ENGINE_VERSION,
            linesSha256: sha, details, createdById: ctx.userId,
          },
        });
      }
      await writeLines(tx, { organizationId: ctx.organization.id, periodId, versionId: version.id }, result);
      const e16 = aggregateE16(result.lines, row.netRevenue);
      await recordAudit(tx, ctx, {
        action: restated ? "period.restated" : "period.recalculated",
        entityType: "CalculationVersion",
        entityId: version.id,
        before: current ? { version: current.number, linesSha256: current.linesSha256 } : null,
        after: { version: version.number, linesSha256: sha, lines: result.lines.length, unresolvedLines: unresolved, totalLbKgCo2e: e16.totalLbKgCo2e, totalMbKgCo2e: e16.totalMbKgCo2e },
      });
      return { versionId: version.id, versionNumber: version.number, changed: true, restated, lines: result.lines.length, unresolvedLines: unresolved };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

function calculate(input: Parameters<typeof calculatePeriod>[0]): CalculationResult {
  try {
    return calculatePeriod(input);
  } catch (err) {
    if (err instanceof SupersessionError) throw new AppError("VALIDATION", `Cannot recalculate: ${err.message}.`, [{ field: "providerRecords.supersededById", reason: err.message }]);
    throw err;
  }
}
