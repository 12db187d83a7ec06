// Use case: a member of the organization answers an open or returned inquiry, with files kept as evidence (sha256).
import { z } from "zod";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { isUuid } from "../../db/scope";
import { parseInput } from "../../parse-input";
import type { InquiryDetail } from "../../views/inquiries";
import type { Attachment } from "../activity/evidence";
import { checkAttachments, inquiryDetail } from "./inquiry-access";
import { stepInquiry } from "./inquiry-transition";

export const AnswerInquiryInput = z.object({
  inquiryId: z.string().refine(isUuid, "Inquiry not found."),
  answer: z.string({ error: "must not be empty" }).trim().min(1, "must not be empty").max(10000),
});

export async function answerInquiry({ ctx, input, attachments }: { ctx: ServiceContext; input: unknown; attachments?: Attachment[] }): Promise<InquiryDetail> {
  authorize(ctx, "inquiry:answer");
  const data = parseInput(AnswerInquiryInput, input);
  const files = checkAttachments(attachments);
  await prisma.$transaction((tx) => stepInquiry(tx, ctx, { inquiryId: data.inquiryId, action: "answer", body: data.answer, files }));
  return inquiryDetail(prisma, ctx, data.inquiryId);
}
