// An import left PROCESSING by a server that stopped (crash, restart, kill): its transaction rolled back, so
// nothing of it was written. Recognised by its job lock being free (job.ts), and marked FAILED with that reason.
// Checked whenever imports are read; the user may confirm it again.
import { prisma } from "../../../db/client";
import { JOB_LOCK_SQL } from "./job";
import { markFailed, runningCommit } from "./launch";

export const STOPPED_REASON =
  "The server stopped while this import was being written; nothing of it was written. Confirm it again to retry.";

export async function recoverStaleImports(organizationId: string): Promise<void> {
  const processing = await prisma.import.findMany({ where: { organizationId, status: "PROCESSING" }, select: { id: true } });
  for (const { id } of processing) {
    if (runningCommit(id)) continue;
    // The try-lock is taken and released within one statement's transaction: free means no job holds it.
    const [{ free }] = await prisma.$queryRawUnsafe<{ free: boolean }[]>(`SELECT pg_try_advisory_xact_lock(${JOB_LOCK_SQL}) AS free`, id);
    if (free)
      await markFailed(
        { importId: id, organizationId, actor: { userId: null, actorLabel: "system", organization: { id: organizationId }, requestId: "recover-stale-imports" } },
        STOPPED_REASON,
      );
  }
}
