// Use case: the representation letter of a period as PDF — the signed letter's stored bytes (exactly those whose
// sha256 was recorded at signing), or a draft marked "DRAFT" from the signed report version's data.
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg, isUuid } from "../../db/scope";
import { AppError, notFound } from "../../errors";
import { renderRepresentationLetterPdf } from "../../pdf/RepresentationLetter";
import { createHash } from "node:crypto";
import { letterData } from "./representation-letter";

export interface LetterFile {
  fileName: string;
  bytes: Buffer;
  signed: boolean;
  sha256: string;
}

export async function getRepresentationLetter({ ctx, input }: { ctx: ServiceContext; input: { periodId: string } }): Promise<LetterFile> {
  authorize(ctx, "report:read");
  if (!isUuid(input.periodId)) throw notFound("Reporting period");
  const { data, reportVersionId } = await letterData(ctx, input.periodId, null);
  const name = `${data.entity.slug}-${data.period.name}-representation-letter-v${data.reportVersion.number}`.replace(/[^\w.-]+/g, "_");
  const signed = await prisma.representationLetter.findFirst({ where: { ...inOrg(ctx), reportVersionId } });
  if (signed) {
    const bytes = Buffer.from(signed.pdf);
    if (createHash("sha256").update(bytes).digest("hex") !== signed.sha256) throw new AppError("CONFLICT", "The signed representation letter does not match its sha256: it was altered outside Scopebook.");
    return { fileName: `${name}-signed.pdf`, bytes, signed: true, sha256: signed.sha256 };
  }
  const bytes = await renderRepresentationLetterPdf(data);
  return { fileName: `${name}-draft.pdf`, bytes, signed: false, sha256: createHash("sha256").update(bytes).digest("hex") };
}

