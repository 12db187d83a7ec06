// Use case: one project's page — its runs (energy by CPU/GPU/RAM, tracker-reported emissions), experiments
// and tracker tokens (prefixes only; a token is shown once, at creation).
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, inOrg, isUuid } from "../../db/scope";
import { notFound } from "../../errors";

export const PROJECT_RUNS_SHOWN = 200;

export async function getProjectDetail({ ctx, input }: { ctx: ServiceContext; input: { projectId: string } }) {
  authorize(ctx, "org:read");
  if (!isUuid(input.projectId)) throw notFound("Project");
  const project = await prisma.project.findFirst({ where: byId(ctx, input.projectId) });
  if (!project) throw notFound("Project");
  const scope = { ...inOrg(ctx), projectId: project.id };
  const [runs, runCount, experiments, tokens] = await Promise.all([
    prisma.$queryRaw<
      {
        id: string;
        started_at: Date | null;
        experiment: string | null;
        source_type: string | null;
        file_name: string | null;
        duration_seconds: string | null;
        energy_kwh: string | null;
        cpu_energy_kwh: string | null;
        gpu_energy_kwh: string | null;
        ram_energy_kwh: string | null;
        tracker_kg: string | null;
        identity_known: boolean;
      }[]
    >`
      SELECT r.id, r.started_at, e.name AS experiment, i.source_type::text AS source_type, i.file_name,
             r.duration_seconds::text AS duration_seconds, r.energy_kwh::text AS energy_kwh,
             r.cpu_energy_kwh::text AS cpu_energy_kwh, r.gpu_energy_kwh::text AS gpu_energy_kwh,
             r.ram_energy_kwh::text AS ram_energy_kwh, r.tracker_emissions_kg_co2e::text AS tracker_kg, r.identity_known
        FROM runs r
        LEFT JOIN experiments e ON e.id = r.experiment_id AND e.organization_id = r.organization_id
        LEFT JOIN imports i ON i.id = r.first_import_id AND i.organization_id = r.organization_id
       WHERE r.organization_id = ${ctx.organization.id}::uuid AND r.project_id = ${project.id}::uuid
       ORDER BY r.started_at DESC NULLS LAST, r.id
       LIMIT ${PROJECT_RUNS_SHOWN}`,
    prisma.run.count({ where: scope }),
    prisma.experiment.findMany({ where: scope, orderBy: { createdAt: "asc" }, include: { _count: { select: { runs: true } } } }),
    prisma.apiToken.findMany({ where: scope, orderBy: { createdAt: "desc" }, select: { id: true, name: true, tokenPrefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } }),
  ]);
  const zero = (v: string | null) => v ?? "0";
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    runCount,
    runs: runs.map((r) => ({
      id: r.id,
      startedAt: r.started_at?.toISOString() ?? null,
      experiment: r.experiment,
      source: r.source_type === "CODECARBON_API" ? "live API" : (r.file_name ?? "—"),
      identityKnown: r.identity_known,
      durationSeconds: zero(r.duration_seconds),
      energyKwh: zero(r.energy_kwh),
      cpuEnergyKwh: zero(r.cpu_energy_kwh),
      gpuEnergyKwh: zero(r.gpu_energy_kwh),
      ramEnergyKwh: zero(r.ram_energy_kwh),
      trackerEmissionsKgCo2e: zero(r.tracker_kg),
    })),
    experiments: experiments.map((e) => ({ id: e.id, name: e.name, description: e.description, externalId: e.externalId, runs: e._count.runs, createdAt: e.createdAt.toISOString() })),
    tokens: tokens.map((t) => ({
      id: t.id,
      name: t.name,
      tokenPrefix: t.tokenPrefix,
      createdAt: t.createdAt.toISOString(),
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      revokedAt: t.revokedAt?.toISOString() ?? null,
    })),
  };
}
