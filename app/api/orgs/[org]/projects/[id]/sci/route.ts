import { setProjectSci } from "@/lib/services/projects/set-project-sci";
import { orgRoute, readJson } from "../../../../../_lib/route";

export const PATCH = orgRoute(async ({ ctx, req, params }) => {
  const body = await readJson(req);
  return setProjectSci({ ctx, input: { ...(typeof body === "object" && body ? body : {}), projectId: params.id } });
});
