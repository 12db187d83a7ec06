// Use case: the credit lines of the factor datasets an organization can use, for the Factors page and the PDF
// report's sources section (shipped open data must be credited wherever its factors are shown).
import { authorize, type ServiceContext } from "../auth/context";
import { prisma } from "../db/client";
import { shippedOrInOrg } from "../db/scope";

export interface FactorAttribution {
  datasetId: string;
  publisher: string;
  title: string;
  version: string;
  licence: string;
  url: string | null;
  attribution: string;
}

export async function listFactorAttributions({ ctx }: { ctx: ServiceContext }): Promise<FactorAttribution[]> {
  authorize(ctx, "org:read");
  const rows = await prisma.emissionFactorDataset.findMany({
    where: { ...shippedOrInOrg(ctx), attribution: { not: null } },
    select: { id: true, publisher: true, title: true, version: true, licence: true, url: true, attribution: true },
    orderBy: [{ organizationId: { sort: "asc", nulls: "first" } }, { title: "asc" }, { version: "asc" }],
  });
  return rows.map((d) => ({ datasetId: d.id, publisher: d.publisher, title: d.title, version: d.version, licence: d.licence, url: d.url, attribution: d.attribution ?? "" }));
}
