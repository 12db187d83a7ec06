// Use case (tracker): POST /runs — a tracker starts; answers the run's id, which the tracker sends with every
// emission. The run gets its own Import (source CODECARBON_API, file name "api:run:<id>"): the batch its
// emissions are lineaged to (import id + row number). Creating both is audited as one API batch.
import { createHash, randomUUID } from "node:crypto";
import type { ApiTokenContext } from "../../auth/api-token";
import { recordAudit } from "../../audit/record";
import { prisma } from "../../db/client";
import { notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { RunCreateInput } from "./schemas";
import { runShape } from "./shapes";

export function apiImportFileName(runId: string): string {
  return `api:run:${runId}`;
}

export async function createRun({ ctx, input }: { ctx: ApiTokenContext; input: unknown }) {
  const data = parseInput(RunCreateInput, input);
  const experiment = await prisma.experiment.findFirst({
    where: { id: data.experiment_id.toLowerCase(), organizationId: ctx.organization.id, projectId: ctx.projectId },
  });
  if (!experiment) throw notFound("Experiment");
  const runId = randomUUID();
  const fileName = apiImportFileName(runId);
  return prisma.$transaction(async (tx) => {
    const imp = await tx.import.create({
      data: {
        organizationId: ctx.organization.id,
        sourceType: "CODECARBON_API",
        detectedVersion: data.codecarbon_version,
        fileName,
        sizeBytes: BigInt(0),
        sha256: createHash("sha256").update(fileName).digest("hex"),
        status: "COMMITTED",
        committedAt: new Date(),
      },
    });
    const run = await tx.run.create({
      data: {
        id: runId,
        organizationId: ctx.organization.id,
        projectId: ctx.projectId,
        experimentId: experiment.id,
        identityKnown: true,
        firstImportId: imp.id,
        startedAt: data.timestamp.at,
        os: data.os,
        pythonVersion: data.python_version,
        codecarbonVersion: data.codecarbon_version,
        cpuCount: data.cpu_count,
        cpuModel: data.cpu_model,
        gpuCount: data.gpu_count,
        gpuModel: data.gpu_model,
        ramTotalSizeGb: data.ram_total_size,
        trackingMode: data.tracking_mode,
        longitude: data.longitude,
        latitude: data.latitude,
        // Location: the run's own when the tracker sent it, else its experiment's.
        region: data.region ?? experiment.region,
        cloudProvider: data.provider ?? experiment.cloudProvider,
        cloudRegion: experiment.cloudRegion,
        countryName: experiment.countryName,
        countryIsoCode: experiment.countryIsoCode,
        onCloud: experiment.onCloud,
        durationSeconds: "0",
        energyKwh: "0",
        cpuEnergyKwh: "0",
        gpuEnergyKwh: "0",
        ramEnergyKwh: "0",
        trackerEmissionsKgCo2e: "0",
      },
    });
    await recordAudit(tx, ctx, {
      action: "import.created",
      entityType: "Import",
      entityId: imp.id,
      after: { sourceType: imp.sourceType, fileName, runId, projectId: ctx.projectId },
    });
    await recordAudit(tx, ctx, {
      action: "run.created",
      entityType: "Run",
      entityId: run.id,
      after: {
        experimentId: experiment.id,
        projectId: ctx.projectId,
        importId: imp.id,
        startedAt: data.timestamp.canonical,
        codecarbonVersion: data.codecarbon_version,
        os: data.os,
        cpuModel: data.cpu_model,
        gpuModel: data.gpu_model,
      },
    });
    return runShape({
      id: run.id,
      started_at: run.startedAt,
      experiment_id: run.experimentId,
      os: run.os,
      python_version: run.pythonVersion,
      codecarbon_version: run.codecarbonVersion,
      cpu_count: run.cpuCount,
      cpu_model: run.cpuModel,
      gpu_count: run.gpuCount,
      gpu_model: run.gpuModel,
      longitude: data.longitude,
      latitude: data.latitude,
      region: run.region,
      cloud_provider: run.cloudProvider,
      ram_total_size_gb: data.ram_total_size,
      tracking_mode: run.trackingMode,
      emissions: "0",
      energy_kwh: "0",
      cpu_energy_kwh: "0",
      gpu_energy_kwh: "0",
      ram_energy_kwh: "0",
      duration_seconds: "0",
    });
  });
}
