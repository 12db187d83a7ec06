// A version's E1-6 figures, from its rollups grouped by resolution (versionBreakdown: the one query over the
// rollups; the lines are the truth, and tests compare the two).
import type { Db } from "../../../db/client";
import { aggregateE16, type E16 } from "../../../ghg/aggregate";
import { versionBreakdown } from "../version-breakdown";

export async function versionE16(db: Db, organizationId: string, versionId: string, netRevenue: string | null): Promise<E16> {
  return aggregateE16(await versionBreakdown(db, organizationId, versionId), netRevenue);
}
