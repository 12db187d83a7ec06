import { listExperimentRuns } from "@/lib/services/tracker-api/list-experiment-runs";
import { trackerRoute } from "../../../_lib/route";

export const GET = trackerRoute(({ ctx, params }) => listExperimentRuns({ ctx, input: { experimentId: params.id } }));
