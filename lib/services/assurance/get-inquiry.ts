// Use case: one inquiry with its thread, attachments (name, sha256, size) and resolution.
import type { ServiceContext } from "../../auth/context";
import { forbidden } from "../../errors";
import { prisma } from "../../db/client";
import type { InquiryDetail } from "../../views/inquiries";
import { inquiryDetail, sideOf } from "./inquiry-access";

export async function getInquiry({ ctx, input }: { ctx: ServiceContext; input: { inquiryId: string } }): Promise<InquiryDetail> {
  if (!sideOf(ctx)) throw forbidden("inquiry:answer");
  return inquiryDetail(prisma, ctx, input.inquiryId);
}
