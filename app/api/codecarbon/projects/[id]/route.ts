import { getProject } from "@/lib/services/tracker-api/get-project";
import { trackerRoute } from "../../_lib/route";

export const GET = trackerRoute(({ ctx, params }) => getProject({ ctx, input: { projectId: params.id } }));
