// Use case: the organization's imports, newest first, with their status and progress.
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { recoverStaleImports } from "./commit/recover";
import { toImportView } from "./import-view";

export async function listImports({ ctx }: { ctx: ServiceContext }) {
  authorize(ctx, "org:read");
  await recoverStaleImports(ctx.organization.id);
  const rows = await prisma.import.findMany({ where: inOrg(ctx), orderBy: { createdAt: "desc" }, take: 200 });
  return rows.map((r) => {
    const { table: _f, rowErrors: _e, ...view } = toImportView(r);
    return view;
  });
}
