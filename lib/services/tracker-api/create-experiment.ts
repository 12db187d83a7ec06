// Use case (tracker or `codecarbon config`): POST /experiments — an experiment in the token's project.
// The project id in the body must be the token's project (any other is "not found"). Audited. A name already
// used in the project makes another experiment, as CodeCarbon's own server does (each has its own id).
import type { ApiTokenContext } from "../../auth/api-token";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { ExperimentCreateInput } from "./schemas";
import { experimentShape } from "./shapes";

/** `experimentId` is for the demo seed only (SCOPEBOOK_DEMO_EXPERIMENT_ID); the API always lets Postgres choose. */
export async function createExperiment({ ctx, input, experimentId }: { ctx: ApiTokenContext; input: unknown; experimentId?: string }) {
  const data = parseInput(ExperimentCreateInput, input);
  if (data.project_id.toLowerCase() !== ctx.projectId) throw notFound("Project");
  const where = { organizationId: ctx.organization.id, projectId: ctx.projectId, name: data.name };
  return prisma.$transaction(async (tx) => {
    const e = await tx.experiment.create({
      data: {
        id: experimentId,
        ...where,
        description: data.description,
        countryName: data.country_name,
        countryIsoCode: data.country_iso_code,
        region: data.region,
        onCloud: data.on_cloud,
        cloudProvider: data.cloud_provider,
        cloudRegion: data.cloud_region,
      },
    });
    await recordAudit(tx, ctx, {
      action: "experiment.created",
      entityType: "Experiment",
      entityId: e.id,
      after: { name: e.name, projectId: e.projectId, countryIsoCode: e.countryIsoCode, onCloud: e.onCloud, cloudProvider: e.cloudProvider, cloudRegion: e.cloudRegion },
    });
    return experimentShape(e);
  });
}
