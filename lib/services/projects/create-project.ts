// Use case: an engineer creates a project (to give trackers a token before any data arrives). Audited.
import { z } from "zod";
import { authorize, type ServiceContext } from "../../auth/context";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { AppError } from "../../errors";
import { parseInput } from "../../parse-input";

export const CreateProjectInput = z.object({
  name: z.string().trim().min(1, "must not be empty").max(200),
  description: z.string().trim().max(2000).optional().transform((v) => v || null),
});

export async function createProject({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  authorize(ctx, "project:write");
  const data = parseInput(CreateProjectInput, input);
  const taken = () => new AppError("CONFLICT", `A project named "${data.name}" already exists.`, [{ field: "name", reason: "already used" }]);
  if (await prisma.project.findFirst({ where: { ...inOrg(ctx), name: data.name }, select: { id: true } })) throw taken();
  try {
    return await prisma.$transaction(async (tx) => {
      const project = await tx.project.create({ data: { ...inOrg(ctx), name: data.name, description: data.description, ownerId: ctx.userId } });
      await recordAudit(tx, ctx, { action: "project.created", entityType: "Project", entityId: project.id, after: { name: project.name, description: project.description } });
      return { id: project.id, name: project.name, description: project.description };
    });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw taken();
    throw err;
  }
}
