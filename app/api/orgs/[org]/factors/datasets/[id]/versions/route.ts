// POST {"version": "2"}: a new, unlocked version of the dataset (a copy of it) in the organization.
import { createFactorDatasetVersion } from "@/lib/services/factors/create-factor-dataset-version";
import { orgRoute, readJson } from "../../../../../../_lib/route";

export const POST = orgRoute(async ({ ctx, req, params }) => {
  const body = (await readJson(req)) as Record<string, unknown> | null;
  const input = { ...(typeof body === "object" && body ? body : {}), datasetId: params.id };
  return Response.json(await createFactorDatasetVersion({ ctx, input }), { status: 201 });
});
