import { listProjectExperiments } from "@/lib/services/tracker-api/list-project-experiments";
import { trackerRoute } from "../../../_lib/route";

export const GET = trackerRoute(({ ctx, params }) => listProjectExperiments({ ctx, input: { projectId: params.id } }));
