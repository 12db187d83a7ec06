// Use case: the credit lines of the factor datasets an organization can use, for the Factors page and the PDF
// report's sources section (shipped open data must be credited wherever its factors are shown). A report passes the
// datasets its ledger lines used (input.datasetIds) to credit just those — with their provenance even when they carry
// no attribution text (custom factors); without it, every readable dataset that asks for attribution.
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { isUuid, shippedOrInOrg } from "../../db/scope";
import type { FactorAttribution } from "../../views/factors";


export async function listFactorAttributions({ ctx, input }: { ctx: ServiceContext; input?: { datasetIds?: string[] } }): Promise<FactorAttribution[]> {
  authorize(ctx, "org:read");
  const only = input?.datasetIds?.filter(isUuid);
  const rows = await prisma.emissionFactorDataset.findMany({
    where: { ...shippedOrInOrg(ctx), ...(only ? { id: { in: only } } : { attribution: { not: null } }) },
    select: { id: true, publisher: true, title: true, version: true, licence: true, url: true, attribution: true },
    orderBy: [{ organizationId: { sort: "asc", nulls: "first" } }, { title: "asc" }, { version: "asc" }],
  });
  return rows.map((d) => ({ datasetId: d.id, publisher: d.publisher, title: d.title, version: d.version, licence: d.licence, url: d.url, attribution: d.attribution ?? "" }));
}
