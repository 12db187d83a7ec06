// POST: the auditor records their conclusion on the engagement ({ conclusion }).
import { concludeEngagement } from "@/lib/services/assurance/conclude-engagement";
import { readActionBody } from "../../../../../_lib/action-body";
import { orgRoute } from "../../../../../_lib/route";

export const POST = orgRoute(async ({ ctx, req, params }) => concludeEngagement({ ctx, input: { ...(await readActionBody(req)), engagementId: params.id } }));
