import { createCloudMapping } from "@/lib/services/cloud-mappings/create-cloud-mapping";
import { listCloudMappings } from "@/lib/services/cloud-mappings/list-cloud-mappings";
import { orgRoute, readJson } from "../../../_lib/route";

/** The mappings, and the provider rows per mapped project with the "Unassigned" group. */
export const GET = orgRoute(({ ctx }) => listCloudMappings({ ctx }));

/** { provider, matchType, matchValue, projectId } → 201 { id, rowsMoved } (rows already imported move at once). */
export const POST = orgRoute(async ({ ctx, req }) => Response.json(await createCloudMapping({ ctx, input: await readJson(req) }), { status: 201 }));
