// Use case (tracker API read side): GET /projects/{id}/experiments — only the token's own project.
import type { ApiTokenContext } from "../../auth/api-token";
import { prisma } from "../../db/client";
import { inTokenProject, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { experimentShape } from "./shapes";

export async function listProjectExperiments({ ctx, input }: { ctx: ApiTokenContext; input: { projectId: string } }) {
  if (!isUuid(input.projectId) || input.projectId.toLowerCase() !== ctx.projectId) throw notFound("Project");
  const rows = await prisma.experiment.findMany({ where: inTokenProject(ctx), orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(experimentShape);
}
