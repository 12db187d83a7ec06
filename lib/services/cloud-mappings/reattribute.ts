// After the mapping table changed: every provider row of the organization (and provider) takes the project the
// current mappings give it (lib/db/cloud-attribution.ts), in the caller's transaction. Returns how many rows moved.
import type { Prisma } from "../../generated/prisma/client";
import { attributedProjectSql } from "../../db/cloud-attribution";

export async function reattributeProviderRows(tx: Prisma.TransactionClient, organizationId: string, provider: string): Promise<number> {
  const project = attributedProjectSql("r");
  return tx.$executeRawUnsafe(
    `UPDATE provider_emission_records r SET project_id = ${project}
      WHERE r.organization_id = $1::uuid AND r.provider = $2::"CloudProvider" AND r.project_id IS DISTINCT FROM ${project}`,
    organizationId,
    provider,
  );
}
