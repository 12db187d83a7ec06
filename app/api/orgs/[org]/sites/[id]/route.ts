// PATCH JSON or form data: change a site (fields given are set; an empty field is cleared).
import { updateSite } from "@/lib/services/activity/update-site";
import { readEntryBody } from "../../../../_lib/entry-body";
import { orgRoute } from "../../../../_lib/route";

export const PATCH = orgRoute(async ({ ctx, req, params }) => {
  const { fields } = await readEntryBody(req);
  return updateSite({ ctx, input: { ...(fields && typeof fields === "object" ? fields : {}), id: params.id } });
});
