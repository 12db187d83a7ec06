// Use case: an officer or admin changes a site (grid, market, PUE…). Audited with before and after.
import { authorize, type ServiceContext } from "../../auth/context";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { byId, inOrg, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { SiteUpdateInput } from "./site-input";
import { siteNameTaken, siteView } from "./site-view";
import { thenRecalculate } from "../inventory/recalculate-after-change";

export async function updateSite({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  authorize(ctx, "activity:manage");
  const { id, ...changes } = parseInput(SiteUpdateInput, input);
  if (!isUuid(id)) throw notFound("Site");
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await tx.site.findFirst({ where: byId(ctx, id) });
      if (!before) throw notFound("Site");
      if (changes.name && changes.name !== before.name && (await tx.site.findFirst({ where: { ...inOrg(ctx), name: changes.name }, select: { id: true } })))
        throw siteNameTaken(changes.name);
      const { count } = await tx.site.updateMany({ where: byId(ctx, id), data: changes });
      if (count !== 1) throw notFound("Site");
      const after = siteView((await tx.site.findFirst({ where: byId(ctx, id) }))!);
      await recordAudit(tx, ctx, { action: "site.updated", entityType: "Site", entityId: id, before: siteView(before), after });
      return after;
    }).then(thenRecalculate(ctx, "all"));
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw siteNameTaken(changes.name ?? "");
    throw err;
  }
}
