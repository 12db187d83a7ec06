// POST { reason }: return a period in review, or reopen a signed-off one (its signed version stays).
import { reopenPeriod } from "@/lib/services/periods/reopen-period";
import { readActionBody } from "../../../../../_lib/action-body";
import { orgRoute } from "../../../../../_lib/route";

export const POST = orgRoute(async ({ ctx, req, params }) => reopenPeriod({ ctx, input: { ...(await readActionBody(req)), periodId: params.id } }));
