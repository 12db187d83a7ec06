import { listRunEmissions } from "@/lib/services/tracker-api/list-run-emissions";
import { trackerRoute } from "../../../_lib/route";

export const GET = trackerRoute(({ ctx, params, query }) => listRunEmissions({ ctx, input: { runId: params.id, query } }));
