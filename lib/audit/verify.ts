// Recomputes an organization's audit chain from the database and reports the first broken link.
// Rows go to verifyChain as they are: eventHash picks exactly the chained fields from them.
import type { Db } from "../db/client";
import { verifyChain, type ChainBreak } from "./chain";

export async function verifyOrganizationChain(db: Db, organizationId: string): Promise<ChainBreak> {
  const events = await db.auditEvent.findMany({ where: { organizationId }, orderBy: { seq: "asc" } });
  return verifyChain(events);
}
