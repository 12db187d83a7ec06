// Use case (tracker API read side): GET /projects/{id}/sums — carbonserver's ProjectReport for the token's
// project over the emissions measured in the range (as sum-experiment-runs).
import type { ApiTokenContext } from "../../auth/api-token";
import { prisma } from "../../db/client";
import { isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import { parseInput } from "../../parse-input";
import { SumsRangeInput, sumsRange } from "./schemas";
import { REPORT_AGGREGATES, reportAggregates, type ReportAggregates } from "./shapes";

export async function sumProject({ ctx, input }: { ctx: ApiTokenContext; input: { projectId: string; query: unknown } }) {
  const { from, to } = sumsRange(parseInput(SumsRangeInput, input.query));
  if (!isUuid(input.projectId) || input.projectId.toLowerCase() !== ctx.projectId) throw notFound("Project");
  const project = await prisma.project.findFirst({ where: { id: ctx.projectId, organizationId: ctx.organization.id } });
  if (!project) throw notFound("Project");
  const [sums] = await prisma.$queryRaw<ReportAggregates[]>(Prisma.sql`
    SELECT ${REPORT_AGGREGATES}
      FROM runs r
      JOIN measurements m ON m.organization_id = r.organization_id AND m.run_id = r.id
                         AND m.measured_at >= ${from} AND m.measured_at <= ${to}
     WHERE r.organization_id = ${ctx.organization.id}::uuid AND r.project_id = ${ctx.projectId}::uuid`);
  return {
    project_id: project.id,
    name: project.name,
    description: project.description ?? "",
    organization_id: ctx.organization.id,
    ...reportAggregates(sums),
  };
}
