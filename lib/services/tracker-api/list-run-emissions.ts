// Use case (tracker API read side): GET /runs/{id}/emissions?page=&size= — the run's emissions, in
// carbonserver's page shape (fastapi-pagination: items, total, page, size, pages; size 1–10,000, default 100).
import { z } from "zod";
import type { ApiTokenContext } from "../../auth/api-token";
import { prisma } from "../../db/client";
import { inTokenProject, isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import { parseInput } from "../../parse-input";
import { EMISSION_COLUMNS, emissionShape, type EmissionRow } from "./shapes";

export const EmissionsPageInput = z.object({
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(10_000).default(100),
});

export async function listRunEmissions({ ctx, input }: { ctx: ApiTokenContext; input: { runId: string; query: unknown } }) {
  const { page, size } = parseInput(EmissionsPageInput, input.query);
  if (!isUuid(input.runId)) throw notFound("Run");
  const run = await prisma.run.findFirst({ where: { id: input.runId, ...inTokenProject(ctx) }, select: { id: true } });
  if (!run) throw notFound("Run");
  const [rows, total] = await Promise.all([
    prisma.$queryRaw<EmissionRow[]>(Prisma.sql`
      SELECT ${EMISSION_COLUMNS} FROM measurements m
       WHERE m.organization_id = ${ctx.organization.id}::uuid AND m.run_id = ${run.id}::uuid
       ORDER BY m.measured_at, m.id
       LIMIT ${size} OFFSET ${(page - 1) * size}`),
    prisma.measurement.count({ where: { organizationId: ctx.organization.id, runId: run.id } }),
  ]);
  return { items: rows.map(emissionShape), total, page, size, pages: Math.ceil(total / size) };
}
