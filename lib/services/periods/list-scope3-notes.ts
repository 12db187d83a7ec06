// Use case: the officer's statements on the Scope 3 categories of a period that have no figure.
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg } from "../../db/scope";
import { assertPeriodId } from "../inventory/ledger/period-id";

export async function listScope3Notes({ ctx, input }: { ctx: ServiceContext; input: { periodId: string } }): Promise<{ category: number; relevance: "NOT_RELEVANT" | "NOT_CALCULATED"; reason: string }[]> {
  authorize(ctx, "org:read");
  assertPeriodId(input);
  const notes = await prisma.scope3CategoryNote.findMany({ where: { ...inOrg(ctx), periodId: input.periodId }, orderBy: { category: "asc" } });
  return notes.map((n) => ({ category: n.category, relevance: n.relevance, reason: n.reason }));
}
