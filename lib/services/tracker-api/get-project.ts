// Use case (tracker API read side): GET /projects/{id} — the token's own project (carbonserver's Project).
import type { ApiTokenContext } from "../../auth/api-token";
import { prisma } from "../../db/client";
import { inTokenProject, isUuid } from "../../db/scope";
import { notFound } from "../../errors";

export async function getProject({ ctx, input }: { ctx: ApiTokenContext; input: { projectId: string } }) {
  if (!isUuid(input.projectId) || input.projectId.toLowerCase() !== ctx.projectId) throw notFound("Project");
  const project = await prisma.project.findFirst({
    where: { id: ctx.projectId, organizationId: ctx.organization.id },
    select: { id: true, name: true, description: true, experiments: { where: inTokenProject(ctx), select: { id: true }, orderBy: { createdAt: "asc" } } },
  });
  if (!project) throw notFound("Project");
  return {
    id: project.id,
    name: project.name,
    description: project.description ?? "",
    organization_id: ctx.organization.id,
    experiments: project.experiments.map((e) => e.id),
  };
}
