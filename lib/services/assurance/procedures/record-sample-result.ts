// Use case: the auditor's result for one sampled item (assurance:work): agreed, or an exception with the misstated
// amount in kgCO2e (book − audited; required), a note and optionally an evidence file. Audited as sample.item-result.
import { z } from "zod";
import { recordAudit } from "../../../audit/record";
import { authorize, type ServiceContext } from "../../../auth/context";
import { prisma } from "../../../db/client";
import { inOrg, isUuid } from "../../../db/scope";
import { invalid, notFound } from "../../../errors";
import { parseInput } from "../../../parse-input";
import { readSample } from "./sample-read";

const Input = z.object({
  sampleId: z.string(),
  position: z.coerce.number().int().min(1),
  result: z.enum(["AGREED", "EXCEPTION"]),
  misstatementKgCo2e: z.string().trim().regex(/^-?\d+(\.\d+)?$/, "must be a decimal number (kgCO2e)").nullable().optional(),
  note: z.string().trim().max(5000).nullable().optional(),
  evidenceFileId: z.string().refine(isUuid, "must be an evidence file id").nullable().optional(),
});

export async function recordSampleResult({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  authorize(ctx, "assurance:work");
  const q = parseInput(Input, input);
  const s = await readSample(ctx, q.sampleId);
  const item = s.items.find((i) => i.position === q.position);
  if (!item) throw notFound("Sample item");
  if (q.result === "EXCEPTION" && !q.misstatementKgCo2e) throw invalid("An exception needs the misstated amount.", [{ field: "misstatementKgCo2e", reason: "required for an exception, in kgCO2e" }]);
  if (q.evidenceFileId && !(await prisma.evidenceFile.findFirst({ where: { ...inOrg(ctx), id: q.evidenceFileId }, select: { id: true } })))
    throw invalid("Evidence file not found in this organization.", [{ field: "evidenceFileId", reason: "not an evidence file of this organization" }]);
  const data = { result: q.result, misstatementKgCo2e: q.result === "EXCEPTION" ? q.misstatementKgCo2e! : null, note: q.note || null, evidenceFileId: q.evidenceFileId ?? null, resultById: ctx.userId, resultAt: new Date() };
  return prisma.$transaction(async (tx) => {
    await tx.auditSampleItem.update({ where: { sampleId_position: { sampleId: s.id, position: q.position } }, data });
    await recordAudit(tx, ctx, {
      action: "sample.item-result", entityType: "audit_sample", entityId: s.id,
      before: { position: item.position, lineId: item.lineId, result: item.result, misstatementKgCo2e: item.misstatementKgCo2e, note: item.note },
      after: { position: item.position, lineId: item.lineId, result: data.result, misstatementKgCo2e: data.misstatementKgCo2e, note: data.note, evidenceFileId: data.evidenceFileId },
    });
    return { sampleId: s.id, position: q.position, result: q.result };
  });
}
