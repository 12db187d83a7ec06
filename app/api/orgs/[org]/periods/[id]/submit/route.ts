// POST: the preparer submits the period for review ({ acknowledgeUnresolved?: true }).
import { submitPeriod } from "@/lib/services/periods/submit-period";
import { readActionBody } from "../../../../../_lib/action-body";
import { orgRoute } from "../../../../../_lib/route";

export const POST = orgRoute(async ({ ctx, req, params }) => submitPeriod({ ctx, input: { ...(await readActionBody(req)), periodId: params.id } }));
