// Use case: the organization's sites, with how many activity records and instruments each has.
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import type { SiteView } from "../../views/site";
import { siteView } from "./site-view";

export interface SiteRow extends SiteView {
  activities: number;
  instruments: number;
}

export async function listSites({ ctx }: { ctx: ServiceContext }): Promise<SiteRow[]> {
  authorize(ctx, "org:read");
  const sites = await prisma.site.findMany({
    where: inOrg(ctx),
    orderBy: { name: "asc" },
    include: { _count: { select: { activities: true, instruments: true } } },
  });
  return sites.map((s) => ({ ...siteView(s), activities: s._count.activities, instruments: s._count.instruments }));
}
