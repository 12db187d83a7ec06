// Use case (tracker API read side): GET /experiments/{id} (used by `codecarbon config` to show the experiment).
import type { ApiTokenContext } from "../../auth/api-token";
import { prisma } from "../../db/client";
import { inTokenProject, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { experimentShape } from "./shapes";

export async function getExperiment({ ctx, input }: { ctx: ApiTokenContext; input: { experimentId: string } }) {
  if (!isUuid(input.experimentId)) throw notFound("Experiment");
  const e = await prisma.experiment.findFirst({ where: { id: input.experimentId, ...inTokenProject(ctx) } });
  if (!e) throw notFound("Experiment");
  return experimentShape(e);
}
