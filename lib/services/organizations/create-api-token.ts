// Use case: an engineer or admin creates a tracker API token for a project. The token is returned once and
// stored only as its sha256 (lib/auth/api-token.ts). Audited (name and prefix, never the token).
import { z } from "zod";
import { generateApiToken, hashApiToken } from "../../auth/api-token";
import { authorize, type ServiceContext } from "../../auth/context";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { byId, inOrg, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { parseInput } from "../../parse-input";

export const CreateApiTokenInput = z.object({
  projectId: z.string(),
  name: z.string().trim().min(1, "must not be empty").max(100),
});

/**
 * `presetToken` is for the demo seed only (SCOPEBOOK_DEMO_API_TOKEN, chosen by the operator); routes never pass it,
 * so a token made through the app is always random.
 */
export async function createApiToken({ ctx, input, presetToken }: { ctx: ServiceContext; input: unknown; presetToken?: string }) {
  authorize(ctx, "token:manage");
  const data = parseInput(CreateApiTokenInput, input);
  if (!isUuid(data.projectId)) throw notFound("Project");
  const project = await prisma.project.findFirst({ where: byId(ctx, data.projectId), select: { id: true, name: true } });
  if (!project) throw notFound("Project");
  const { token, tokenHash, tokenPrefix } = presetToken
    ? { token: presetToken, tokenHash: hashApiToken(presetToken), tokenPrefix: presetToken.slice(0, 4) }
    : generateApiToken();
  return prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { ...inOrg(ctx), projectId: project.id, name: data.name, tokenHash, tokenPrefix, createdById: ctx.userId },
    });
    await recordAudit(tx, ctx, {
      action: "api-token.created",
      entityType: "ApiToken",
      entityId: row.id,
      after: { name: row.name, tokenPrefix, projectId: project.id, projectName: project.name },
    });
    return { id: row.id, name: row.name, tokenPrefix, projectId: project.id, createdAt: row.createdAt.toISOString(), token };
  });
}
