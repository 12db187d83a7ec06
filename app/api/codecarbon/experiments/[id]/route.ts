import { getExperiment } from "@/lib/services/tracker-api/get-experiment";
import { trackerRoute } from "../../_lib/route";

export const GET = trackerRoute(({ ctx, params }) => getExperiment({ ctx, input: { experimentId: params.id } }));
