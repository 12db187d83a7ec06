// The member's own views and downloads in the assurance area (decision 0027, amendment): one append-only row per
// view or download (who, what, entity, period, when, request id). Not an audit event: audit events record changes to
// the organization's data and are hash-chained; a page view changes nothing, and chaining every view would make the
// chain grow with reading. Logged for every role; shown to the member themself and to officers.
import type { ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";

export type AccessAction =
  | "assurance.viewed"
  | "lines.viewed"
  | "vouch.viewed"
  | "trace.viewed"
  | "report.pdf"
  | "datapoints.csv"
  | "datapoints.json"
  | "evidence.downloaded"
  | "import-file.downloaded"
  | "import-errors.downloaded"
  | "audit.exported";

export async function logAccess(
  ctx: ServiceContext,
  entry: { action: AccessAction; entityType: string; entityId?: string | null; periodId?: string | null },
): Promise<void> {
  await prisma.accessLogEntry.create({
    data: {
      organizationId: ctx.organization.id,
      userId: ctx.userId,
      actorLabel: ctx.actorLabel,
      role: ctx.role,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      periodId: entry.periodId ?? null,
      requestId: ctx.requestId,
    },
  });
}
