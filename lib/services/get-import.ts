// Use case: one import with its counts, row errors and warnings.
import { authorize, type ServiceContext } from "../auth/context";
import { prisma } from "../db/client";
import { byId, isUuid } from "../db/scope";
import { notFound } from "../errors";
import type { RowError } from "../ingest/types";

export async function getImport({ ctx, input }: { ctx: ServiceContext; input: { importId: string } }) {
  authorize(ctx, "org:read");
  if (!isUuid(input.importId)) throw notFound("Import");
  const row = await prisma.import.findFirst({
    where: byId(ctx, input.importId),
    include: { _count: { select: { measurements: true } } },
  });
  if (!row) throw notFound("Import");
  const creator = row.createdById
    ? await prisma.membership.findFirst({ where: { organizationId: ctx.organization.id, userId: row.createdById }, select: { user: { select: { email: true } } } })
    : null;
  return {
    id: row.id,
    fileName: row.fileName,
    sourceType: row.sourceType,
    detectedVersion: row.detectedVersion,
    status: row.status,
    sizeBytes: Number(row.sizeBytes),
    sha256: row.sha256,
    rowsTotal: row.rowsTotal,
    rowsImported: row.rowsImported,
    rowsDuplicate: row.rowsDuplicate,
    rowsFailed: row.rowsFailed,
    measurements: row._count.measurements,
    rowErrors: row.rowErrors as unknown as RowError[],
    warnings: row.warnings as unknown as { code: string; message: string }[],
    createdBy: creator?.user.email ?? null,
    createdAt: row.createdAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
  };
}
