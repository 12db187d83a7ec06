// Starting a commit in the background and keeping track of it in this process; what a failure leaves behind
// (status FAILED with a reason, an audit event, nothing written: the transaction rolled back).
import type pg from "pg";
import { recordAudit } from "../../../audit/record";
import { prisma } from "../../../db/client";
import { IngestFileError } from "../../../ingest/types";
import { recalculateAfterImport } from "../../inventory/recalculate-after-change";
import { runCommit, type CommitOutcome, type CommitTarget } from "./job";

const holder = globalThis as unknown as { scopebookImportJobs?: Map<string, Promise<CommitOutcome | null>> };
const jobs = (holder.scopebookImportJobs ??= new Map());

/** The commit of this import running in this process, if any. */
export function runningCommit(importId: string): Promise<CommitOutcome | null> | undefined {
  return jobs.get(importId);
}

export function failureReason(err: unknown): string {
  if (err instanceof IngestFileError) return `${err.message} Nothing was written.`;
  const e = err as { code?: string; message?: string; detail?: string };
  if (e?.code === "ENOENT") return "The uploaded file is no longer in the data folder; nothing was written. Upload it again.";
  if (typeof e?.code === "string" && /^[0-9A-Z]{5}$/.test(e.code))
    return `The database refused the import (${e.code}: ${e.message ?? "error"}${e.detail ? `; ${e.detail}` : ""}); nothing was written.`;
  return `The import failed (${e?.message ?? String(err)}); nothing was written.`;
}

/** Marks an import FAILED (if it is still PROCESSING) with an audit event. */
export async function markFailed(target: Pick<CommitTarget, "importId" | "organizationId" | "actor">, reason: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const changed = await tx.import.updateMany({
      where: { id: target.importId, organizationId: target.organizationId, status: "PROCESSING" },
      data: { status: "FAILED", phase: null, failureReason: reason, finishedAt: new Date() },
    });
    if (changed.count)
      await recordAudit(tx, target.actor, { action: "import.failed", entityType: "Import", entityId: target.importId, after: { reason } });
  });
}

/**
 * Runs the commit on the locked connection in the background, then (after COMMIT, connection released) recalculates
 * the OPEN periods when the confirming user may; the promise never rejects (null = failed).
 */
export function launchCommit(client: pg.Client, target: CommitTarget): Promise<CommitOutcome | null> {
  const committed = (async () => {
    try {
      return await runCommit(client, target);
    } catch (err) {
      const reason = failureReason(err);
      console.error(`[scopebook] import ${target.importId} failed: ${reason}`);
      await markFailed(target, reason).catch((e) => console.error("[scopebook] could not mark the import failed", e));
      return null;
    } finally {
      await client.end().catch(() => {});
      jobs.delete(target.importId);
    }
  })();
  const job = committed.then(async (outcome) => (outcome && (await recalculateAfterImport(target.actor)), outcome));
  jobs.set(target.importId, job);
  return job;
}
