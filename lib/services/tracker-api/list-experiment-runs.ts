// Use case (tracker API read side): GET /experiments/{id}/runs — the experiment's runs (carbonserver's Run).
import type { ApiTokenContext } from "../../auth/api-token";
import { prisma } from "../../db/client";
import { inTokenProject, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import { RUN_COLUMNS, runShape, type RunRow } from "./shapes";

export async function listExperimentRuns({ ctx, input }: { ctx: ApiTokenContext; input: { experimentId: string } }) {
  if (!isUuid(input.experimentId)) throw notFound("Experiment");
  const experiment = await prisma.experiment.findFirst({ where: { id: input.experimentId, ...inTokenProject(ctx) }, select: { id: true } });
  if (!experiment) throw notFound("Experiment");
  const rows = await prisma.$queryRaw<RunRow[]>(Prisma.sql`
    SELECT ${RUN_COLUMNS} FROM runs r
     WHERE r.organization_id = ${ctx.organization.id}::uuid AND r.project_id = ${ctx.projectId}::uuid
       AND r.experiment_id = ${experiment.id}::uuid
     ORDER BY r.started_at, r.id`);
  return rows.map(runShape);
}
