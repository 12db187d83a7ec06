// Use case (tracker or `codecarbon config`): POST /experiments — an experiment in the token's project.
// The project id in the body must be the token's project (any other is "not found"). Audited.
import type { ApiTokenContext } from "../../auth/api-token";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { AppError, notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { ExperimentCreateInput } from "./schemas";
import { experimentShape } from "./shapes";

/** `experimentId` is for the demo seed only (SCOPEBOOK_DEMO_EXPERIMENT_ID); the API always lets Postgres choose. */
export async function createExperiment({ ctx, input, experimentId }: { ctx: ApiTokenContext; input: unknown; experimentId?: string }) {
  const data = parseInput(ExperimentCreateInput, input);
  if (data.project_id.toLowerCase() !== ctx.projectId) throw notFound("Project");
  const where = { organizationId: ctx.organization.id, projectId: ctx.projectId, name: data.name };
  const clash = () => prisma.experiment.findFirst({ where, select: { id: true } });
  const conflict = (id: string) =>
    new AppError("CONFLICT", `An experiment named "${data.name}" already exists in this project (id ${id}); use its id or another name.`, [
      { field: "name", reason: "already used in this project" },
    ]);
  const existing = await clash();
  if (existing) throw conflict(existing.id);
  try {
    return await prisma.$transaction(async (tx) => {
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
  } catch (err) {
    // Two creations of the same name at once: the unique index decides, the loser gets the same 409.
    const winner = (err as { code?: string }).code === "P2002" ? await clash() : null;
    if (winner) throw conflict(winner.id);
    throw err;
  }
}
