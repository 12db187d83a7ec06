// lockDatasetsUsed(tx, datasetIds): the ledger calls this in the transaction that writes ledger lines using factors
// of these datasets. From then on the datasets and their factors are immutable (triggers of migration 0007 refuse
// UPDATE/DELETE/INSERT); a correction is a new version. Locking again is a no-op (the first lockedAt stays).
// SQL equivalent: UPDATE emission_factor_datasets SET locked_at = now() WHERE id = ANY($1) AND locked_at IS NULL.
import type { Tx } from "./client";

export async function lockDatasetsUsed(tx: Tx, datasetIds: string[]): Promise<number> {
  if (datasetIds.length === 0) return 0;
  const { count } = await tx.emissionFactorDataset.updateMany({
    where: { id: { in: [...new Set(datasetIds)] }, lockedAt: null },
    data: { lockedAt: new Date() },
  });
  return count;
}
