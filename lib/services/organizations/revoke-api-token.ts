// Use case: an engineer or admin revokes a tracker API token. From then on the token answers 403; this server
// process forgets it at once, others within the cache TTL (lib/auth/api-token.ts). Audited; revoking a revoked
// token changes nothing.
import { z } from "zod";
import { forgetApiToken } from "../../auth/api-token";
import { authorize, type ServiceContext } from "../../auth/context";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { parseInput } from "../../parse-input";

export const RevokeApiTokenInput = z.object({ projectId: z.string(), tokenId: z.string() });

export async function revokeApiToken({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  authorize(ctx, "token:manage");
  const data = parseInput(RevokeApiTokenInput, input);
  if (!isUuid(data.projectId) || !isUuid(data.tokenId)) throw notFound("API token");
  const where = { id: data.tokenId, organizationId: ctx.organization.id, projectId: data.projectId };
  const result = await prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where });
    if (!token) throw notFound("API token");
    if (token.revokedAt) return token;
    const revoked = await tx.apiToken.update({ where: { id: token.id, organizationId: ctx.organization.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, ctx, {
      action: "api-token.revoked",
      entityType: "ApiToken",
      entityId: token.id,
      before: { revokedAt: null },
      after: { name: token.name, tokenPrefix: token.tokenPrefix, projectId: token.projectId, revokedAt: revoked.revokedAt },
    });
    return revoked;
  });
  forgetApiToken(result.tokenHash);
  return { id: result.id, name: result.name, tokenPrefix: result.tokenPrefix, revokedAt: result.revokedAt!.toISOString() };
}
