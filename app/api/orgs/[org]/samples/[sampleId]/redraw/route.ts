// POST: draw the sample again from its stored parameters and compare (writes nothing).
import { redrawSample } from "@/lib/services/assurance/procedures/redraw-sample";
import { orgRoute } from "../../../../../_lib/route";

export const POST = orgRoute(async ({ ctx, params }) => redrawSample({ ctx, input: { sampleId: params.sampleId } }));
