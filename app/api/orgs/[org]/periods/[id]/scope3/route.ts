// PUT { category, relevance: NOT_RELEVANT | NOT_CALCULATED | "", reason }: why a Scope 3 category has no figure.
import { setScope3Note } from "@/lib/services/periods/set-scope3-note";
import { readActionBody } from "../../../../../_lib/action-body";
import { orgRoute } from "../../../../../_lib/route";

export const PUT = orgRoute(async ({ ctx, req, params }) => setScope3Note({ ctx, input: { ...(await readActionBody(req)), periodId: params.id } }));
export const POST = PUT;
