import { createSite } from "@/lib/services/activity/create-site";
import { listSites } from "@/lib/services/activity/list-sites";
import { orgRoute, readJson } from "../../../_lib/route";

export const GET = orgRoute(({ ctx }) => listSites({ ctx }));

export const POST = orgRoute(async ({ ctx, req }) => Response.json(await createSite({ ctx, input: await readJson(req) }), { status: 201 }));
