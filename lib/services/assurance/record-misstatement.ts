// Use case: the auditor records a misstatement found otherwise than by an inquiry (a sampled item's exception, or
// another procedure), in tCO2e (stored in kg, exactly), corrected or uncorrected. writeMisstatement is the one
// writer, also used by closing an inquiry and by sampling's exceptions (source SAMPLE, the sampled item's id):
// it replaces the misstatement of the same source and id, and records its audit event in the caller's transaction.
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma, type Tx } from "../../db/client";
import { byId, inOrg, isUuid } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { dec, text } from "../../ghg/decimal";
import { parseInput } from "../../parse-input";
import type { MisstatementView } from "../../views/inquiries";
import { peopleByIds } from "../periods/period-views";
import { auditorEngagement, misstatementView } from "./inquiry-access";

export interface MisstatementWrite {
  engagementId: string;
  periodId: string;
  source: "INQUIRY" | "SAMPLE" | "OTHER";
  sourceId: string | null;
  description: string;
  /** Signed kg CO2e as exact decimal text: positive = reported emissions overstated. */
  amountKgCo2e: string;
  corrected: boolean;
}

export async function writeMisstatement(tx: Tx, ctx: ServiceContext, m: MisstatementWrite) {
  const before = m.sourceId ? await tx.misstatement.findFirst({ where: { ...inOrg(ctx), source: m.source, sourceId: m.sourceId } }) : null;
  if (before) await tx.misstatement.delete({ where: { id: before.id } });
  const row = await tx.misstatement.create({
    data: { ...inOrg(ctx), engagementId: m.engagementId, periodId: m.periodId, source: m.source, sourceId: m.sourceId, description: m.description, amountKgCo2e: m.amountKgCo2e, corrected: m.corrected, recordedById: ctx.userId! },
  });
  await recordAudit(tx, ctx, {
    action: "misstatement.recorded",
    entityType: "Misstatement",
    entityId: row.id,
    before: before ? { id: before.id, amountKgCo2e: before.amountKgCo2e.toFixed(), corrected: before.corrected } : null,
    after: { periodId: m.periodId, engagementId: m.engagementId, source: m.source, sourceId: m.sourceId, description: m.description, amountKgCo2e: m.amountKgCo2e, corrected: m.corrected },
  });
  return row;
}

const DECIMAL = /^-?\d{1,15}(\.\d{1,12})?$/;

export const RecordMisstatementInput = z.object({
  periodId: z.string().refine(isUuid, "Reporting period not found."),
  engagementId: z.preprocess((v) => (v === "" ? undefined : v), z.string().refine(isUuid, "Engagement not found.").optional()),
  source: z.enum(["SAMPLE", "OTHER"], { error: "must be SAMPLE or OTHER (an inquiry's misstatement is recorded when it is closed)" }).default("OTHER"),
  sourceId: z.preprocess((v) => (v === "" ? undefined : v), z.string().refine(isUuid, "must be the sampled item's id").optional()),
  description: z.string({ error: "must not be empty" }).trim().min(1, "must not be empty").max(2000),
  amountTCo2e: z.string({ error: "must be a decimal number of tCO2e" }).trim().regex(DECIMAL, "must be a decimal number of tCO2e, e.g. -0.5").refine((v) => !dec(v).isZero(), "must not be zero"),
  corrected: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
});

export async function recordMisstatement({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<MisstatementView> {
  authorize(ctx, "assurance:work");
  const data = parseInput(RecordMisstatementInput, input);
  if (data.source === "SAMPLE" && !data.sourceId) throw new AppError("VALIDATION", "A sample's misstatement names the sampled item.", [{ field: "sourceId", reason: "required for SAMPLE" }]);
  const engagement = await auditorEngagement(prisma, ctx, data.periodId, data.engagementId);
  const period = await prisma.reportingPeriod.findFirst({ where: byId(ctx, data.periodId), select: { id: true } });
  if (!period) throw notFound("Reporting period");
  const row = await prisma.$transaction((tx) =>
    writeMisstatement(tx, ctx, { engagementId: engagement.id, periodId: period.id, source: data.source, sourceId: data.sourceId ?? null, description: data.description, amountKgCo2e: text(dec(data.amountTCo2e).mul(1000)), corrected: data.corrected }),
  );
  return misstatementView(row, await peopleByIds([row.recordedById]));
}
