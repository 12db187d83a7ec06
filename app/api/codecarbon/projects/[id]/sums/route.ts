import { sumProject } from "@/lib/services/tracker-api/sum-project";
import { trackerRoute } from "../../../_lib/route";

export const GET = trackerRoute(({ ctx, params, query }) => sumProject({ ctx, input: { projectId: params.id, query } }));
