// The audit trail's filters (actor, action, entity type, date range, keyset by seq) and what a scoped auditor may see
// of it (decision 0027, amendment): events about the covered periods, their calculation and report versions, the
// imports feeding their lines, and the auditor's own engagements — nothing of other periods.
import { z } from "zod";
import type { ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg, isUuid } from "../../db/scope";
import type { Prisma } from "../../generated/prisma/client";
import { coveredImportIds, coveredPeriodIds } from "../assurance/engagement-scope";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date, YYYY-MM-DD");

export const AuditFilterInput = z.object({
  /** A member's user id, or "system", or text matched in the actor label. */
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(100).optional(),
  from: day.optional(),
  to: day.optional(),
  beforeSeq: z.coerce.number().int().positive().optional(),
  take: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditFilter = z.infer<typeof AuditFilterInput>;

/** The where of the organization's events under the filters and the member's scope. */
export async function auditWhere(ctx: ServiceContext, f: AuditFilter): Promise<Prisma.AuditEventWhereInput> {
  const and: Prisma.AuditEventWhereInput[] = [inOrg(ctx)];
  if (f.actor) and.push(isUuid(f.actor) ? { actorUserId: f.actor } : { actorLabel: { contains: f.actor, mode: "insensitive" } });
  if (f.action) and.push({ action: f.action });
  if (f.entityType) and.push({ entityType: f.entityType });
  if (f.from) and.push({ createdAt: { gte: new Date(`${f.from}T00:00:00Z`) } });
  if (f.to) and.push({ createdAt: { lt: new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000) } });
  if (f.beforeSeq) and.push({ seq: { lt: f.beforeSeq } });
  const scope = await scopeWhere(ctx);
  if (scope) and.push(scope);
  return { AND: and };
}

async function scopeWhere(ctx: ServiceContext): Promise<Prisma.AuditEventWhereInput | null> {
  const periods = await coveredPeriodIds(ctx);
  if (periods === "all") return null;
  const [calc, reports, imports, engagements] = await Promise.all([
    prisma.calculationVersion.findMany({ where: { ...inOrg(ctx), periodId: { in: periods } }, select: { id: true } }),
    prisma.reportVersion.findMany({ where: { ...inOrg(ctx), periodId: { in: periods } }, select: { id: true } }),
    coveredImportIds(ctx),
    prisma.engagement.findMany({ where: { ...inOrg(ctx), auditors: { some: { membership: { userId: ctx.userId ?? undefined, organizationId: ctx.organization.id } } } }, select: { id: true } }),
  ]);
  const ids = (type: string, list: string[]) => ({ entityType: type, entityId: { in: list } });
  return {
    OR: [
      ids("ReportingPeriod", periods),
      ids("CalculationVersion", calc.map((c) => c.id)),
      ids("ReportVersion", reports.map((r) => r.id)),
      ids("Import", imports === "all" ? [] : imports),
      ids("Engagement", engagements.map((e) => e.id)),
    ],
  };
}

/** Readable names of the events' entities (periods, versions → their period, engagements, projects, sites, targets). */
export async function entityNames(ctx: ServiceContext, events: { entityType: string; entityId: string | null }[]): Promise<Map<string, string>> {
  const of = (t: string) => [...new Set(events.filter((e) => e.entityType === t && e.entityId && isUuid(e.entityId)).map((e) => e.entityId!))];
  const [periods, versions, engagements, projects, sites, targets, imports] = await Promise.all([
    prisma.reportingPeriod.findMany({ where: { ...inOrg(ctx), id: { in: of("ReportingPeriod") } }, select: { id: true, name: true } }),
    prisma.calculationVersion.findMany({ where: { ...inOrg(ctx), id: { in: of("CalculationVersion") } }, select: { id: true, period: { select: { name: true } } } }),
    prisma.engagement.findMany({ where: { ...inOrg(ctx), id: { in: of("Engagement") } }, select: { id: true, name: true } }),
    prisma.project.findMany({ where: { ...inOrg(ctx), id: { in: of("Project") } }, select: { id: true, name: true } }),
    prisma.site.findMany({ where: { ...inOrg(ctx), id: { in: of("Site") } }, select: { id: true, name: true } }),
    prisma.emissionTarget.findMany({ where: { ...inOrg(ctx), id: { in: of("EmissionTarget") } }, select: { id: true, name: true } }),
    prisma.import.findMany({ where: { ...inOrg(ctx), id: { in: of("Import") } }, select: { id: true, fileName: true } }),
  ]);
  return new Map<string, string>([
    ...periods.map((p) => [p.id, p.name] as [string, string]),
    ...versions.map((v) => [v.id, v.period.name] as [string, string]),
    ...engagements.map((e) => [e.id, e.name] as [string, string]),
    ...projects.map((p) => [p.id, p.name] as [string, string]),
    ...sites.map((s) => [s.id, s.name] as [string, string]),
    ...targets.map((t) => [t.id, t.name] as [string, string]),
    ...imports.map((i) => [i.id, i.fileName] as [string, string]),
  ]);
}
