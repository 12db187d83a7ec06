// Use case: the auditor reopens a closed inquiry (closed → reopened); a reason is required. A misstatement the
// closing recorded stays until the inquiry is closed again (with its new resolution).
import { z } from "zod";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { isUuid } from "../../db/scope";
import { parseInput } from "../../parse-input";
import type { InquiryDetail } from "../../views/inquiries";
import { inquiryDetail } from "./inquiry-access";
import { stepInquiry } from "./inquiry-transition";

export const ReopenInquiryInput = z.object({
  inquiryId: z.string().refine(isUuid, "Inquiry not found."),
  reason: z.string({ error: "must not be empty" }).trim().min(1, "must not be empty: say why the inquiry is reopened").max(10000),
});

export async function reopenInquiry({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<InquiryDetail> {
  authorize(ctx, "assurance:work");
  const data = parseInput(ReopenInquiryInput, input);
  await prisma.$transaction((tx) => stepInquiry(tx, ctx, { inquiryId: data.inquiryId, action: "reopen", body: data.reason }));
  return inquiryDetail(prisma, ctx, data.inquiryId);
}
