// PATCH JSON or multipart/form-data: edit an activity record (fields given replace the record's; optional "evidence"
// file). DELETE: delete it (soft: stated figures keep their link to it). Officers and admins (activity:manage).
import { deleteActivity } from "@/lib/services/activity/delete-activity";
import { updateActivity } from "@/lib/services/activity/update-activity";
import { readEntryBody } from "../../../../_lib/entry-body";
import { orgRoute } from "../../../../_lib/route";

export const runtime = "nodejs";

export const PATCH = orgRoute(async ({ ctx, req, params }) => {
  const { fields, evidence } = await readEntryBody(req);
  return updateActivity({ ctx, input: { ...(fields && typeof fields === "object" ? fields : {}), id: params.id }, evidence });
});

export const DELETE = orgRoute(({ ctx, params }) => deleteActivity({ ctx, input: { id: params.id } }));
