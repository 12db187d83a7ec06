// "deleted on … by …" for ledger lines whose source activity record or instrument was deleted after the version was
// calculated (soft delete, decision 0021): a stated figure stays explainable down to a record no longer counted.
import { prisma } from "../../db/client";

export interface DeletableLine {
  source: { kind: string; id: string };
  instrument: { id: string } | null;
}

/** Each line with `deleted`: what was deleted, when and by whom, or null. Organization in every where. */
export async function withDeletedNotes<L extends DeletableLine>(organizationId: string, lines: L[]): Promise<(L & { deleted: string | null })[]> {
  const activityIds = [...new Set(lines.filter((l) => l.source.kind === "ACTIVITY").map((l) => l.source.id))];
  const instrumentIds = [...new Set(lines.flatMap((l) => (l.instrument ? [l.instrument.id] : [])))];
  const deletedWhere = { organizationId, deletedAt: { not: null } };
  const select = { id: true, deletedAt: true, deletedById: true } as const;
  const [activities, instruments] = await Promise.all([
    activityIds.length ? prisma.activityRecord.findMany({ where: { ...deletedWhere, id: { in: activityIds } }, select }) : [],
    instrumentIds.length ? prisma.contractualInstrument.findMany({ where: { ...deletedWhere, id: { in: instrumentIds } }, select }) : [],
  ]);
  const userIds = [...new Set([...activities, ...instruments].flatMap((r) => (r.deletedById ? [r.deletedById] : [])))];
  const users = userIds.length ? await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }) : [];
  const who = new Map(users.map((u) => [u.id, `${u.name} (${u.email})`]));
  const note = (what: string, r: { deletedAt: Date | null; deletedById: string | null }) =>
    `${what} deleted on ${r.deletedAt!.toISOString().slice(0, 16).replace("T", " ")} UTC by ${(r.deletedById && who.get(r.deletedById)) ?? "a former member"}`;
  const byActivity = new Map(activities.map((r) => [r.id, note("source record", r)]));
  const byInstrument = new Map(instruments.map((r) => [r.id, note("instrument", r)]));
  return lines.map((l) => ({
    ...l,
    deleted: [l.source.kind === "ACTIVITY" ? byActivity.get(l.source.id) : undefined, l.instrument ? byInstrument.get(l.instrument.id) : undefined].filter(Boolean).join("; ") || null,
  }));
}
