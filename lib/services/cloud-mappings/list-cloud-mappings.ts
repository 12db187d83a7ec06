// Use case: the cloud mapping page — the mappings, and the provider rows that count (no successor) per mapped
// project with an "Unassigned" group that is never dropped: per group, the rows by provider, account and cloud
// project (what a mapping would match), with exact sums. Everyone in the organization may read it.
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import type { AttributionGroup, MappingView, SourceLine } from "../../views/cloud-mappings";


export async function listCloudMappings({ ctx }: { ctx: ServiceContext }) {
  authorize(ctx, "org:read");
  const [mappings, projects, lines] = await Promise.all([
    prisma.cloudProjectMapping.findMany({ where: inOrg(ctx), include: { project: { select: { name: true } } }, orderBy: [{ provider: "asc" }, { matchType: "asc" }, { matchValue: "asc" }] }),
    prisma.project.findMany({ where: inOrg(ctx), select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.$queryRaw<(Omit<SourceLine, "rows"> & { projectId: string | null; rows: number })[]>`
      SELECT project_id AS "projectId", provider::text AS provider, nature::text AS nature, billing_account_id AS "billingAccountId",
             account_id AS "accountId", cloud_project_id AS "cloudProjectId", count(*)::int AS rows,
             coalesce(sum(total_lb_kg_co2e), 0)::text AS "totalLbKgCo2e", coalesce(sum(total_mb_kg_co2e), 0)::text AS "totalMbKgCo2e"
        FROM provider_emission_records
       WHERE organization_id = ${ctx.organization.id}::uuid AND superseded_by_id IS NULL
       GROUP BY 1, 2, 3, 4, 5, 6
       ORDER BY 2, 4, 5, 6`,
  ]);
  const names = new Map(projects.map((p) => [p.id, p.name]));
  const groups = new Map<string | null, AttributionGroup>([[null, { projectId: null, projectName: "Unassigned", rows: 0, totalLbKgCo2e: "0", totalMbKgCo2e: "0", lines: [] }]]);
  for (const { projectId, ...line } of lines) {
    let g = groups.get(projectId);
    if (!g) groups.set(projectId, (g = { projectId, projectName: names.get(projectId!) ?? "(deleted project)", rows: 0, totalLbKgCo2e: "0", totalMbKgCo2e: "0", lines: [] }));
    g.lines.push(line);
  }
  const totals = await prisma.$queryRaw<{ projectId: string | null; rows: number; totalLbKgCo2e: string; totalMbKgCo2e: string }[]>`
    SELECT project_id AS "projectId", count(*)::int AS rows, coalesce(sum(total_lb_kg_co2e), 0)::text AS "totalLbKgCo2e",
           coalesce(sum(total_mb_kg_co2e), 0)::text AS "totalMbKgCo2e"
      FROM provider_emission_records
     WHERE organization_id = ${ctx.organization.id}::uuid AND superseded_by_id IS NULL
     GROUP BY 1`;
  for (const t of totals) Object.assign(groups.get(t.projectId)!, { rows: t.rows, totalLbKgCo2e: t.totalLbKgCo2e, totalMbKgCo2e: t.totalMbKgCo2e });
  const mappingViews: MappingView[] = mappings.map((m) => ({
    id: m.id,
    provider: m.provider,
    matchType: m.matchType,
    matchValue: m.matchValue,
    projectId: m.projectId,
    projectName: m.project.name,
  }));
  const [unassigned, ...mapped] = [...groups.values()];
  return { mappings: mappingViews, projects, groups: [unassigned, ...mapped.sort((a, b) => a.projectName.localeCompare(b.projectName))] };
}
