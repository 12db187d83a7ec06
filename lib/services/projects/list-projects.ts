// Use case: the organization's projects with run counts and tracker totals.
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";

export async function listProjects({ ctx }: { ctx: ServiceContext }) {
  authorize(ctx, "org:read");
  const rows = await prisma.$queryRaw<
    { id: string; name: string; runs: bigint; energy_kwh: string | null; tracker_kg: string | null; unknown_identity: bigint }[]
  >`
    SELECT p.id, p.name, count(r.id) AS runs,
           sum(r.energy_kwh)::text AS energy_kwh, sum(r.tracker_emissions_kg_co2e)::text AS tracker_kg,
           count(r.id) FILTER (WHERE NOT r.identity_known) AS unknown_identity
      FROM projects p LEFT JOIN runs r ON r.project_id = p.id AND r.organization_id = p.organization_id
     WHERE p.organization_id = ${ctx.organization.id}::uuid
     GROUP BY p.id, p.name ORDER BY p.name`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    runs: Number(r.runs),
    runsWithUnknownIdentity: Number(r.unknown_identity),
    energyKwh: r.energy_kwh ?? "0",
    trackerEmissionsKgCo2e: r.tracker_kg ?? "0",
  }));
}
