import { updateSite } from "@/lib/services/activity/update-site";
import { orgRoute, readJson } from "../../../../_lib/route";

export const PATCH = orgRoute(async ({ ctx, req, params }) => {
  const body = await readJson(req);
  return updateSite({ ctx, input: { ...(body && typeof body === "object" ? body : {}), id: params.id } });
});
