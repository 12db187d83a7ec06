// Use case (tracker API read side): GET /runs/{id} — carbonserver's Run, plus the run's totals (the exact sum
// of its emissions so far) under RunReport's names.
import type { ApiTokenContext } from "../../auth/api-token";
import { prisma } from "../../db/client";
import { isUuid } from "../../db/scope";
import { notFound } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import { RUN_COLUMNS, runShape, runTotals, type RunRow } from "./shapes";

export async function getRun({ ctx, input }: { ctx: ApiTokenContext; input: { runId: string } }) {
  if (!isUuid(input.runId)) throw notFound("Run");
  const rows = await prisma.$queryRaw<(RunRow & { emissions_count: bigint })[]>(Prisma.sql`
    SELECT ${RUN_COLUMNS},
           (SELECT count(*) FROM measurements m WHERE m.organization_id = r.organization_id AND m.run_id = r.id) AS emissions_count
      FROM runs r
     WHERE r.id = ${input.runId}::uuid AND r.organization_id = ${ctx.organization.id}::uuid AND r.project_id = ${ctx.projectId}::uuid`);
  const r = rows[0];
  if (!r) throw notFound("Run");
  return { ...runShape(r), ...runTotals(r), emissions_count: Number(r.emissions_count) };
}
