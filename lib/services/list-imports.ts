// Use case: the organization's imports, newest first.
import { authorize, type ServiceContext } from "../auth/context";
import { prisma } from "../db/client";
import { inOrg } from "../db/scope";

export async function listImports({ ctx }: { ctx: ServiceContext }) {
  authorize(ctx, "org:read");
  const rows = await prisma.import.findMany({
    where: inOrg(ctx),
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true, fileName: true, sourceType: true, detectedVersion: true, status: true, sizeBytes: true, sha256: true,
      rowsTotal: true, rowsImported: true, rowsDuplicate: true, rowsFailed: true, createdAt: true,
    },
  });
  return rows.map((r) => ({ ...r, sizeBytes: Number(r.sizeBytes), createdAt: r.createdAt.toISOString() }));
}
