// Use case: the auditor returns an answer that does not settle the inquiry (answered → reopened), saying why.
import { z } from "zod";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { isUuid } from "../../db/scope";
import { parseInput } from "../../parse-input";
import type { InquiryDetail } from "../../views/inquiries";
import { inquiryDetail } from "./inquiry-access";
import { stepInquiry } from "./inquiry-transition";

export const ReturnInquiryInput = z.object({
  inquiryId: z.string().refine(isUuid, "Inquiry not found."),
  reason: z.string({ error: "must not be empty" }).trim().min(1, "must not be empty: say what is still missing").max(10000),
});

export async function returnInquiry({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<InquiryDetail> {
  authorize(ctx, "assurance:work");
  const data = parseInput(ReturnInquiryInput, input);
  await prisma.$transaction((tx) => stepInquiry(tx, ctx, { inquiryId: data.inquiryId, action: "return", body: data.reason }));
  return inquiryDetail(prisma, ctx, data.inquiryId);
}
