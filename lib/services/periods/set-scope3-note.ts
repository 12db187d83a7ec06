// Use case: the officer states why a Scope 3 category of a period has no figure — not relevant, or not calculated —
// with a reason (ESRS E1-6 §51: categories excluded and why). The E1-6 table and the report print it. A category
// with a calculated figure takes no note. Clearing: relevance "" removes it. Audited.
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { byId, inOrg, isUuid } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { assertPeriodId } from "../inventory/ledger/period-id";

export const SetScope3NoteInput = z.object({
  periodId: z.string().refine(isUuid, "Reporting period not found."),
  category: z.coerce.number().int().min(1, "must be a category 1–15").max(15, "must be a category 1–15"),
  relevance: z.enum(["NOT_RELEVANT", "NOT_CALCULATED", ""]),
  reason: z.string().trim().max(2000).default(""),
});

export async function setScope3Note({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<{ category: number; relevance: string | null; reason: string | null }> {
  authorize(ctx, "period:manage");
  assertPeriodId(input);
  const d = parseInput(SetScope3NoteInput, input);
  if (d.relevance !== "" && d.reason === "") throw new AppError("VALIDATION", "Say why the category has no figure.", [{ field: "reason", reason: "must not be empty" }]);
  return prisma.$transaction(async (tx) => {
    const period = await tx.reportingPeriod.findFirst({ where: byId(ctx, d.periodId), select: { id: true, status: true, name: true } });
    if (!period) throw notFound("Reporting period");
    if (period.status === "IN_REVIEW" || period.status === "SIGNED_OFF")
      throw new AppError("CONFLICT", `${period.name} is ${period.status === "IN_REVIEW" ? "in review" : "signed off"}: return or reopen it to change its statements.`, [{ field: "status", reason: period.status }]);
    const where = { ...inOrg(ctx), periodId: period.id, category: d.category };
    const before = await tx.scope3CategoryNote.findFirst({ where });
    let after: { relevance: string; reason: string } | null = null;
    if (d.relevance === "") {
      if (before) await tx.scope3CategoryNote.deleteMany({ where });
    } else {
      const data = { relevance: d.relevance, reason: d.reason, updatedById: ctx.userId };
      if (before) await tx.scope3CategoryNote.updateMany({ where, data });
      else await tx.scope3CategoryNote.create({ data: { ...where, ...data } });
      after = { relevance: d.relevance, reason: d.reason };
    }
    await recordAudit(tx, ctx, {
      action: "period.scope3-note-set",
      entityType: "ReportingPeriod",
      entityId: period.id,
      before: before ? { category: d.category, relevance: before.relevance, reason: before.reason } : null,
      after: after ? { category: d.category, ...after } : { category: d.category, cleared: true },
    });
    return { category: d.category, relevance: after?.relevance ?? null, reason: after?.reason ?? null };
  });
}
