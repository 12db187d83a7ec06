// Use case: one import with its preview, counts, row errors, warnings and (while it is written) its progress.
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { recoverStaleImports } from "./commit/recover";
import type { ImportView } from "../../views/imports";
import { toImportView } from "./import-view";

export interface ImportDetails extends ImportView {
  /** Measurements that carry this import's id (lineage). */
  measurements: number;
  createdBy: string | null;
  confirmedBy: string | null;
}

export async function getImport({ ctx, input }: { ctx: ServiceContext; input: { importId: string } }): Promise<ImportDetails> {
  authorize(ctx, "org:read");
  if (!isUuid(input.importId)) throw notFound("Import");
  let row = await prisma.import.findFirst({ where: byId(ctx, input.importId) });
  if (!row) throw notFound("Import");
  if (row.status === "PROCESSING") {
    await recoverStaleImports(ctx.organization.id);
    row = (await prisma.import.findFirst({ where: byId(ctx, input.importId) }))!;
  }
  const emails = async (userId: string | null) =>
    userId
      ? ((await prisma.membership.findFirst({ where: { organizationId: ctx.organization.id, userId }, select: { user: { select: { email: true } } } }))
          ?.user.email ?? null)
      : null;
  const measurements = row.status === "COMMITTED" ? await prisma.measurement.count({ where: { importId: row.id, organizationId: ctx.organization.id } }) : 0;
  return { ...toImportView(row), measurements, createdBy: await emails(row.createdById), confirmedBy: await emails(row.confirmedById) };
}
