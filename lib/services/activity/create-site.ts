// Use case: an officer or admin adds a site (or legal entity). Audited.
import { authorize, type ServiceContext } from "../../auth/context";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { parseInput } from "../../parse-input";
import { SiteInput } from "./site-input";
import { siteNameTaken, siteView } from "./site-view";

export async function createSite({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  authorize(ctx, "activity:manage");
  const data = parseInput(SiteInput, input);
  if (await prisma.site.findFirst({ where: { ...inOrg(ctx), name: data.name }, select: { id: true } })) throw siteNameTaken(data.name);
  try {
    return await prisma.$transaction(async (tx) => {
      const site = await tx.site.create({ data: { ...inOrg(ctx), ...data } });
      const view = siteView(site);
      await recordAudit(tx, ctx, { action: "site.created", entityType: "Site", entityId: site.id, after: view });
      return view;
    });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw siteNameTaken(data.name);
    throw err;
  }
}
