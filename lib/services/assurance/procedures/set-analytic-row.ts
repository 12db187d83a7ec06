// Use case: the auditor's expectation or explanation for one analytical-review row (assurance:work). An entered
// expectation (tCO2e, stored in kg) needs a note saying how it was built; an explanation may link an inquiry (its id,
// no foreign key) or an evidence file of the organization. Audited as analytics.row-updated.
import { z } from "zod";
import { recordAudit } from "../../../audit/record";
import { authorize, type ServiceContext } from "../../../auth/context";
import { prisma } from "../../../db/client";
import { inOrg, isUuid } from "../../../db/scope";
import { invalid } from "../../../errors";
import { dec, text } from "../../../ghg/decimal";
import { parseInput } from "../../../parse-input";
import { targetVersion } from "./target-version";

const decimalText = z.string().trim().regex(/^-?\d+(\.\d+)?$/, "must be a decimal number");
const Input = z.object({
  periodId: z.string(),
  view: z.enum(["lb", "mb"]).default("lb"),
  rowKey: z.string().regex(/^(scope:SCOPE_[123]|category:([1-9]|1[0-5])|site:[0-9a-f-]{36}|project:[0-9a-f-]{36})$/, "must be a row of the review (scope:…, category:…, site:…, project:…)"),
  /** null clears an entered expectation (back to prior × activity change). */
  expectationTCo2e: decimalText.nullable().optional(),
  expectationNote: z.string().trim().max(2000).nullable().optional(),
  explanation: z.string().trim().max(5000).nullable().optional(),
  inquiryId: z.string().trim().max(100).nullable().optional(),
  evidenceFileId: z.string().refine(isUuid, "must be an evidence file id").nullable().optional(),
});

export async function setAnalyticRow({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  authorize(ctx, "assurance:work");
  const t = await targetVersion(ctx, input);
  const q = parseInput(Input, input);
  const where = { organizationId_periodId_view_rowKey: { organizationId: ctx.organization.id, periodId: t.period.id, view: q.view, rowKey: q.rowKey } };
  const before = await prisma.analyticReviewRow.findUnique({ where });
  const expectationKg = q.expectationTCo2e === undefined ? (before?.expectationKgCo2e?.toFixed() ?? null) : q.expectationTCo2e === null ? null : text(dec(q.expectationTCo2e).times(1000));
  const note = q.expectationNote === undefined ? (before?.expectationNote ?? null) : q.expectationNote || null;
  if (expectationKg !== null && !note) throw invalid("An entered expectation needs a note saying how it was built.", [{ field: "expectationNote", reason: "required with an entered expectation" }]);
  if (q.evidenceFileId && !(await prisma.evidenceFile.findFirst({ where: { ...inOrg(ctx), id: q.evidenceFileId }, select: { id: true } })))
    throw invalid("Evidence file not found in this organization.", [{ field: "evidenceFileId", reason: "not an evidence file of this organization" }]);
  const data = {
    expectationKgCo2e: expectationKg,
    expectationNote: note,
    explanation: q.explanation === undefined ? (before?.explanation ?? null) : q.explanation || null,
    inquiryId: q.inquiryId === undefined ? (before?.inquiryId ?? null) : q.inquiryId || null,
    evidenceFileId: q.evidenceFileId === undefined ? (before?.evidenceFileId ?? null) : q.evidenceFileId,
    updatedById: ctx.userId,
  };
  return prisma.$transaction(async (tx) => {
    const row = await tx.analyticReviewRow.upsert({ where, create: { organizationId: ctx.organization.id, periodId: t.period.id, view: q.view, rowKey: q.rowKey, ...data }, update: data });
    const view = (r: typeof before) => (r ? { expectationKgCo2e: r.expectationKgCo2e?.toFixed() ?? null, expectationNote: r.expectationNote, explanation: r.explanation, inquiryId: r.inquiryId, evidenceFileId: r.evidenceFileId } : null);
    await recordAudit(tx, ctx, { action: "analytics.row-updated", entityType: "analytic_review_row", entityId: row.id, before: view(before), after: { period: t.period.name, view: q.view, rowKey: q.rowKey, ...view(row) } });
    return { id: row.id, rowKey: row.rowKey };
  });
}
