// PATCH JSON or multipart/form-data: edit a contractual instrument (fields given replace its own; optional
// "evidence" file). DELETE: delete it (soft: a version that allocated it still names it). instrument:manage.
import { deleteInstrument } from "@/lib/services/activity/delete-instrument";
import { updateInstrument } from "@/lib/services/activity/update-instrument";
import { readEntryBody } from "../../../../_lib/entry-body";
import { orgRoute } from "../../../../_lib/route";

export const runtime = "nodejs";

export const PATCH = orgRoute(async ({ ctx, req, params }) => {
  const { fields, evidence } = await readEntryBody(req);
  return updateInstrument({ ctx, input: { ...(fields && typeof fields === "object" ? fields : {}), id: params.id }, evidence });
});

export const DELETE = orgRoute(({ ctx, params }) => deleteInstrument({ ctx, input: { id: params.id } }));
