// Locks one row of the organization for the rest of the transaction (SELECT … FOR UPDATE), so that an edit reads the
// "before" it audits and writes the "after" without another edit or delete in between. Organization in the where.
import type { Tx } from "./client";

export type LockableTable = "activity_records" | "contractual_instruments";

export async function lockRow(tx: Tx, table: LockableTable, organizationId: string, id: string): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT 1 FROM ${table} WHERE id = $1::uuid AND organization_id = $2::uuid FOR UPDATE`, id, organizationId);
}
