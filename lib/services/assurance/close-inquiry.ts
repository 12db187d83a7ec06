// Use case: the auditor closes an inquiry with its resolution: no issue, or a misstatement in tCO2e (stored in kg,
// exactly), corrected by the organization or left uncorrected. The misstatement is recorded (or replaced, when a
// reopened inquiry is closed again) in the same transaction as the closing and its audit event.
import { z } from "zod";
import { authorize, type ServiceContext } from "../../auth/context";
import { prisma } from "../../db/client";
import { inOrg, isUuid } from "../../db/scope";
import { invalid } from "../../errors";
import { dec, text } from "../../ghg/decimal";
import { parseInput } from "../../parse-input";
import type { InquiryDetail } from "../../views/inquiries";
import { inquiryDetail } from "./inquiry-access";
import { stepInquiry } from "./inquiry-transition";
import { writeMisstatement } from "./record-misstatement";

const DECIMAL = /^-?\d{1,15}(\.\d{1,12})?$/;

export const CloseInquiryInput = z.object({
  inquiryId: z.string().refine(isUuid, "Inquiry not found."),
  resolution: z.enum(["NO_ISSUE", "MISSTATEMENT"], { error: "must be NO_ISSUE or MISSTATEMENT" }),
  note: z.string().trim().max(10000).default(""),
  /** Tonnes of CO2e, signed (positive: reported emissions overstated). Only with MISSTATEMENT. */
  misstatementTCo2e: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().regex(DECIMAL, "must be a decimal number of tCO2e, e.g. 1.25").optional()),
  corrected: z.preprocess((v) => (v === "" || v === undefined ? undefined : v === true || v === "true" || v === "on"), z.boolean().optional()),
});

export async function closeInquiry({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<InquiryDetail> {
  authorize(ctx, "assurance:work");
  const data = parseInput(CloseInquiryInput, input);
  if (data.resolution === "MISSTATEMENT") {
    const issues = [];
    if (!data.misstatementTCo2e || dec(data.misstatementTCo2e).isZero()) issues.push({ field: "misstatementTCo2e", reason: "a misstatement needs its amount in tCO2e (not zero)" });
    if (data.corrected === undefined) issues.push({ field: "corrected", reason: "say whether the organization corrected it" });
    if (issues.length) throw invalid("A misstatement needs its amount and whether it was corrected.", issues);
  } else if (data.misstatementTCo2e) throw invalid("No issue: leave the misstatement amount empty.", [{ field: "misstatementTCo2e", reason: "only with resolution MISSTATEMENT" }]);
  const body = data.note || (data.resolution === "NO_ISSUE" ? "Closed: no issue." : `Closed: misstatement of ${data.misstatementTCo2e} tCO2e, ${data.corrected ? "corrected" : "uncorrected"}.`);
  await prisma.$transaction((tx) =>
    stepInquiry(tx, ctx, {
      inquiryId: data.inquiryId,
      action: "close",
      body,
      closing: { resolution: data.resolution },
      extra: async (inquiry) => {
        if (data.resolution === "NO_ISSUE") {
          const removed = await tx.misstatement.deleteMany({ where: { ...inOrg(ctx), source: "INQUIRY", sourceId: inquiry.id } });
          return removed.count ? { misstatementRemoved: true } : {};
        }
        const kg = text(dec(data.misstatementTCo2e!).mul(1000));
        const m = await writeMisstatement(tx, ctx, { engagementId: inquiry.engagementId, periodId: inquiry.periodId, source: "INQUIRY", sourceId: inquiry.id, description: data.note || body, amountKgCo2e: kg, corrected: data.corrected! });
        return { misstatement: { id: m.id, amountKgCo2e: kg, corrected: data.corrected } };
      },
    }),
  );
  return inquiryDetail(prisma, ctx, data.inquiryId);
}
