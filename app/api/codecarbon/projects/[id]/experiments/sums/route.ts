import { sumProjectExperiments } from "@/lib/services/tracker-api/sum-project-experiments";
import { trackerRoute } from "../../../../_lib/route";

export const GET = trackerRoute(({ ctx, params, query }) => sumProjectExperiments({ ctx, input: { projectId: params.id, query } }));
