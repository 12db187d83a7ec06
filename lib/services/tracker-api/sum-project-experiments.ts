// Use case (tracker API read side): GET /projects/{id}/experiments/sums — carbonserver's ExperimentReport per
// experiment of the token's project, over the emissions measured in the range (as sum-experiment-runs).
import type { ApiTokenContext } from "../../auth/api-token";
import { prisma } from "../../db/client";
import { isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import { parseInput } from "../../parse-input";
import { SumsRangeInput, sumsRange } from "./schemas";
import { REPORT_AGGREGATES, experimentShape, reportAggregates, type ReportAggregates } from "./shapes";

interface ExperimentSumRow extends ReportAggregates {
  id: string;
  created_at: Date;
  name: string;
  description: string | null;
  country_name: string | null;
  country_iso_code: string | null;
  region: string | null;
  on_cloud: boolean | null;
  cloud_provider: string | null;
  cloud_region: string | null;
  project_id: string;
}

export async function sumProjectExperiments({ ctx, input }: { ctx: ApiTokenContext; input: { projectId: string; query: unknown } }) {
  const { from, to } = sumsRange(parseInput(SumsRangeInput, input.query));
  if (!isUuid(input.projectId) || input.projectId.toLowerCase() !== ctx.projectId) throw notFound("Project");
  const rows = await prisma.$queryRaw<ExperimentSumRow[]>(Prisma.sql`
    SELECT e.id, e.created_at, e.name, e.description, e.country_name, e.country_iso_code, e.region, e.on_cloud,
           e.cloud_provider, e.cloud_region, e.project_id, ${REPORT_AGGREGATES}
      FROM experiments e
      JOIN runs r ON r.organization_id = e.organization_id AND r.experiment_id = e.id AND r.project_id = e.project_id
      JOIN measurements m ON m.organization_id = r.organization_id AND m.run_id = r.id
                         AND m.measured_at >= ${from} AND m.measured_at <= ${to}
     WHERE e.organization_id = ${ctx.organization.id}::uuid AND e.project_id = ${ctx.projectId}::uuid
     GROUP BY e.id
     ORDER BY e.created_at, e.id`);
  return rows.map((e) => {
    const { id, ...experiment } = experimentShape({
      id: e.id,
      createdAt: e.created_at,
      name: e.name,
      description: e.description,
      countryName: e.country_name,
      countryIsoCode: e.country_iso_code,
      region: e.region,
      onCloud: e.on_cloud,
      cloudProvider: e.cloud_provider,
      cloudRegion: e.cloud_region,
      projectId: e.project_id,
    });
    return { experiment_id: id, ...experiment, ...reportAggregates(e) };
  });
}
