// Use case: the organization's contractual instruments (deleted ones left out: decision 0021), latest vintage first,
// with their total MWh.
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { INSTRUMENT_INCLUDE } from "./instrument-columns";
import { instrumentView, type InstrumentView } from "./instrument-view";

export async function listInstruments({ ctx }: { ctx: ServiceContext }): Promise<{ instruments: InstrumentView[]; totalMwh: string }> {
  authorize(ctx, "org:read");
  const where = { ...inOrg(ctx), deletedAt: null };
  const [rows, sum] = await Promise.all([
    prisma.contractualInstrument.findMany({
      where,
      orderBy: [{ vintageStart: "desc" }, { createdAt: "desc" }],
      take: 1000,
      include: INSTRUMENT_INCLUDE,
    }),
    prisma.contractualInstrument.aggregate({ where, _sum: { volumeMwh: true } }),
  ]);
  return { instruments: rows.map(instrumentView), totalMwh: sum._sum.volumeMwh?.toFixed() ?? "0" };
}
