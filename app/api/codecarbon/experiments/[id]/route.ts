import { getExperiment } from "@/lib/services/codecarbon-api/get-experiment";
import { trackerRoute } from "../../_lib/route";

export const GET = trackerRoute(({ ctx, params }) => getExperiment({ ctx, input: { experimentId: params.id } }));
