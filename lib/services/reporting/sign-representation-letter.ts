// Use case: the approver of the signed report version signs the management representation letter in Scopebook.
// The letter is rendered once with the signature (who, when), and its exact bytes, their sha256 and the letter's
// data (canonical JSON) are stored with the audit event in one transaction; downloads return those bytes.
import { createHash } from "node:crypto";
import { recordAudit } from "../../audit/record";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg, isUuid } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { renderRepresentationLetterPdf } from "../../pdf/RepresentationLetter";
import { peopleByIds } from "../periods/period-views";
import { letterCanonical, letterData } from "./representation-letter";

export async function signRepresentationLetter({ ctx, input }: { ctx: ServiceContext; input: { periodId: string } }): Promise<{ id: string; sha256: string; signedAt: string; reportVersion: number }> {
  authorize(ctx, "report:signoff");
  if (!isUuid(input.periodId)) throw notFound("Reporting period");
  const draft = await letterData(ctx, input.periodId, null);
  if (draft.approvedById !== ctx.userId)
    throw new AppError("FORBIDDEN", "The representation letter is signed by the approver of the signed report version.", [{ field: "signer", reason: "not the approver" }]);
  const me = (await peopleByIds([ctx.userId]).then((m) => m.get(ctx.userId!)))!;
  const signedAt = new Date();
  const { data, reportVersionId } = await letterData(ctx, input.periodId, { name: me.name, email: me.email, signedAt: signedAt.toISOString() });
  const pdf = await renderRepresentationLetterPdf(data);
  const sha256 = createHash("sha256").update(pdf).digest("hex");
  return prisma.$transaction(async (tx) => {
    if (await tx.representationLetter.findFirst({ where: { ...inOrg(ctx), reportVersionId }, select: { id: true } }))
      throw new AppError("CONFLICT", `The representation letter of report version ${data.reportVersion.number} is already signed.`, [{ field: "period", reason: "already signed" }]);
    const row = await tx.representationLetter.create({ data: { ...inOrg(ctx), periodId: input.periodId, reportVersionId, content: letterCanonical(data), pdf: new Uint8Array(pdf), sha256, signedById: ctx.userId!, signedAt } });
    await recordAudit(tx, ctx, {
      action: "representation-letter.signed",
      entityType: "RepresentationLetter",
      entityId: row.id,
      after: { periodId: input.periodId, reportVersionId, reportVersion: data.reportVersion.number, sha256, signedAt: signedAt.toISOString(), uncorrectedMisstatements: data.uncorrected.length, uncorrectedTotalKgCo2e: data.uncorrectedTotalKgCo2e },
    });
    return { id: row.id, sha256, signedAt: signedAt.toISOString(), reportVersion: data.reportVersion.number };
  });
}
