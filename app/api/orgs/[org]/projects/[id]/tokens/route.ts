import { createApiToken } from "@/lib/services/organizations/create-api-token";
import { orgRoute, readJson } from "../../../../../_lib/route";

// The response carries the token itself: the only time it is ever shown.
export const POST = orgRoute(async ({ ctx, req, params }) => {
  const body = (await readJson(req)) as Record<string, unknown> | null;
  const token = await createApiToken({ ctx, input: { ...(typeof body === "object" ? body : {}), projectId: params.id } });
  return Response.json(token, { status: 201, headers: { "cache-control": "no-store" } });
});
