import { sumExperimentRuns } from "@/lib/services/tracker-api/sum-experiment-runs";
import { trackerRoute } from "../../../../_lib/route";

export const GET = trackerRoute(({ ctx, params, query }) => sumExperimentRuns({ ctx, input: { experimentId: params.id, query } }));
