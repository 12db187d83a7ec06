// Use case: the samples drawn on a period, newest first, with their progress (report:read).
import { authorize, type ServiceContext } from "../../../auth/context";
import { prisma } from "../../../db/client";
import { byId, inOrg } from "../../../db/scope";
import { notFound } from "../../../errors";
import type { SampleListItem } from "../../../views/assurance-procedures";
import { assertPeriodId } from "../../inventory/ledger/period-id";
import { assertPeriodCovered } from "../engagement-scope";

export async function listSamples({ ctx, input }: { ctx: ServiceContext; input: { periodId: string } }): Promise<{ period: { id: string; name: string }; samples: SampleListItem[] }> {
  authorize(ctx, "report:read");
  assertPeriodId(input);
  const period = await prisma.reportingPeriod.findFirst({ where: byId(ctx, input.periodId), select: { id: true, name: true } });
  if (!period) throw notFound("Reporting period");
  await assertPeriodCovered(ctx, period.id);
  const samples = await prisma.auditSample.findMany({ where: { ...inOrg(ctx), periodId: period.id }, orderBy: { number: "desc" }, include: { items: { select: { result: true } } } });
  return {
    period,
    samples: samples.map((s) => ({
      id: s.id, number: s.number, name: s.name, method: s.method, populationSize: s.populationSize, populationKgCo2e: s.populationKgCo2e.toFixed(), sampleSize: s.sampleSize,
      items: s.items.length, tested: s.items.filter((i) => i.result !== null).length, exceptions: s.items.filter((i) => i.result === "EXCEPTION").length, createdAt: s.createdAt.toISOString(),
    })),
  };
}
