// GET ?from=YYYY-MM-DD&to=YYYY-MM-DD&category=electricity&siteId=<uuid> — records and totals.
// POST JSON or multipart/form-data (fields as the CSV template's, camelCase; optional "evidence" file) — 201.
import { createActivity } from "@/lib/services/activity/create-activity";
import { listActivities } from "@/lib/services/activity/list-activities";
import { readEntryBody } from "../../../_lib/entry-body";
import { orgRoute } from "../../../_lib/route";

export const runtime = "nodejs";

export const GET = orgRoute(({ ctx, req }) => listActivities({ ctx, input: Object.fromEntries(new URL(req.url).searchParams) }));

export const POST = orgRoute(async ({ ctx, req }) => {
  const { fields, evidence } = await readEntryBody(req);
  return Response.json(await createActivity({ ctx, input: fields, evidence }), { status: 201 });
});
