// Use case: recalculate an organization's reporting period (after imports, factor or instrument changes).
// Idempotent: the same data gives the same lines, and then nothing is written. An OPEN period's current version is
// recalculated in place; a CLOSED or SIGNED_OFF period whose figures change gets a new version ("currently stated")
// and the previous one stays ("previously stated") — nothing is overwritten (docs/decisions/0015). Audited.
import { createHash } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma, type Tx } from "../../db/client";
import { lockDatasetsUsed } from "../../db/lock-datasets";
import { byId, isUuid } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { ENGINE_VERSION, calculatePeriod, type CalculationResult } from "../../ghg/calculate";
import { SupersessionError, applyPrecedence, coverageOf } from "../../ghg/precedence";
import { FactorIndex } from "../../ghg/resolve-factor";
import { parseInput } from "../../parse-input";
import { assertPeriodId } from "./ledger/period-id";
import { phaseClock } from "./ledger/phases";
import { recalculationProgress, type ProgressReporter } from "./ledger/progress";
import { loadCalculationInput, type PeriodRow } from "./ledger/load-calculation-input";
import { ResolutionSet, writeResolutions } from "./ledger/resolutions";
import { fastRunLines, planRuns, slowRuns, type RunScope } from "./ledger/run-lines-sql";
import { versionE16 } from "./ledger/version-figures";
import { attachVersionTable, createVersionTable } from "./ledger/version-table";
import { assertLineReferences, resultSha256, rollupsOf, writeLines, writeRollups } from "./ledger/write-version";

export const RecalculatePeriodInput = z.object({ periodId: z.string().refine(isUuid, "Reporting period not found.") });

/** The longest a recalculation's transaction may run. */
export const RECALCULATION_TIMEOUT_MS = 600_000;

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
  // Only a period of this organization has a progress row: its id is checked before the first write.
  if (!(await prisma.reportingPeriod.count({ where: byId(ctx, periodId) }))) throw notFound("Reporting period");
  const progress = recalculationProgress(ctx.organization.id, periodId, ctx.userId);
  await progress.at("waiting");
  try {
    const outcome = await recalculateInTransaction(ctx, periodId, progress);
    await progress.finish();
    return outcome;
  } catch (err) {
    await progress.finish(err instanceof AppError ? err.message : "The recalculation failed; nothing was written.");
    throw err;
  }
}

async function recalculateInTransaction(ctx: ServiceContext, periodId: string, progress: ProgressReporter): Promise<RecalculationOutcome> {
  return prisma.$transaction(
    async (tx) => {
      // One recalculation of a period at a time; a second waits and then finds nothing to do.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${periodId}::text, 8))`;
      await progress.at("inputs");
      const period = await tx.reportingPeriod.findFirst({
        where: byId(ctx, periodId),
        select: { id: true, startDate: true, endDate: true, status: true, netRevenue: true },
      });
      if (!period) throw notFound("Reporting period");
      const row: PeriodRow = { ...period, netRevenue: period.netRevenue?.toFixed() ?? null };
      const organizationId = ctx.organization.id;
      const clock = phaseClock("recalculate-period");
      const input = await loadCalculationInput(tx, organizationId, row);
      clock.lap("inputs");
      await progress.at("runs");
      // Runs: most set-based (run-lines-sql.ts); those the rules need one by one join the rest in lib/ghg.
      const inPeriod = input.providerRecords.filter((p) => p.month >= `${input.period.startDate.slice(0, 7)}-01` && p.month <= input.period.endDate);
      const covered = [...coverageOf(applyPrecedence(inPeriod, []).counted)].flatMap(([k, providers]) => {
        const [projectId, month] = k.split("|");
        return [...providers].map((provider) => ({ projectId, month, provider }));
      });
      const runScope: RunScope = { organizationId, from: input.period.startDate, to: input.period.endDate, covered, instrumentMarkets: [...new Set(input.instruments.map((i) => i.market))] };
      const plan = await planRuns(tx, runScope, new FactorIndex(input.factors), input.sites);
      clock.lap("runs grouped");
      await progress.at("calculating");
      input.runs = await slowRuns(tx, plan);
      const result = calculate(input);
      clock.lap(`${input.runs.length} runs one by one + the rest calculated`);
      const sha = createHash("sha256").update(resultSha256(result)).update(plan.sha256).update(ENGINE_VERSION).digest("hex");
      const current = await tx.calculationVersion.findFirst({ where: { organizationId, periodId, isCurrent: true } });
      if (current && current.linesSha256 === sha) {
        return { versionId: current.id, versionNumber: current.number, changed: false, restated: false, ...(await lineCounts(tx, organizationId, current.id)) };
      }
      await progress.at("writing");
      const details = JSON.parse(JSON.stringify(result.details));
      // A version a signed report was built from is never changed in place, even after the period is reopened.
      const signed = current !== null && (await tx.reportVersion.count({ where: { organizationId, calculationVersionId: current.id } })) > 0;
      const restated = current !== null && (period.status !== "OPEN" || signed);
      let version;
      if (current && !restated) {
        // In place: the version's lines are replaced when its new table is attached; its resolutions and rollups now.
        await tx.ledgerRollup.deleteMany({ where: { organizationId, calculationVersionId: current.id } });
        await tx.ledgerResolution.deleteMany({ where: { organizationId, calculationVersionId: current.id } });
        version = await tx.calculationVersion.update({ where: { id: current.id }, data: { linesSha256: sha, details, engineVersion: ENGINE_VERSION } });
      } else {
        if (current) await tx.calculationVersion.update({ where: { id: current.id }, data: { isCurrent: false } });
        version = await tx.calculationVersion.create({
          data: { organizationId, periodId, number: (current?.number ?? 0) + 1, isCurrent: true, engineVersion: ENGINE_VERSION, linesSha256: sha, details, createdById: ctx.userId },
        });
      }
      const ids = { organizationId, versionId: version.id };
      const resolutions = new ResolutionSet();
      const templateAt = plan.templates.map((x) => resolutions.add(x.t));
      const lineAt = result.lines.map((l) => resolutions.add(l));
      const resolutionIds = await writeResolutions(tx, ids, resolutions);
      const templateIds = templateAt.map((i) => resolutionIds[i]);
      const lineIds = lineAt.map((i) => resolutionIds[i]);
      clock.lap("version and resolutions");
      const table = await createVersionTable(tx, version.id, fastRunLines(plan, { versionId: version.id, resolutionIds: templateIds }));
      clock.lap(`${plan.runs} runs' lines set-based`);
      await writeLines(tx, table, ids, result.lines, lineIds);
      clock.lap(`${result.lines.length} lines one by one`);
      const fastRollups = plan.rollups.map(({ template, ...r }) => ({ ...r, resolutionId: templateIds[template] }));
      await assertLineReferences(
        tx, organizationId,
        new Set([...fastRollups.map((r) => r.projectId), ...result.lines.map((l) => l.projectId)].filter((x): x is string => x !== null)),
        new Set([...fastRollups.map((r) => r.siteId), ...result.lines.map((l) => l.siteId)].filter((x): x is string => x !== null)),
      );
      await progress.at("indexing");
      await attachVersionTable(tx, version.id, table);
      clock.lap("indexed and attached");
      await progress.at("figures");
      await writeRollups(tx, ids, [...fastRollups, ...rollupsOf(result.lines, lineIds)]);
      // The datasets of the factors the new lines use, known without reading the lines back: the resolutions.
      const used = new Set(resolutions.list.map((r) => r.factorId));
      await lockDatasetsUsed(tx, input.factors.filter((f) => used.has(f.id)).map((f) => f.datasetId));
      const e16 = await versionE16(tx, organizationId, version.id, row.netRevenue);
      const counts = { lines: e16.resolvedLines + e16.unresolvedLines, unresolvedLines: e16.unresolvedLines };
      clock.lap("rollups, locks, figures");
      clock.done();
      await recordAudit(tx, ctx, {
        action: restated ? "period.restated" : "period.recalculated",
        entityType: "CalculationVersion",
        entityId: version.id,
        before: current ? { version: current.number, linesSha256: current.linesSha256 } : null,
        after: { version: version.number, linesSha256: sha, ...counts, totalLbKgCo2e: e16.totalLbKgCo2e, totalMbKgCo2e: e16.totalMbKgCo2e },
      });
      return { versionId: version.id, versionNumber: version.number, changed: true, restated, ...counts };
    },
    { timeout: RECALCULATION_TIMEOUT_MS, maxWait: 60_000 },
  );
}

async function lineCounts(tx: Tx, organizationId: string, versionId: string): Promise<{ lines: number; unresolvedLines: number }> {
  const e16 = await versionE16(tx, organizationId, versionId, null);
  return { lines: e16.resolvedLines + e16.unresolvedLines, unresolvedLines: e16.unresolvedLines };
}

function calculate(input: Parameters<typeof calculatePeriod>[0]): CalculationResult {
  try {
    return calculatePeriod(input);
  } catch (err) {
    if (err instanceof SupersessionError) throw new AppError("VALIDATION", `Cannot recalculate: ${err.message}.`, [{ field: "providerRecords.supersededById", reason: err.message }]);
    throw err;
  }
}
