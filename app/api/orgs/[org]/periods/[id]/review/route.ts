// POST: the reviewer records the review of a period in review ({ note? }): preparer → reviewer → approver.
import { reviewPeriod } from "@/lib/services/periods/review-period";
import { readActionBody } from "../../../../../_lib/action-body";
import { orgRoute } from "../../../../../_lib/route";

export const POST = orgRoute(async ({ ctx, req, params }) => reviewPeriod({ ctx, input: { ...(await readActionBody(req)), periodId: params.id } }));
