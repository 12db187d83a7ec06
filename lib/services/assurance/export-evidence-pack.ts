// Use case: the evidence pack of a signed-off period (decision 0028), a deterministic zip streamed to the caller.
// The pack's checkpoint is the one signed at the version's sign-off (created now, deterministically, for versions
// signed before checkpoints existed: size = the sign-off's event, time = its approval time), so packing the same
// version twice gives the same bytes. Each export is audited and gets its own checkpoint (not in the pack).
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, inOrg, isUuid } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { canonicalJson, sha256Hex } from "../../reporting/canonical-json";
import type { ReportContent } from "../../reporting/content";
import { assertPeriodCovered } from "./engagement-scope";
import { writeCheckpoint } from "./checkpoints";
import { buildPack } from "./pack/build-pack";
import { SECTIONS } from "./pack/sections";
import { ensureSigningKey } from "./signing-key";

export const ExportEvidencePackInput = z.object({ periodId: z.string().refine(isUuid, "Reporting period not found.") });

export async function exportEvidencePack({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  authorize(ctx, "report:read");
  const { periodId } = parseInput(ExportEvidencePackInput, input);
  await assertPeriodCovered(ctx, periodId);
  const period = await prisma.reportingPeriod.findFirst({ where: byId(ctx, periodId) });
  if (!period) throw notFound("Reporting period");
  if (period.status !== "SIGNED_OFF")
    throw new AppError("CONFLICT", `${period.name} is not signed off (${period.status.toLowerCase().replace("_", " ")}): an evidence pack is only built from a signed report version.`, [{ field: "period", reason: "not signed off" }]);
  const version = await prisma.reportVersion.findFirst({ where: { ...inOrg(ctx), periodId }, orderBy: { number: "desc" } });
  if (!version) throw new AppError("CONFLICT", `${period.name} has no signed report version.`, [{ field: "period", reason: "no report version" }]);
  const content = JSON.parse(version.content) as ReportContent;
  if (sha256Hex(version.content) !== version.sha256 || canonicalJson(content) !== version.content)
    throw new AppError("CONFLICT", `Report version ${version.number} of ${period.name} does not match its sha256: it was altered outside Scopebook.`);
  const { key, checkpoint } = await prisma.$transaction(async (tx) => {
    const key = await ensureSigningKey(tx, ctx);
    const stored = await tx.auditCheckpoint.findFirst({ where: { ...inOrg(ctx), kind: "SIGNOFF", reportVersionId: version.id }, orderBy: { createdAt: "asc" } });
    const checkpoint = stored ?? (await writeCheckpoint(tx, ctx, { kind: "SIGNOFF", timestamp: version.approvedAt, periodId, reportVersionId: version.id, treeSize: version.auditHeadSeq + 1 }));
    return { key, checkpoint };
  });
  const engagements = await prisma.engagement.findMany({ where: { ...inOrg(ctx), periods: { some: { periodId, organizationId: ctx.organization.id } } }, orderBy: { name: "asc" } });
  const materiality = engagements.map((e) => ({ engagement: e.name, firm: e.firm, overallKgCo2e: e.overallMaterialityKgCo2e.toFixed(), performanceKgCo2e: e.performanceMaterialityKgCo2e.toFixed(), clearlyTrivialKgCo2e: e.clearlyTrivialKgCo2e.toFixed() }));
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: ctx.organization.id }, select: { id: true, name: true, slug: true } });
  const pack = await buildPack(
    { db: prisma, organization: org, period, version, content, key, checkpoint, facts: {} },
    SECTIONS,
    materiality,
  );
  await prisma.$transaction(async (tx) => {
    await recordAudit(tx, ctx, { action: "evidence-pack.exported", entityType: "ReportingPeriod", entityId: periodId, after: { reportVersion: version.number, packId: pack.packId, manifestSha256: pack.manifestSha256, checkpointTreeSize: checkpoint.treeSize } });
    await writeCheckpoint(tx, ctx, { kind: "PACK_EXPORT", timestamp: new Date(), periodId, reportVersionId: version.id });
  });
  return pack;
}
