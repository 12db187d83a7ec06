// GET: the sites with their record counts. POST JSON or form data: a new site (201).
import { createSite } from "@/lib/services/activity/create-site";
import { listSites } from "@/lib/services/activity/list-sites";
import { readEntryBody } from "../../../_lib/entry-body";
import { orgRoute } from "../../../_lib/route";

export const GET = orgRoute(({ ctx }) => listSites({ ctx }));

export const POST = orgRoute(async ({ ctx, req }) => Response.json(await createSite({ ctx, input: (await readEntryBody(req)).fields }), { status: 201 }));
