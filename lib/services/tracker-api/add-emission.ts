// Use case (tracker): POST /emissions — one measurement interval of a run. These are DELTAS: the run's totals
// are the sum of its emissions, kept in the same transaction as the insert (emission-writer.ts: batched,
// one statement per batch, atomic `x = x + delta` updates, exact numeric). A run is found by id AND the token's
// organization AND project, and must have been created through this API (a run imported from a file holds
// cumulative rows, not deltas): anything else is "not found". A retried POST (same run and timestamp) is a
// duplicate: 201 with the same id, counted once.
// Individual emissions write no audit event: they are data rows lineaged to the run's import (decision 0005); a run
// in a period already calculated gets one `run.measurements-added` event after each calculation (decision 0021).
import { createHash } from "node:crypto";
import type { ApiTokenContext } from "../../auth/api-token";
import { notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { writeEmission } from "./emission-writer";
import { markRunChanged } from "./run-marker";
import { EmissionCreateInput } from "./schemas";
import { emissionId } from "./shapes";

export function emissionRowHash(runId: string, canonicalTimestamp: string): string {
  return createHash("sha256").update(`codecarbon-api:${runId.toLowerCase()}:${canonicalTimestamp}`).digest("hex");
}

export interface AddEmissionResult {
  /** carbonserver answers the new emission's UUID. */
  id: string;
  duplicate: boolean;
}

export async function addEmission({ ctx, input }: { ctx: ApiTokenContext; input: unknown }): Promise<AddEmissionResult> {
  const e = parseInput(EmissionCreateInput, input);
  const runId = e.run_id.toLowerCase();
  const rowHash = emissionRowHash(runId, e.timestamp.canonical);
  const outcome = await writeEmission({
    organizationId: ctx.organization.id,
    projectId: ctx.projectId,
    runId,
    rowHash,
    measuredAt: e.timestamp.canonical.slice(0, -1).replace("T", " "), // UTC wall time, as Prisma stores DateTime
    duration: e.duration,
    emissionsSum: e.emissions_sum,
    emissionsRate: e.emissions_rate,
    cpuPower: e.cpu_power,
    gpuPower: e.gpu_power,
    ramPower: e.ram_power,
    cpuEnergy: e.cpu_energy,
    gpuEnergy: e.gpu_energy,
    ramEnergy: e.ram_energy,
    energyConsumed: e.energy_consumed,
    cpuUtilizationPercent: e.cpu_utilization_percent,
    gpuUtilizationPercent: e.gpu_utilization_percent,
    ramUtilizationPercent: e.ram_utilization_percent,
    wue: e.wue,
  });
  if (!outcome.found) throw notFound("Run");
  // A run already counted in a calculated period: one marker so that the period shows as stale (run-marker.ts).
  if (outcome.markMonths.length) await markRunChanged(ctx, runId, outcome.markMonths);
  return { id: emissionId(rowHash), duplicate: !outcome.inserted };
}
