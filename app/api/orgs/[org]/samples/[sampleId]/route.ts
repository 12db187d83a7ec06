// GET: one sample with its items, results and misstatement summary.
import { getSample } from "@/lib/services/assurance/procedures/get-sample";
import { orgRoute } from "../../../../_lib/route";

export const GET = orgRoute(async ({ ctx, params }) => getSample({ ctx, input: { sampleId: params.sampleId } }));
