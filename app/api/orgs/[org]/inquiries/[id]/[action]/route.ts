// POST: one step of an inquiry — answer ({ answer } and files, inquiry:answer), return ({ reason }), close
// ({ resolution, note?, misstatementTCo2e?, corrected? }) or reopen ({ reason }) by the auditor.
import { answerInquiry } from "@/lib/services/assurance/answer-inquiry";
import { closeInquiry } from "@/lib/services/assurance/close-inquiry";
import { reopenInquiry } from "@/lib/services/assurance/reopen-inquiry";
import { returnInquiry } from "@/lib/services/assurance/return-inquiry";
import { notFound } from "@/lib/errors";
import { readFieldsAndFiles } from "../../../../../_lib/form-with-files";
import { orgRoute } from "../../../../../_lib/route";

export const POST = orgRoute(async ({ ctx, req, params }) => {
  const { fields, files } = await readFieldsAndFiles(req);
  const input = { ...fields, inquiryId: params.id };
  switch (params.action) {
    case "answer":
      return answerInquiry({ ctx, input, attachments: files });
    case "return":
      return returnInquiry({ ctx, input });
    case "close":
      return closeInquiry({ ctx, input });
    case "reopen":
      return reopenInquiry({ ctx, input });
    default:
      throw notFound("Action");
  }
});
