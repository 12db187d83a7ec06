// GET: one inquiry with its thread and attachments.
import { getInquiry } from "@/lib/services/assurance/get-inquiry";
import { orgRoute } from "../../../../_lib/route";

export const GET = orgRoute(({ ctx, params }) => getInquiry({ ctx, input: { inquiryId: params.id } }));
