// Use case: the organization's contractual instruments, latest vintage first, with the MWh per type and market.
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { instrumentView, type InstrumentView } from "./instrument-view";

export async function listInstruments({ ctx }: { ctx: ServiceContext }): Promise<{ instruments: InstrumentView[]; totalMwh: string }> {
  authorize(ctx, "org:read");
  const [rows, sum] = await Promise.all([
    prisma.contractualInstrument.findMany({
      where: inOrg(ctx),
      orderBy: [{ vintageStart: "desc" }, { createdAt: "desc" }],
      take: 1000,
      include: { site: { select: { name: true } }, evidence: { select: { fileName: true, sha256: true } } },
    }),
    prisma.contractualInstrument.aggregate({ where: inOrg(ctx), _sum: { volumeMwh: true } }),
  ]);
  return { instruments: rows.map(instrumentView), totalMwh: sum._sum.volumeMwh?.toFixed() ?? "0" };
}
