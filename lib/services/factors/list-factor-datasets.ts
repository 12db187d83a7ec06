// Use case: the factor datasets an organization can use (shipped open data and its own), with provenance, factor
// counts, lock state and whether a newer version exists.
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { shippedOrInOrg } from "../../db/scope";
import type { FactorDatasetListItem } from "../../views/factors";
import { DATASET_SELECT, datasetView } from "./dataset-view";

export async function listFactorDatasets({ ctx }: { ctx: ServiceContext }): Promise<FactorDatasetListItem[]> {
  authorize(ctx, "org:read");
  const rows = await prisma.emissionFactorDataset.findMany({
    where: shippedOrInOrg(ctx),
    select: {
      ...DATASET_SELECT,
      _count: { select: { factors: true } },
      nextVersions: { where: { organizationId: ctx.organization.id }, select: { id: true, version: true } },
    },
    orderBy: [{ organizationId: { sort: "asc", nulls: "first" } }, { title: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((d) => ({
    ...datasetView(d),
    factorCount: d._count.factors,
    /** Newer versions of this dataset in the organization: the newest is the one in use. */
    supersededBy: d.nextVersions.map((v) => ({ id: v.id, version: v.version })),
  }));
}
