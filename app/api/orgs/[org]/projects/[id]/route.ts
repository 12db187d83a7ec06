import { getProjectDetail } from "@/lib/services/projects/get-project-detail";
import { orgRoute } from "../../../../_lib/route";

export const GET = orgRoute(({ ctx, params }) => getProjectDetail({ ctx, input: { projectId: params.id } }));
