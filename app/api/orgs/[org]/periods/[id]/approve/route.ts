// POST: a second member with report:signoff approves the period in review: signed off, report version frozen.
import { approvePeriod } from "@/lib/services/periods/approve-period";
import { orgRoute } from "../../../../../_lib/route";

export const POST = orgRoute(({ ctx, params }) => approvePeriod({ ctx, input: { periodId: params.id } }));
