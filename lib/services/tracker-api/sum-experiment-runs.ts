// Use case (tracker API read side): GET /experiments/{id}/runs/sums?start_date=&end_date= — carbonserver's
// RunReport per run: energies, emissions and durations summed, powers and rate averaged, over the emissions
// measured in the range (default: the last 3 months up to tomorrow, as the reference). Runs without emissions
// in the range are left out, as there.
import type { ApiTokenContext } from "../../auth/api-token";
import { prisma } from "../../db/client";
import { inTokenProject, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import { parseInput } from "../../parse-input";
import { SumsRangeInput, sumsRange } from "./schemas";
import { REPORT_AGGREGATES, RUN_COLUMNS, reportAggregates, runShape, type ReportAggregates, type RunRow } from "./shapes";

export async function sumExperimentRuns({ ctx, input }: { ctx: ApiTokenContext; input: { experimentId: string; query: unknown } }) {
  const { from, to } = sumsRange(parseInput(SumsRangeInput, input.query));
  if (!isUuid(input.experimentId)) throw notFound("Experiment");
  const experiment = await prisma.experiment.findFirst({ where: { id: input.experimentId, ...inTokenProject(ctx) }, select: { id: true } });
  if (!experiment) throw notFound("Experiment");
  const rows = await prisma.$queryRaw<(RunRow & ReportAggregates)[]>(Prisma.sql`
    SELECT ${RUN_COLUMNS}, ${REPORT_AGGREGATES}
      FROM runs r
      JOIN measurements m ON m.organization_id = r.organization_id AND m.run_id = r.id
                         AND m.measured_at >= ${from} AND m.measured_at <= ${to}
     WHERE r.organization_id = ${ctx.organization.id}::uuid AND r.project_id = ${ctx.projectId}::uuid
       AND r.experiment_id = ${experiment.id}::uuid
     GROUP BY r.id
     ORDER BY r.started_at, r.id`);
  return rows.map((r) => {
    const { id, ...run } = runShape(r);
    return { run_id: id, ...run, ...reportAggregates(r) };
  });
}
