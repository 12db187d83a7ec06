// GET: the period's samples. POST: draw and store a new sample (auditors).
import { createSample } from "@/lib/services/assurance/procedures/create-sample";
import { listSamples } from "@/lib/services/assurance/procedures/list-samples";
import { orgRoute, readJson } from "../../../../../_lib/route";

export const GET = orgRoute(async ({ ctx, params }) => listSamples({ ctx, input: { periodId: params.id } }));

export const POST = orgRoute(async ({ ctx, req, params }) => {
  const body = (await readJson(req)) as Record<string, unknown>;
  return createSample({ ctx, input: { ...body, periodId: params.id } });
});
